using CoupDePousse.App.Data;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Mail;

/// <summary>What one pass of the sender did.</summary>
public sealed record MailPassResult(int Sent, int Skipped, int Retried, int Failed)
{
    public int Handled => Sent + Skipped + Retried + Failed;
}

/// <summary>
/// Sends the mails of pending notifications, oldest first. Each row is claimed by a conditional update (still pending, same
/// attempt count, not leased) that also leases it, so that several app instances never send one mail twice; the sender
/// then skips it (account disabled, no address, kind switched off), sends it, or leaves it pending for a later attempt.
/// </summary>
public sealed class MailDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    IMailTransport transport,
    MailComposer composer,
    MailWakeUp wakeUp,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    /// <summary>How long a claim holds a row: longer than one SMTP exchange, so that nobody takes it while it is being sent.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly NotificationKind[] TimedKinds =
        [NotificationKind.MeetingConfirmed, NotificationKind.MeetingMoved, NotificationKind.MeetingReminder];

    private readonly MailOptions _options = options.Value;

    /// <summary>The wait before the attempt after <paramref name="attempts"/> failed ones: 1, 2, 4, 8… minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation(transport.Mode == MailTransportMode.Smtp
            ? "Mail: sending through the SMTP server {Destination}"
            : "Mail: no SMTP server configured (Mail:Smtp:Host); each mail is written as an .eml file in {Destination}", transport.Destination);
        if (composer.Links.IsFallback)
        {
            logger.LogWarning("Mail: Mail:PublicBaseUrl is not set; the links in mails point at {BaseUrl}", composer.Links.BaseUrl);
        }

        var interval = TimeSpan.FromSeconds(Math.Max(0.05, _options.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may wait: go again at once.
                while ((await RunOnceAsync(stoppingToken)).Handled >= _options.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Mail: a pass of the sender failed; it tries again at the next one");
            }

            await wakeUp.WaitAsync(interval, stoppingToken);
        }
    }

    /// <summary>One pass: a batch of the oldest pending mails that are due.</summary>
    public async Task<MailPassResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<(Guid Id, int Attempts)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = (await db.Notifications.AsNoTracking()
                .Where(n => n.MailStatus == MailStatus.Pending && (n.MailNextAttemptAt == null || n.MailNextAttemptAt <= now))
                .OrderBy(n => n.CreatedAt)
                .Take(_options.BatchSize)
                .Select(n => new { n.Id, n.MailAttempts })
                .ToListAsync(cancellationToken))
                .Select(n => (n.Id, n.MailAttempts))
                .ToList();
        }

        int sent = 0, skipped = 0, retried = 0, failed = 0;
        foreach (var (id, attempts) in due)
        {
            switch (await HandleAsync(id, attempts, cancellationToken))
            {
                case MailStatus.Sent: sent++; break;
                case MailStatus.Skipped: skipped++; break;
                case MailStatus.Pending: retried++; break;
                case MailStatus.Failed: failed++; break;
            }
        }

        return new MailPassResult(sent, skipped, retried, failed);
    }

    // Null when another sender claimed the row first.
    private async Task<MailStatus?> HandleAsync(Guid id, int attempts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = attempts + 1;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leaseEnd = now + Lease;
        var claimed = await db.Notifications
            .Where(n => n.Id == id && n.MailStatus == MailStatus.Pending && n.MailAttempts == attempts
                && (n.MailNextAttemptAt == null || n.MailNextAttemptAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.MailAttempts, attempt).SetProperty(n => n.MailNextAttemptAt, leaseEnd), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var mail = await db.Notifications.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new
            {
                n.Kind,
                n.CaseId,
                n.MeetingId,
                n.RecipientId,
                Recipient = db.Users.Where(u => u.Id == n.RecipientId)
                    .Select(u => new { u.Email, u.DisplayName, u.Language, u.TimeZoneId, u.DisabledAt })
                    .FirstOrDefault(),
                SwitchedOff = db.MailPreferences.Any(p => p.UserId == n.RecipientId && p.Kind == n.Kind),
            })
            .SingleAsync(cancellationToken);

        if (mail.Recipient is null || mail.Recipient.DisabledAt is not null || string.IsNullOrWhiteSpace(mail.Recipient.Email) || mail.SwitchedOff)
        {
            return await SettleAsync(db, id, attempt, MailStatus.Skipped, null, cancellationToken);
        }

        // Everything from here counts as an attempt: a mail that cannot be written or sent ends Failed, never pending for ever.
        try
        {
            DateTimeOffset? meetingAt = null;
            if (mail.MeetingId is { } meetingId && TimedKinds.Contains(mail.Kind))
            {
                meetingAt = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                    .Select(m => m.Confirmed == null ? (DateTimeOffset?)null : m.Confirmed.StartsAt)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            var recipient = new MailRecipient(mail.Recipient.Email, mail.Recipient.DisplayName, mail.Recipient.Language, mail.Recipient.TimeZoneId);
            await transport.SendAsync(composer.ForNotification(recipient, mail.Kind, mail.CaseId, meetingAt), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var giveUp = attempt >= _options.MaxAttempts;
            // The exception's type and message only: never the message itself, which holds the link.
            logger.LogWarning("Mail: sending notification {NotificationId} ({Kind}) failed on attempt {Attempt}{Outcome}: {Error}",
                id, mail.Kind, attempt, giveUp ? ", giving up" : ", will retry", $"{exception.GetType().Name}: {exception.Message}");
            return giveUp
                ? await SettleAsync(db, id, attempt, MailStatus.Failed, null, cancellationToken)
                : await SettleAsync(db, id, attempt, MailStatus.Pending, clock.GetUtcNow() + Backoff(attempt), cancellationToken);
        }

        return await SettleAsync(db, id, attempt, MailStatus.Sent, null, cancellationToken);
    }

    private async Task<MailStatus> SettleAsync(AppDbContext db, Guid id, int attempt, MailStatus status, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        DateTimeOffset? sentAt = status == MailStatus.Sent ? clock.GetUtcNow() : null;
        // Cancellation must not leave a sent mail marked pending: the outcome is written whatever the host is doing.
        await db.Notifications.Where(n => n.Id == id && n.MailAttempts == attempt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.MailStatus, status)
                .SetProperty(n => n.MailSentAt, sentAt)
                .SetProperty(n => n.MailNextAttemptAt, nextAttemptAt), CancellationToken.None);
        return status;
    }
}
