namespace CoupDePousse.App.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Mail</c> section: an SMTP server when <c>Mail:Smtp:Host</c> is set, else a pickup folder of .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public const string DefaultPickupFolderName = "mail-pickup";
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where mails go without SMTP; relative to the content root; default a <c>mail-pickup</c> folder next to the SQLite file.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The absolute address people reach the app at, for the links in mails.</summary>
    public string? PublicBaseUrl { get; set; }

    public double PollSeconds { get; set; } = 15;

    public int BatchSize { get; set; } = 20;

    public int MaxAttempts { get; set; } = 5;

    public bool SmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "coupdepousse@localhost";

    public string FromName { get; set; } = "Coup de pousse";

    public int TimeoutSeconds { get; set; } = 30;
}
