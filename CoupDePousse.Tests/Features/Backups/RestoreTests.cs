using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Backups;

/// <summary>
/// docs/deploy.md's restore, end to end: a backup taken while a writer writes is a consistent snapshot; copied to a new
/// path it passes integrity_check, and the app started on it with the same key ring reads the cases and their confidential text.
/// </summary>
public sealed class RestoreTests : IDisposable
{
    private const string WriterMark = "writer-pair";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "coupdepousse-restore-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string KeysPath => Path.Combine(directory, "keys");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_taken_during_writes_restores_to_a_database_the_app_serves_with_the_same_key_ring()
    {
        var keyRing = DataProtectionProvider.Create(new DirectoryInfo(KeysPath), builder => builder.SetApplicationName(KeyRing.ApplicationName));
        await using var database = await TestDatabase.CreateAsync(dataProtection: keyRing);
        var ids = await ConfidentialScenario.StoreEveryKindAsync(database, kind => $"secret {kind} text");
        var live = InterceptedDatabase.WithProductionPragmas(database);
        using var folder = new BackupFolder();

        // A writer adds two audit rows per transaction throughout the backup: a consistent copy holds whole pairs only.
        using var stop = new CancellationTokenSource();
        var pairsWritten = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var db = live.CreateDbContext();
                db.SecurityEvents.Add(new SecurityEvent(Now, SecurityEventKind.SignInFailed, null, null, newValue: WriterMark));
                db.SecurityEvents.Add(new SecurityEvent(Now, SecurityEventKind.SignInFailed, null, null, newValue: WriterMark));
                await db.SaveChangesAsync(CancellationToken.None);
                Interlocked.Increment(ref pairsWritten);
            }
        }, Token);
        while (Volatile.Read(ref pairsWritten) < 20)
        {
            await Task.Delay(10, Token);
        }

        var run = await folder.Job(database, live).RunAsync(BackupTrigger.OnDemand, AdminId, Token);
        var writtenDuringBackup = Volatile.Read(ref pairsWritten);
        while (Volatile.Read(ref pairsWritten) < writtenDuringBackup + 5)
        {
            await Task.Delay(10, Token);
        }

        await stop.CancelAsync();
        await writer;

        run.Outcome.Should().Be(BackupOutcome.Made, run.Failure);
        // The restore of docs/deploy.md: the app stopped, the backup copied over the database path, no -wal or -shm beside it.
        var restored = Path.Combine(directory, "restored", "coupdepousse.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(Path.Combine(folder.Path, run.File!.Name), restored);
        (await BackupJob.IntegrityCheckAsync(restored, Token)).Should().Be("ok");
        SqliteConnection.ClearAllPools();

        await using var app = new RestoredAppFactory(restored, KeysPath);
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(Token))
        {
            var writerRows = await db.SecurityEvents.CountAsync(e => e.NewValue == WriterMark, Token);
            writerRows.Should().BeGreaterThanOrEqualTo(2 * 20).And.BeLessThan(2 * (pairsWritten + 1));
            (writerRows % 2).Should().Be(0, "a transaction is in the copy whole or not at all");
            (await db.Cases.CountAsync(Token)).Should().Be(3);
            var closed = (await db.LoadCaseAsync(ids.Closed, Token))!;
            (closed.Description, closed.ClosingSummary).Should().Be(("secret Request text", "secret ClosingSummary text"));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var notes = await scope.ServiceProvider.GetRequiredService<SessionNoteService>().MyNotesAsync(Intervener, ids.Closed, Token);
        notes.Should().ContainSingle().Which.Text.Should().Be("secret SessionNote text", "the intervener reads their note, decrypted with the same key ring");
    }

    /// <summary>The app as deployed, on the restored file and the original key ring; its own jobs stay off.</summary>
    private sealed class RestoredAppFactory(string databasePath, string keysPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Path", databasePath);
            builder.UseSetting("DataProtection:KeysPath", keysPath);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Backups:Enabled", "false");
        }
    }
}
