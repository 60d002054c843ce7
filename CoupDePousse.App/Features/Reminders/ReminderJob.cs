using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Reminders;

/// <summary>How often the scheduled jobs run (configuration section "Jobs").</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>What one pass wrote: the notifications inserted (others were already there).</summary>
public sealed record ReminderPass(bool RanUnderLease, int Reminders, int Nudges);

/// <summary>
/// The day-before reminders of confirmed meetings and the nudges of cases that wait on someone for days. Each pass runs
/// under a database lease, so that several app instances take turns; each notification carries a dedup key the database
/// holds unique, so that a pass run twice (or by two instances at once) tells nobody twice. It only inserts rows: the mail
/// sender and the bell read them.
/// </summary>
public sealed class ReminderJob(IDbContextFactory<AppDbContext> dbFactory, ILogger<ReminderJob> logger)
{
    public const string LeaseName = "reminders";

    /// <summary>How long before a meeting its participants are reminded.</summary>
    public static readonly TimeSpan ReminderWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// How far back a pass looks for nudges that came due: a case due for longer than this when no instance ran is not
    /// nudged late (HR's stalled flag still shows it), and a first start does not nudge a whole backlog at once.
    /// </summary>
    public static readonly TimeSpan NudgeLookBack = TimeSpan.FromDays(7);

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>This instance's name in the lease table.</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public static string ReminderKey(Guid meetingId, int sequence) => FormattableString.Invariant($"reminder:{meetingId}:{sequence}");

    public static string NudgeKey(Guid caseId, DateTimeOffset stateEnteredAt, WaitingParty party) =>
        FormattableString.Invariant($"waiting:{caseId}:{stateEnteredAt.UtcTicks}:{party}");

    /// <summary>One pass at <paramref name="now"/>: nothing when another instance holds the lease.</summary>
    public async Task<ReminderPass> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.TryAcquireAsync(LeaseName, Holder, LeaseDuration, now, cancellationToken))
            {
                return new ReminderPass(false, 0, 0);
            }
        }

        try
        {
            var reminders = await InsertAsync(await RemindersDueAsync(now, cancellationToken), cancellationToken);
            var nudges = await InsertAsync(await NudgesDueAsync(now, cancellationToken), cancellationToken);
            return new ReminderPass(true, reminders, nudges);
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.ReleaseAsync(LeaseName, Holder, CancellationToken.None);
        }
    }

    /// <summary>Each participant of each confirmed meeting starting within the next day, once per time it was set to (its sequence).</summary>
    private async Task<List<Notification>> RemindersDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var until = now + ReminderWindow;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Confirmed!.StartsAt > now && m.Confirmed.StartsAt <= until && m.Status == MeetingStatus.Confirmed)
            .Select(m => new { m.Id, m.CaseId, m.Sequence, m.BeneficiaryId, m.IntervenerId })
            .ToListAsync(cancellationToken);
        return meetings
            .SelectMany(m => new[] { m.BeneficiaryId, m.IntervenerId }.Select(recipient => new Notification
            {
                RecipientId = recipient,
                Kind = NotificationKind.MeetingReminder,
                CaseId = m.CaseId,
                MeetingId = m.Id,
                CreatedAt = now,
                DedupKey = ReminderKey(m.Id, m.Sequence),
            }))
            .ToList();
    }

    /// <summary>The person (or, for HR, each enabled HR member) a case has waited on for the admin's nudge delay, once per wait.</summary>
    private async Task<List<Notification>> NudgesDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.StallingRulesAsync(cancellationToken);
        var since = rules.NudgeIfEnteredBy(now) - NudgeLookBack;
        var waiting = await db.Cases.AsNoTracking()
            .Where(rules.DueForNudge(now))
            .Where(c => c.StateEnteredAt > since)
            .Select(c => new { c.Id, c.State, c.WaitingOn, c.StateEnteredAt, c.BeneficiaryId, c.IntervenerId })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var hrMembers = waiting.Any(c => c.WaitingOn == WaitingParty.HR)
            ? await db.EnabledHrMemberIds().ToListAsync(cancellationToken)
            : [];

        return waiting
            .Where(c => rules.IsDueForNudge(c.State, c.WaitingOn, c.StateEnteredAt, now))
            .SelectMany(c => (c.WaitingOn switch
            {
                WaitingParty.Beneficiary => [c.BeneficiaryId],
                WaitingParty.Intervener => c.IntervenerId is null ? [] : [c.IntervenerId],
                // An HR member who is the case's beneficiary never acts for the company on it.
                WaitingParty.HR => hrMembers.Where(id => id != c.BeneficiaryId).ToList(),
                _ => new List<string>(),
            }).Select(recipient => new Notification
            {
                RecipientId = recipient,
                Kind = NotificationKind.CaseWaiting,
                CaseId = c.Id,
                CreatedAt = now,
                DedupKey = NudgeKey(c.Id, c.StateEnteredAt, c.WaitingOn!.Value),
            }))
            .ToList();
    }

    /// <summary>
    /// Inserts the notifications nobody has yet. The unique (recipient, key) index is the last guard: when another writer
    /// inserted one meanwhile, the batch falls back to one row at a time and skips the ones refused.
    /// </summary>
    private async Task<int> InsertAsync(List<Notification> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        List<Notification> missing;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var recipients = candidates.Select(n => n.RecipientId).Distinct().ToList();
            var keys = candidates.Select(n => n.DedupKey).Distinct().ToList();
            var existing = (await db.Notifications.AsNoTracking()
                    .Where(n => recipients.Contains(n.RecipientId) && keys.Contains(n.DedupKey))
                    .Select(n => new { n.RecipientId, n.DedupKey })
                    .ToListAsync(cancellationToken))
                .Select(n => (n.RecipientId, n.DedupKey))
                .ToHashSet();
            missing = candidates.Where(n => !existing.Contains((n.RecipientId, n.DedupKey))).DistinctBy(n => (n.RecipientId, n.DedupKey)).ToList();
            if (missing.Count == 0)
            {
                return 0;
            }

            db.Notifications.AddRange(missing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return missing.Count;
            }
            catch (Exception exception) when (IsRefusedWrite(exception))
            {
                // Someone wrote one of them meanwhile (or, on PostgreSQL, two batches met in opposite orders): retried below one by one.
            }
        }

        var inserted = 0;
        foreach (var notification in missing)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Notifications.Add(notification);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                inserted++;
            }
            catch (Exception exception) when (IsRefusedWrite(exception))
            {
                logger.LogDebug(exception, "Notification {DedupKey} for {RecipientId} already written", notification.DedupKey, notification.RecipientId);
            }
        }

        return inserted;
    }

    // A unique violation or a deadlock; Npgsql's execution strategy wraps the latter as a transient failure.
    private static bool IsRefusedWrite(Exception exception) => exception is DbUpdateException || exception.InnerException is DbUpdateException;
}

/// <summary>Runs <see cref="ReminderJob"/> every <see cref="JobOptions.IntervalSeconds"/>, on the clock of <see cref="TimeProvider"/>; a failed pass is logged and the next one runs.</summary>
public sealed class ReminderHostedService(ReminderJob job, TimeProvider clock, Microsoft.Extensions.Options.IOptions<JobOptions> options, ILogger<ReminderHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var pass = await job.RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                if (pass.Reminders + pass.Nudges > 0)
                {
                    logger.LogInformation("Reminder pass: {Reminders} reminders, {Nudges} nudges", pass.Reminders, pass.Nudges);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Reminder pass failed; the next one will retry");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
