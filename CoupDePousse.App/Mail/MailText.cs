namespace CoupDePousse.App.Mail;

/// <summary>Marker for the mails' strings: French in MailText.resx (neutral), English in MailText.en.resx.</summary>
public sealed class MailText;
