using System.Diagnostics;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Data;

/// <summary>
/// Decision 046: the app's own writer (<see cref="CrashProbeCommand"/>, a child process on one SQLite file) is killed with
/// SIGKILL at random points, 20 times; the file must then pass integrity_check and hold every write the writer reported done,
/// its confidential text readable with the key ring. A kill -9 proves nothing about a power loss (see the decision).
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Rounds = 20;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "coupdepousse-crash-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(directory, "app.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_app_writes_in_wal_mode_and_syncs_every_commit()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = InterceptedDatabase.WithProductionPragmas(database).CreateDbContext();
        await db.Database.OpenConnectionAsync(Token);
        var connection = db.Database.GetDbConnection();

        (await PragmaAsync(connection, "journal_mode")).Should().Be("wal");
        (await PragmaAsync(connection, "synchronous")).Should().Be("2", "2 is FULL: a commit is on disk before the app says done");
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_twenty_kills_and_the_file_stays_consistent()
    {
        Directory.CreateDirectory(directory);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var cases = new List<(Guid Id, string Run, int Sequence)>();
        var entries = new List<(Guid CaseId, string Run, int Sequence)>();

        for (var round = 1; round <= Rounds; round++)
        {
            var run = $"r{round}";
            var outcome = await RunAndKillAsync(run, TimeSpan.FromMilliseconds(random.Next(0, 300)));
            outcome.Errors.Should().BeEmpty("the writer's writes are all valid (seed {0}, round {1})", seed, round);
            foreach (var parts in outcome.Acknowledged.Select(line => line.Split(' ')))
            {
                if (parts is ["case", var id, var sequence])
                {
                    cases.Add((Guid.Parse(id), run, int.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture)));
                }
                else if (parts is ["journal", var caseId, var entrySequence])
                {
                    entries.Add((Guid.Parse(caseId), run, int.Parse(entrySequence, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        (await BackupJob.IntegrityCheckAsync(DatabasePath, Token)).Should().Be("ok");

        await using var db = OpenWithKeyRing();
        var caseIds = cases.Select(c => c.Id).ToList();
        var stored = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Description, Token);
        foreach (var (id, run, sequence) in cases)
        {
            stored.Should().ContainKey(id, "case {0} of {1} was acknowledged (seed {2})", sequence, run, seed);
            stored[id].Should().Be(CrashProbeCommand.TextOf(run, sequence), "its confidential description decrypts intact");
        }

        var entryCases = entries.Select(e => e.CaseId).Distinct().ToList();
        var storedEntries = (await db.JournalEntries.AsNoTracking().Where(e => entryCases.Contains(e.CaseId)).Select(e => new { e.CaseId, e.Text }).ToListAsync(Token))
            .Select(e => (e.CaseId, e.Text)).ToHashSet();
        foreach (var (caseId, run, sequence) in entries)
        {
            storedEntries.Should().Contain((caseId, CrashProbeCommand.TextOf(run, sequence)), "journal entry {0} of {1} was acknowledged (seed {2})", sequence, run, seed);
        }

    }

    private async Task<(List<string> Acknowledged, List<string> Errors)> RunAndKillAsync(string run, TimeSpan delayAfterFirstWrite)
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "CoupDePousse.App.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" },
        };
        foreach (var argument in new[]
                 {
                     appDll, CrashProbeCommand.Verb, "--probe-run", run, $"--Database:Path={DatabasePath}", "--Demo:Seed=true", "--Demo:History=false",
                     "--Logging:LogLevel:Default=Error", "--Jobs:Enabled=false", "--Backups:Enabled=false",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Token);
        var acknowledged = new List<string>();
        try
        {
            // Startup (migrations check, demo accounts on the first round, the first write's warm-up) is never killed:
            // the kill lands among the writes, a random time after the first one.
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(Token);
            startup.CancelAfter(TimeSpan.FromSeconds(90));
            while (acknowledged.Count == 0 && await process.StandardOutput.ReadLineAsync(startup.Token) is { } line)
            {
                Collect(line);
            }

            acknowledged.Should().NotBeEmpty("the writer starts and writes (its errors follow the kill)");
            await Task.Delay(delayAfterFirstWrite, Token);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }

        // After SIGKILL the pipe holds exactly what the writer printed before it died.
        while (await process.StandardOutput.ReadLineAsync(Token) is { } line)
        {
            Collect(line);
        }

        await process.WaitForExitAsync(Token);
        var errorLines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("refused", StringComparison.Ordinal)).ToList();
        return (acknowledged, errorLines);

        void Collect(string line)
        {
            if (line.StartsWith("case ", StringComparison.Ordinal) || line.StartsWith("journal ", StringComparison.Ordinal))
            {
                acknowledged.Add(line);
            }
        }
    }

    private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    private AppDbContext OpenWithKeyRing()
    {
        var keyRing = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(directory, KeyRing.DefaultFolderName)),
            builder => builder.SetApplicationName(KeyRing.ApplicationName));
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={DatabasePath}")
            .UseApplicationServiceProvider(new ServiceCollection().AddTestIdentity().BuildServiceProvider())
            .Options;
        return new AppDbContext(options, keyRing);
    }
}
