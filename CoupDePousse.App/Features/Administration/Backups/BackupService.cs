using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>One recorded run: when, whether it made a file, who asked (null: the schedule or the command line), and what it recorded.</summary>
public sealed record BackupRunRow(DateTimeOffset At, bool Succeeded, string? RequestedBy, string Details);

/// <summary>The backups tab: the files kept, the schedule and the last runs; on PostgreSQL only <see cref="OnSqlite"/> = false.</summary>
public sealed record BackupsView(
    bool OnSqlite,
    string? Folder,
    int Keep,
    bool ScheduleEnabled,
    TimeOnly DailyAt,
    DateTimeOffset? NextScheduledAt,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyList<BackupRunRow> Runs);

/// <summary>The administrator's view of the backups and the "back up now" action; nobody else's.</summary>
public sealed class BackupService(BackupJob job, IDbContextFactory<AppDbContext> dbFactory, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupService> logger)
{
    public const int RunsShown = 10;

    public async Task<Result<BackupsView>> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadBackups", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        if (!await job.IsSqliteAsync(cancellationToken))
        {
            return new BackupsView(false, null, 0, false, default, null, [], []);
        }

        var folder = await job.FolderAsync(cancellationToken);
        return new BackupsView(
            true,
            folder,
            options.Value.Keep,
            options.Value.Enabled,
            options.Value.DailyAt,
            options.Value.Enabled ? job.Schedule.NextSlot(clock.GetUtcNow()) : null,
            BackupFiles.List(folder),
            await LastRunsAsync(cancellationToken));
    }

    public Task<Result<BackupFile>> BackUpNowAsync(Actor actor, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "BackUpNow", BackUpNowCoreAsync(actor, cancellationToken));

    private async Task<Result<BackupFile>> BackUpNowCoreAsync(Actor actor, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var run = await job.RunAsync(BackupTrigger.OnDemand, actor.UserId, cancellationToken);
        return run.Outcome switch
        {
            BackupOutcome.Made or BackupOutcome.JustMade => run.File!,
            BackupOutcome.Busy => BackupErrors.Busy,
            BackupOutcome.NotSqlite => BackupErrors.UsePgDump,
            _ => BackupErrors.Failed.With(run.Failure ?? run.Outcome.ToString()),
        };
    }

    private async Task<IReadOnlyList<BackupRunRow>> LastRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.BackupMade || e.Kind == SecurityEventKind.BackupFailed)
            .OrderByDescending(e => e.At)
            .Take(RunsShown)
            .Select(e => new BackupRunRow(
                e.At,
                e.Kind == SecurityEventKind.BackupMade,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.NewValue ?? ""))
            .ToListAsync(cancellationToken);
    }
}
