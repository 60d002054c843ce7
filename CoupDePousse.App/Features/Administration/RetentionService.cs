using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>One kind of data and how many of it.</summary>
public sealed record RetentionCount(RetentionKind Kind, int Count);

/// <summary>What the next run would remove if it ran now, counted by the run's own queries.</summary>
public sealed record RetentionPreview(DateTimeOffset At, IReadOnlyList<RetentionCount> Counts);

/// <summary>One recorded run: when, who asked (null: the daily run), how it ended, and its counts.</summary>
public sealed record RetentionRunRow(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool RequestedByAdmin, RetentionRunOutcome Outcome, IReadOnlyList<RetentionCount> Counts);

/// <summary>A person as the erasure section lists them: enough to pick the right one, and where their erasure stands.</summary>
public sealed record ErasureCandidate(string Id, string DisplayName, string Email, bool Disabled, DateTimeOffset? ErasureDueAt, bool Erased);

public static class RetentionRefusals
{
    public static readonly Error RunInProgress = new("retention.run_in_progress",
        "Une exécution est déjà en cours (sur cette instance ou une autre). Réessayez dans quelques minutes.",
        "A run is already in progress (on this instance or another). Try again in a few minutes.");
}

/// <summary>The admin's privacy tab: retention periods, the preview, "Run now", the recorded runs, and erasure. Admin only.</summary>
public sealed class RetentionService(
    IDbContextFactory<AppDbContext> dbFactory,
    RetentionJob job,
    PersonErasure erasure,
    SecurityAudit audit,
    TimeProvider clock,
    ILogger<RetentionService> logger)
{
    private const int RunsShown = 20;
    private const int CandidatesShown = 20;

    public async Task<Result<RetentionPeriods>> GetPeriodsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadRetentionPeriods", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetentionPeriodsAsync(cancellationToken);
    }

    /// <summary>Checked by the domain whatever the form let through; audited with the values before and after.</summary>
    public Task<Result> SetPeriodsAsync(Actor actor, int sessionNoteMonths, int endedCaseMonths, int securityEventMonths, int notificationMonths, int invitationDays, int leaverErasureMonths, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetRetentionPeriods", SetPeriodsCoreAsync(actor,
            () => RetentionPeriods.Create(sessionNoteMonths, endedCaseMonths, securityEventMonths, notificationMonths, invitationDays, leaverErasureMonths), cancellationToken));

    private async Task<Result> SetPeriodsCoreAsync(Actor actor, Func<Result<RetentionPeriods>> check, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var periods = check();
        if (periods.IsFailure)
        {
            return periods.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.RetentionSettingsForUpdateAsync(cancellationToken);
        var before = settings.ToPeriods().Describe();
        settings.Apply(periods.Value);
        await db.SaveChangesAsync(cancellationToken);
        var after = periods.Value.Describe();
        if (before != after)
        {
            await audit.RecordAsync(SecurityEventKind.RetentionChanged, actor.UserId, null, before, after, cancellationToken);
        }

        return Result.Success();
    }

    public async Task<Result<RetentionPreview>> PreviewAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "PreviewRetention", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = RetentionPlanner.Plan(now, await db.RetentionPeriodsAsync(cancellationToken), AccountLinks.Lifespan);
        var counts = await RetentionQueries.CountAsync(db, schedule, cancellationToken);
        return new RetentionPreview(now, Enum.GetValues<RetentionKind>().Select(k => new RetentionCount(k, counts[k])).ToList());
    }

    public Task<Result<RetentionRunRow>> RunNowAsync(Actor actor, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "RunRetention", RunNowCoreAsync(actor, cancellationToken));

    private async Task<Result<RetentionRunRow>> RunNowCoreAsync(Actor actor, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var run = await job.RunOnceAsync(clock.GetUtcNow(), actor.UserId, cancellationToken);
        return run is null ? RetentionRefusals.RunInProgress : Row(run);
    }

    public async Task<Result<IReadOnlyList<RetentionRunRow>>> ListRunsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListRetentionRuns", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(RunsShown).ToListAsync(cancellationToken);
        return runs.Select(Row).ToList();
    }

    /// <summary>People matching a search (name or email), for the erasure section; erased people stay findable by their pseudonym.</summary>
    public async Task<Result<IReadOnlyList<ErasureCandidate>>> FindPeopleAsync(Actor actor, string? search, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "FindPeopleToErase", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            users = users.Where(u => u.DisplayName.Contains(term) || (u.Email != null && u.Email.Contains(term)));
        }

        var rows = await users.OrderBy(u => u.DisplayName).Take(CandidatesShown)
            .Select(u => new ErasureCandidate(u.Id, u.DisplayName, u.Email ?? "", u.DisabledAt != null, u.ErasureDueAt, u.ErasedAt != null))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Processes an erasure request now; returns the pseudonym the person's account now shows.</summary>
    public Task<Result<string>> EraseAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "ErasePerson", EraseCoreAsync(actor, userId, cancellationToken));

    private async Task<Result<string>> EraseCoreAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        if (userId == actor.UserId)
        {
            return ErasureRules.CannotEraseSelf;
        }

        var erased = await erasure.EraseAsync(userId, actor.UserId, cancellationToken);
        return erased.IsFailure ? erased.Error! : erased.Value.DisplayName;
    }

    /// <summary>Schedules the erasure of a disabled account (someone who left) after the admin's delay; the daily run applies it.</summary>
    public Task<Result<DateTimeOffset>> ScheduleErasureAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "ScheduleErasure", ScheduleErasureCoreAsync(actor, userId, cancellationToken));

    private async Task<Result<DateTimeOffset>> ScheduleErasureCoreAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        if (user.ErasedAt is not null)
        {
            return ErasureRules.AlreadyErased;
        }

        if (user.DisabledAt is null)
        {
            return ErasureRules.MustBeDisabled;
        }

        var due = RetentionPlanner.ErasureDueAt(clock.GetUtcNow(), await db.RetentionPeriodsAsync(cancellationToken));
        var before = user.ErasureDueAt;
        user.ErasureDueAt = due;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(SecurityEventKind.ErasureScheduled, actor.UserId, userId, before?.ToString("O"), due.ToString("O"), cancellationToken);
        return due;
    }

    private static RetentionRunRow Row(RetentionRun run) =>
        new(run.Id, run.StartedAt, run.FinishedAt, run.RequestedBy is not null, run.Outcome,
            Enum.GetValues<RetentionKind>().Select(k => new RetentionCount(k, run.CountOf(k))).ToList());
}
