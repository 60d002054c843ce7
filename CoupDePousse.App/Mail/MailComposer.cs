using System.Globalization;
using System.Net;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoupDePousse.App.Mail;

/// <summary>Who a mail is for: their address, their own name, the language and time zone they read in.</summary>
public sealed record MailRecipient(string Email, string DisplayName, string? Language, string? TimeZoneId)
{
    public CultureInfo Culture => Language is { } language && language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
        ? CultureInfo.GetCultureInfo("en-US")
        : CultureInfo.GetCultureInfo("fr-FR");

    public TimeZoneInfo Zone => TimeZoneId is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : MeetingTimes.DefaultZone;
}

/// <summary>
/// Writes the mails in the recipient's language. The calendar's neutral rule (decision 019): a mail says what to do and
/// links into the app; it carries no case content, no other person's name, no place or link of a meeting, only its time.
/// </summary>
public sealed class MailComposer(IStringLocalizer<MailText> text, MailLinks links, IOptions<MailOptions> options)
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public MailLinks Links => links;

    /// <summary>Where a notification's link points (<see cref="Data.Notification.PathOf"/>).</summary>
    public static string LinkPath(NotificationKind kind, Guid? caseId) => Data.Notification.PathOf(kind, caseId);

    public MimeMessage ForNotification(MailRecipient recipient, NotificationKind kind, Guid? caseId, DateTimeOffset? meetingAt) =>
        InCulture(recipient.Culture, () =>
        {
            var paragraphs = new List<string> { text[$"Body.{kind}"] };
            if (meetingAt is { } at)
            {
                var local = TimeZoneInfo.ConvertTime(at, recipient.Zone);
                paragraphs.Add(text["MeetingAt", local.ToString(text["DateFormat"], recipient.Culture), recipient.Zone.Id]);
            }

            return Build(recipient, text[$"Subject.{kind}"], paragraphs, text["Open"], links.For(LinkPath(kind, caseId)), text["Footer"]);
        });

    /// <summary>An invitation (no password yet) or a password reset, with its single-use link: sent at once, stored nowhere.</summary>
    public MimeMessage ForAccountLink(MailRecipient recipient, bool isReset, string relativeUrl) =>
        InCulture(recipient.Culture, () => Build(recipient,
            text[isReset ? "Reset.Subject" : "Invitation.Subject"],
            [text[isReset ? "Reset.Body" : "Invitation.Body"]],
            text[isReset ? "Reset.Action" : "Invitation.Action"],
            links.For(relativeUrl),
            text["LinkValidity", (int)AccountLinks.Lifespan.TotalHours]));

    private MimeMessage Build(MailRecipient recipient, string subject, IReadOnlyList<string> paragraphs, string action, string url, string footer)
    {
        var greeting = text["Greeting", recipient.DisplayName].Value;
        var plain = string.Join("\n\n", [greeting, .. paragraphs, $"{action}\n{url}", footer]) + "\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{recipient.Culture.TwoLetterISOLanguageName}"><body style="font-family: sans-serif; line-height: 1.5">
            <p>{Encode(greeting)}</p>
            {string.Concat(paragraphs.Select(p => $"<p>{Encode(p)}</p>"))}
            <p><a href="{Encode(url)}">{Encode(action)}</a></p>
            <p style="color: #666; font-size: smaller">{Encode(footer)}</p>
            </body></html>
            """;

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_smtp.FromName, _smtp.From));
        message.To.Add(new MailboxAddress(recipient.DisplayName, recipient.Email));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = plain, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    // The localizer reads the current UI culture: set it for this mail only (it flows back unchanged to the caller).
    private static T InCulture<T>(CultureInfo culture, Func<T> compose)
    {
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }
}
