namespace CoupDePousse.App.Features.Preferences;

/// <summary>Marker for the mail preferences' strings: French in MailPreferencesText.resx (neutral), English in MailPreferencesText.en.resx.</summary>
public sealed class MailPreferencesText;
