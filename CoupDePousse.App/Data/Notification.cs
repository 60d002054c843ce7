using CoupDePousse.Domain.Notifications;

namespace CoupDePousse.App.Data;

/// <summary>Whether a notification still has a mail to send.</summary>
public enum MailStatus
{
    /// <summary>Waiting for the mail sender, which decides at sending time (the person's preferences) whether to send it.</summary>
    Pending,

    Sent,

    /// <summary>Not sent on purpose: the person switched this kind of mail off, or has no address.</summary>
    Skipped,

    /// <summary>Gave up after repeated failures of the mail server.</summary>
    Failed,
}

/// <summary>
/// One thing a person is told: a line under the bell and, unless they switched that kind off, one mail. It points at the
/// case or meeting it is about and carries no text of it. Rows are written in the same save as what they tell about.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RecipientId { get; init; }

    public required NotificationKind Kind { get; init; }

    public Guid? CaseId { get; init; }

    public Guid? MeetingId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When set, at most one notification per recipient carries this key (a unique index): a reminder or a nudge written
    /// twice, by two app instances or a retried job, is refused by the database.
    /// </summary>
    public string? DedupKey { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    public MailStatus MailStatus { get; set; } = MailStatus.Pending;

    public int MailAttempts { get; set; }

    public DateTimeOffset? MailSentAt { get; set; }

    /// <summary>The address, inside the app, that the bell's line and the mail's link lead to.</summary>
    public static string PathOf(NotificationKind kind, Guid? caseId) => NotificationKinds.TargetOf(kind, caseId) switch
    {
        NotificationTarget.Home => "/",
        NotificationTarget.CaseMeetings => $"/cases/{caseId}/meetings",
        NotificationTarget.Case => $"/cases/{caseId}",
        _ => "/notifications",
    };

    /// <summary>
    /// While pending, no sender takes the mail before this instant: the lease of the sender that claimed it, then the
    /// wait before the next attempt after a failure. Null: take it now.
    /// </summary>
    public DateTimeOffset? MailNextAttemptAt { get; set; }
}
