using CoupDePousse.App.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>Who asked for a backup.</summary>
public enum BackupTrigger
{
    Scheduled,
    OnDemand,
    Command,
}

public enum BackupOutcome
{
    Made,
    Failed,

    /// <summary>Another backup was running (in this process, or in another instance holding the lease).</summary>
    Busy,

    /// <summary>A scheduled run found the day's backup already made.</summary>
    NotDue,

    /// <summary>The database is PostgreSQL: <c>pg_dump</c> backs it up.</summary>
    NotSqlite,

    /// <summary>An on-demand run seconds after a backup (a double click whose first click had finished): that backup, no second copy.</summary>
    JustMade,
}

/// <summary>What one run did: the file it wrote, or why it wrote none.</summary>
public sealed record BackupRun(BackupOutcome Outcome, BackupFile? File = null, TimeSpan Duration = default, string? Failure = null);

/// <summary>
/// Copies the live SQLite database with <c>VACUUM INTO</c> (one read transaction: a consistent snapshot while the app
/// writes, decision 036) to a partial file, checks the copy (<c>PRAGMA integrity_check</c>), renames it to its final
/// name, deletes the oldest beyond <see cref="BackupOptions.Keep"/>, and records the run in the security audit trail.
/// One run at a time: a lock in the process and the database lease across processes (the command line, other instances).
/// </summary>
public sealed class BackupJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<BackupOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<BackupJob> logger)
{
    public const string LeaseName = "backups";
    public const string DefaultFolderName = "backups";

    /// <summary>An on-demand backup asked this soon after another gives the other one back.</summary>
    public static readonly TimeSpan JustMadeWindow = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>This instance's name in the lease table.</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public BackupSchedule Schedule => new(options.Value.DailyAt, clock.LocalTimeZone);

    public async Task<bool> IsSqliteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return db.Database.IsSqlite();
    }

    /// <summary><see cref="BackupOptions.Folder"/> from the content root, or a <c>backups</c> folder beside the database file.</summary>
    public async Task<string> FolderAsync(CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Folder))
        {
            return Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var databasePath = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        return Path.Combine(Path.GetDirectoryName(databasePath)!, DefaultFolderName);
    }

    /// <summary>When the last run, made or failed, was recorded: a failed run waits for the next slot rather than retrying in a loop.</summary>
    public async Task<DateTimeOffset?> LastRunAtAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.BackupMade || e.Kind == SecurityEventKind.BackupFailed)
            .OrderByDescending(e => e.At)
            .Select(e => (DateTimeOffset?)e.At)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>One run; a scheduled one backs up only when a daily slot has passed since the last run.</summary>
    public async Task<BackupRun> RunAsync(BackupTrigger trigger, string? actorUserId, CancellationToken cancellationToken = default)
    {
        if (!await IsSqliteAsync(cancellationToken))
        {
            return new BackupRun(BackupOutcome.NotSqlite);
        }

        if (!await running.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return new BackupRun(BackupOutcome.Busy);
        }

        try
        {
            var now = clock.GetUtcNow();
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (!await db.TryAcquireAsync(LeaseName, Holder, LeaseDuration, now, cancellationToken))
                {
                    return new BackupRun(BackupOutcome.Busy);
                }
            }

            try
            {
                // Checked under the lease: an instance that ran the slot meanwhile has recorded it.
                if (trigger == BackupTrigger.Scheduled && !Schedule.IsDue(await LastRunAtAsync(cancellationToken), now))
                {
                    return new BackupRun(BackupOutcome.NotDue);
                }

                if (trigger == BackupTrigger.OnDemand && BackupFiles.List(await FolderAsync(cancellationToken)).FirstOrDefault() is { } newest
                    && now - newest.TakenAt < JustMadeWindow && newest.TakenAt <= now)
                {
                    return new BackupRun(BackupOutcome.JustMade, newest);
                }

                return await BackUpAsync(trigger, actorUserId, cancellationToken);
            }
            finally
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await db.ReleaseAsync(LeaseName, Holder, CancellationToken.None);
            }
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<BackupRun> BackUpAsync(BackupTrigger trigger, string? actorUserId, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var takenAt = clock.GetUtcNow();
        var name = BackupFiles.NameFor(takenAt);
        string? partial = null;
        try
        {
            var folder = await FolderAsync(cancellationToken);
            RestrictedFiles.OwnerOnlyFolder(folder, tightenExisting: false);
            BackupFiles.DeleteLeftoverPartials(folder);
            var final = Path.Combine(folder, name);
            if (File.Exists(final))
            {
                throw new IOException($"{name} already exists.");
            }

            partial = final + BackupFiles.PartialSuffix;
            // Created empty and 0600 first: the copy holds everything the database holds. VACUUM INTO accepts an empty file.
            RestrictedFiles.CreateOwnerOnlyFile(partial);
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {partial}", cancellationToken);
            }

            var check = await IntegrityCheckAsync(partial, cancellationToken);
            if (check != "ok")
            {
                throw new InvalidDataException($"integrity_check: {check}");
            }

            File.Move(partial, final);
            partial = null;
            var file = new BackupFile(name, takenAt, new FileInfo(final).Length);
            var deleted = BackupFiles.Prune(folder, options.Value.Keep);
            var duration = clock.GetElapsedTime(started);
            await RecordAsync(SecurityEventKind.BackupMade, actorUserId, FormattableString.Invariant(
                $"trigger={trigger}; file={name}; bytes={file.Bytes}; ms={(long)duration.TotalMilliseconds}; integrity=ok; deleted={deleted.Count}"));
            logger.LogInformation("Backup {File} made ({Bytes} bytes, {Milliseconds} ms, {Deleted} old ones deleted)", name, file.Bytes, (long)duration.TotalMilliseconds, deleted.Count);
            return new BackupRun(BackupOutcome.Made, file, duration);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = $"{exception.GetType().Name}: {exception.Message}";
            logger.LogError(exception, "Backup {File} failed", name);
            await RecordAsync(SecurityEventKind.BackupFailed, actorUserId, $"trigger={trigger}; file={name}; reason={reason}");
            return new BackupRun(BackupOutcome.Failed, Duration: clock.GetElapsedTime(started), Failure: reason);
        }
        finally
        {
            if (partial is not null)
            {
                TryDelete(partial);
            }
        }
    }

    /// <summary>Opens the copy on its own (no pool, so that nothing holds it afterwards) and asks SQLite to check every page and index.</summary>
    public static async Task<string> IntegrityCheckAsync(string path, CancellationToken cancellationToken = default)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    private async Task RecordAsync(SecurityEventKind kind, string? actorUserId, string details)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.SecurityEvents.Add(new SecurityEvent(clock.GetUtcNow(), kind, actorUserId, null, newValue: details));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not record the backup run ({Kind})", kind);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "Could not delete {Path}", path);
        }
    }
}
