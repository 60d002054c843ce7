using System.Data.Common;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CoupDePousse.Tests.Features.Backups;

/// <summary>A folder of its own for a test's backups, and the job wired on a test database and its clock.</summary>
public sealed class BackupFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coupdepousse-backups-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<string> FileNames() =>
        Directory.Exists(Path) ? Directory.EnumerateFiles(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order().ToList() : [];

    public BackupJob Job(TestDatabase database, IDbContextFactory<AppDbContext>? factory = null, int keep = 14, TimeOnly? dailyAt = null, bool enabled = true) =>
        new(factory ?? database,
            Options.Create(Settings(keep, dailyAt, enabled)),
            new HostingEnvironment { ContentRootPath = Path },
            database.Clock,
            database.Logger<BackupJob>());

    public BackupOptions Settings(int keep = 14, TimeOnly? dailyAt = null, bool enabled = true) =>
        new() { Folder = Path, Keep = keep, DailyAt = dailyAt ?? new TimeOnly(2, 30), Enabled = enabled };

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>Watches the <c>VACUUM INTO</c> statement: runs a check when it has written, and may hold it or make it fail.</summary>
public sealed class VacuumWatcher : DbCommandInterceptor
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task? HoldUntil { get; init; }

    public Action<string>? AfterCopy { get; init; }

    public bool Fail { get; init; }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsVacuum(command))
        {
            Started.TrySetResult();
            if (HoldUntil is not null)
            {
                await HoldUntil;
            }
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (IsVacuum(command))
        {
            AfterCopy?.Invoke((string)command.Parameters[0].Value!);
            if (Fail)
            {
                throw new IOException("disk full (simulated)");
            }
        }

        return ValueTask.FromResult(result);
    }

    private static bool IsVacuum(DbCommand command) => command.CommandText.StartsWith("VACUUM INTO", StringComparison.Ordinal);
}
