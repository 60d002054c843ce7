namespace CoupDePousse.App.Mail;

/// <summary>
/// Invitation and password-reset links by mail, when an SMTP server is configured: sent at once, straight to the person,
/// never queued or stored (the link is a secret). Without SMTP the administrator is shown the link instead, and nothing is
/// written to the pickup folder.
/// </summary>
public sealed class AccountLinkMail(IMailTransport transport, MailComposer composer)
{
    public bool CanSend => transport.Mode == MailTransportMode.Smtp;

    public Task SendAsync(MailRecipient recipient, bool isReset, string relativeUrl, CancellationToken cancellationToken) =>
        CanSend
            ? transport.SendAsync(composer.ForAccountLink(recipient, isReset, relativeUrl), cancellationToken)
            : throw new InvalidOperationException("Account links go by mail only through SMTP.");

    /// <summary>The address as the administrator is shown it: a***@example.com.</summary>
    public static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
