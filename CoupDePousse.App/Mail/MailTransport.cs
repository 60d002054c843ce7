using CoupDePousse.App.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoupDePousse.App.Mail;

public enum MailTransportMode
{
    Smtp,
    Pickup,
}

/// <summary>Hands one finished message over: to the SMTP server, or to the pickup folder. Throws when it could not.</summary>
public interface IMailTransport
{
    MailTransportMode Mode { get; }

    /// <summary>Where it sends, for the start-up log line: the server or the folder, never a credential.</summary>
    string Destination { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit, one connection per message: mails are few, and a dead connection is never reused.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public MailTransportMode Mode => MailTransportMode.Smtp;

    public string Destination => $"{_smtp.Host}:{_smtp.Port} ({_smtp.Security})";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = _smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(_smtp.Host!, _smtp.Port, _smtp.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(_smtp.UserName))
        {
            await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Without SMTP: one .eml file per message in an owner-only folder, so that a newcomer sees what would be sent.</summary>
public sealed class PickupMailTransport : IMailTransport
{
    private readonly string _folder;

    public PickupMailTransport(string folder)
    {
        _folder = RestrictedFiles.OwnerOnlyFolder(folder, tightenExisting: true).FullName;
    }

    public MailTransportMode Mode => MailTransportMode.Pickup;

    public string Destination => _folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = RestrictedFiles.FileMode;
        }

        await using var stream = new FileStream(path, fileOptions);
        await message.WriteToAsync(stream, cancellationToken);
    }
}
