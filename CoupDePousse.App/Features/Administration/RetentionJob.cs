using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// Applies the retention periods (decision 039): under a database lease (one instance at a time), in batches each committed
/// on its own (an interrupted run leaves whole batches done; the next run takes what is left, as every query selects only
/// what is still due), and records the run with its counts, never what it removed.
/// </summary>
public sealed class RetentionJob(IDbContextFactory<AppDbContext> dbFactory, PersonErasure erasure, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string LeaseName = "retention";

    /// <summary>The daily run: due when no run succeeded in the last day.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    public int BatchSize { get; init; } = 500;

    public string Holder { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> IsDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = now - Period;
        return !await db.RetentionRuns.AnyAsync(r => r.Outcome == RetentionRunOutcome.Succeeded && r.StartedAt > since, cancellationToken);
    }

    /// <summary>One run at <paramref name="now"/>; null when another instance holds the lease.</summary>
    public Task<RetentionRun?> RunOnceAsync(DateTimeOffset now, string? requestedBy = null, CancellationToken cancellationToken = default) =>
        RunAsync(now, requestedBy, onlyIfDue: false, cancellationToken);

    /// <summary>
    /// The scheduled run: null when another instance holds the lease or already ran today. Due is checked under the lease,
    /// so that an instance that found it due just before another finished does not run it a second time.
    /// </summary>
    public Task<RetentionRun?> RunIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync(now, null, onlyIfDue: true, cancellationToken);

    private async Task<RetentionRun?> RunAsync(DateTimeOffset now, string? requestedBy, bool onlyIfDue, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.TryAcquireAsync(LeaseName, Holder, LeaseDuration, clock.GetUtcNow(), cancellationToken))
            {
                return null;
            }
        }

        try
        {
            return onlyIfDue && !await IsDueAsync(now, cancellationToken) ? null : await RunUnderLeaseAsync(now, requestedBy, cancellationToken);
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.ReleaseAsync(LeaseName, Holder, CancellationToken.None);
        }
    }

    private async Task<RetentionRun> RunUnderLeaseAsync(DateTimeOffset now, string? requestedBy, CancellationToken cancellationToken)
    {
        var run = new RetentionRun { StartedAt = now, RequestedBy = requestedBy, Outcome = RetentionRunOutcome.Running };
        RetentionSchedule schedule;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            schedule = RetentionPlanner.Plan(now, await db.RetentionPeriodsAsync(cancellationToken), AccountLinks.Lifespan);
            db.RetentionRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            await StepAsync(run, RetentionKind.Notifications, () => DeleteInBatchesAsync(db => RetentionQueries.Notifications(db, schedule).Select(n => n.Id),
                (db, ids) => db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken), cancellationToken), cancellationToken);
            await StepAsync(run, RetentionKind.SessionNotes, () => DeleteInBatchesAsync(db => RetentionQueries.SessionNotes(db, schedule).Select(n => n.Id),
                (db, ids) => db.SessionNotes.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken), cancellationToken), cancellationToken);
            await StepAsync(run, RetentionKind.EndedCases, () => AnonymiseCasesAsync(schedule, cancellationToken), cancellationToken);
            await StepAsync(run, RetentionKind.SecurityEvents, () => DeleteAuditInBatchesAsync(schedule, cancellationToken), cancellationToken);
            await StepAsync(run, RetentionKind.Invitations, () => DeleteInvitationsAsync(schedule, cancellationToken), cancellationToken);
            await StepAsync(run, RetentionKind.ScheduledErasures, () => EraseScheduledAsync(schedule, cancellationToken), cancellationToken);
            run.Outcome = RetentionRunOutcome.Succeeded;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Retention run {RunId} failed; the next run takes what is left", run.Id);
            run.Outcome = RetentionRunOutcome.Failed;
            run.Failure = exception.GetType().Name;
        }

        run.FinishedAt = clock.GetUtcNow();
        await SaveRunAsync(run, CancellationToken.None);
        return run;
    }

    // Each kind's count is saved as soon as it is done: an interrupted run still says what it removed.
    private async Task StepAsync(RetentionRun run, RetentionKind kind, Func<Task<int>> step, CancellationToken cancellationToken)
    {
        await RenewLeaseAsync(cancellationToken);
        run.Add(kind, await step());
        await SaveRunAsync(run, cancellationToken);
    }

    private async Task SaveRunAsync(RetentionRun run, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.RetentionRuns.Attach(run).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RenewLeaseAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.TryAcquireAsync(LeaseName, Holder, LeaseDuration, clock.GetUtcNow(), cancellationToken))
        {
            throw new InvalidOperationException("The retention lease was lost to another instance.");
        }
    }

    private async Task<int> DeleteInBatchesAsync<TKey>(Func<AppDbContext, IQueryable<TKey>> due, Func<AppDbContext, List<TKey>, Task<int>> delete, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await due(db).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return removed;
            }

            removed += await delete(db, ids);
        }
    }

    /// <summary>Each batch of cases in one transaction: the case reduced by the domain, with its notes, journal, meetings and between-session items gone.</summary>
    private async Task<int> AnonymiseCasesAsync(RetentionSchedule schedule, CancellationToken cancellationToken)
    {
        var anonymised = 0;
        var batchSize = Math.Min(BatchSize, 200);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.WritesNotifications = false;
            var ids = await RetentionQueries.CasesToAnonymise(db, schedule).OrderBy(c => c.Id).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return anonymised;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SessionNotes.Where(n => ids.Contains(n.CaseId)).ExecuteDeleteAsync(cancellationToken);
            await db.JournalEntries.Where(e => ids.Contains(e.CaseId)).ExecuteDeleteAsync(cancellationToken);
            await db.ActionItems.Where(i => ids.Contains(i.CaseId)).ExecuteDeleteAsync(cancellationToken);
            await db.ResourceShares.Where(s => ids.Contains(s.CaseId)).ExecuteDeleteAsync(cancellationToken);
            await db.Meetings.Where(m => ids.Contains(m.CaseId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var coachingCase in await db.Cases.WholeAggregates().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                coachingCase.Anonymise(schedule.Now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            anonymised += ids.Count;
        }
    }

    private async Task<int> DeleteAuditInBatchesAsync(RetentionSchedule schedule, CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await RetentionQueries.SecurityEvents(db, schedule).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return removed;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AuditTrailGuard.LiftAsync(db, cancellationToken);
            removed += await db.SecurityEvents.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            await AuditTrailGuard.RestoreAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<int> DeleteInvitationsAsync(RetentionSchedule schedule, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var users = await RetentionQueries.Invitations(db, schedule).AsNoTracking().OrderBy(u => u.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (users.Count == 0)
            {
                return deleted;
            }

            foreach (var user in users)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await erasure.DeleteUnusedInvitationAsync(db, user, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                deleted++;
            }
        }
    }

    private async Task<int> EraseScheduledAsync(RetentionSchedule schedule, CancellationToken cancellationToken)
    {
        List<string> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await RetentionQueries.ScheduledErasures(db, schedule).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        }

        var erased = 0;
        foreach (var userId in due)
        {
            var result = await erasure.EraseAsync(userId, actorUserId: null, cancellationToken);
            if (result.IsSuccess)
            {
                erased++;
            }
            else
            {
                logger.LogWarning("Scheduled erasure of {UserId} postponed: {Code}", userId, result.Error!.Code);
            }
        }

        return erased;
    }
}

/// <summary>Whether the daily retention run is on (configuration "Jobs:Enabled", shared with the other scheduled jobs) and how often it checks.</summary>
public sealed class RetentionJobOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often an instance asks whether the daily run is due (it runs once a day whatever this is).</summary>
    public int RetentionCheckMinutes { get; set; } = 60;
}

/// <summary>Runs <see cref="RetentionJob"/> once a day: every check asks whether a day passed since the last successful run.</summary>
public sealed class RetentionHostedService(RetentionJob job, TimeProvider clock, IOptions<RetentionJobOptions> options, ILogger<RetentionHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // The first check waits one interval: a start (or a test host) never begins with a retention run.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.RetentionCheckMinutes)), clock);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                var now = clock.GetUtcNow();
                if (await job.IsDueAsync(now, stoppingToken) && await job.RunIfDueAsync(now, stoppingToken) is { } run)
                {
                    logger.LogInformation("Retention run {RunId}: {Outcome}", run.Id, run.Outcome);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Retention check failed; the next one will retry");
            }
        }
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
