using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Backups;

/// <summary>The copy: checked, never visible under its final name before it is whole, kept up to a count, one run at a time.</summary>
public sealed class BackupJobTests : IDisposable
{
    private readonly BackupFolder folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_backup_is_written_under_a_partial_name_checked_then_renamed_and_recorded()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var duringCopy = new List<string>();
        var watcher = new VacuumWatcher { AfterCopy = partial => duringCopy.AddRange(folder.FileNames().Append(Path.GetFileName(partial))) };

        var run = await folder.Job(database, new InterceptedDatabase(database, watcher)).RunAsync(BackupTrigger.OnDemand, AdminId, Token);

        run.Outcome.Should().Be(BackupOutcome.Made);
        var name = BackupFiles.NameFor(Now);
        run.File.Should().Be(new BackupFile(name, Now, new FileInfo(Path.Combine(folder.Path, name)).Length));
        duringCopy.Should().OnlyContain(file => file == name + BackupFiles.PartialSuffix, "the final name appears only once the copy is checked");
        folder.FileNames().Should().Equal(name);
        (await BackupJob.IntegrityCheckAsync(Path.Combine(folder.Path, name), Token)).Should().Be("ok");
        await using (var copy = new SqliteConnection($"Data Source={Path.Combine(folder.Path, name)};Pooling=False"))
        {
            await copy.OpenAsync(Token);
            await using var command = copy.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Cases WHERE Id = $id";
            command.Parameters.AddWithValue("$id", stored.Id.ToString().ToUpperInvariant());
            ((long)(await command.ExecuteScalarAsync(Token))!).Should().Be(1);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(folder.Path, name)).Should().Be(RestrictedFiles.FileMode, "a copy of the database holds everything");
        }

        await using var db = database.CreateDbContext();
        var recorded = await db.SecurityEvents.SingleAsync(Token);
        (recorded.Kind, recorded.ActorUserId, recorded.At).Should().Be((SecurityEventKind.BackupMade, AdminId, Now));
        recorded.NewValue.Should().Contain("trigger=OnDemand").And.Contain($"file={name}").And.Contain($"bytes={run.File!.Bytes}").And.Contain("integrity=ok");
    }

    [Fact]
    public async Task A_copy_that_fails_leaves_no_file_behind_and_the_failure_is_recorded_with_its_reason()
    {
        await using var database = await TestDatabase.CreateAsync();
        var watcher = new VacuumWatcher { Fail = true };

        var run = await folder.Job(database, new InterceptedDatabase(database, watcher)).RunAsync(BackupTrigger.Scheduled, null, Token);

        run.Outcome.Should().Be(BackupOutcome.Failed);
        run.Failure.Should().Contain("disk full (simulated)");
        folder.FileNames().Should().BeEmpty("neither the partial copy nor a file under a backup's name stays");
        await using var db = database.CreateDbContext();
        var recorded = await db.SecurityEvents.SingleAsync(Token);
        (recorded.Kind, recorded.ActorUserId).Should().Be((SecurityEventKind.BackupFailed, null));
        recorded.NewValue.Should().Contain("trigger=Scheduled").And.Contain("reason=IOException: disk full (simulated)");
    }

    [Fact]
    public async Task Retention_keeps_exactly_the_configured_count_of_the_newest_and_never_deletes_a_file_it_did_not_create()
    {
        await using var database = await TestDatabase.CreateAsync();
        Directory.CreateDirectory(folder.Path);
        string[] others = ["notes.txt", "coupdepousse.db", "coupdepousse-manual.db", "coupdepousse-20200101T000000.000Z.db.bak", "other-20200101T000000.000Z.db", "coupdepousse-manual.db.partial"];
        foreach (var other in others)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.Path, other), "not ours", Token);
        }

        var job = folder.Job(database, keep: 3);
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var run = await job.RunAsync(BackupTrigger.OnDemand, AdminId, Token);
            made.Add(run.File!.Name);
            database.Clock.Advance(TimeSpan.FromHours(1));
        }

        BackupFiles.List(folder.Path).Select(f => f.Name).Should().Equal(made[4], made[3], made[2]);
        folder.FileNames().Should().BeEquivalentTo(others.Concat(made.Skip(2)));
        await using var db = database.CreateDbContext();
        (await db.SecurityEvents.Select(e => e.NewValue).ToListAsync(Token)).Last().Should().Contain("deleted=1");
    }

    [Fact]
    public async Task Two_backups_asked_at_once_in_one_process_make_one_file()
    {
        await using var database = await TestDatabase.CreateAsync();
        var release = new TaskCompletionSource();
        var watcher = new VacuumWatcher { HoldUntil = release.Task };
        var job = folder.Job(database, new InterceptedDatabase(database, watcher));

        var first = job.RunAsync(BackupTrigger.OnDemand, AdminId, Token);
        await watcher.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        var second = await job.RunAsync(BackupTrigger.OnDemand, AdminId, Token);
        release.SetResult();

        second.Outcome.Should().Be(BackupOutcome.Busy);
        (await first).Outcome.Should().Be(BackupOutcome.Made);
        BackupFiles.List(folder.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task Back_up_now_asked_again_seconds_after_a_backup_gives_that_backup_and_makes_no_copy()
    {
        await using var database = await TestDatabase.CreateAsync();
        var job = folder.Job(database);
        var first = await job.RunAsync(BackupTrigger.OnDemand, AdminId, Token);
        database.Clock.Advance(BackupJob.JustMadeWindow - TimeSpan.FromSeconds(1));

        var again = await job.RunAsync(BackupTrigger.OnDemand, AdminId, Token);

        (again.Outcome, again.File).Should().Be((BackupOutcome.JustMade, first.File));
        BackupFiles.List(folder.Path).Should().ContainSingle();
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        (await job.RunAsync(BackupTrigger.OnDemand, AdminId, Token)).Outcome.Should().Be(BackupOutcome.Made);
        BackupFiles.List(folder.Path).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_backup_waits_while_another_process_holds_the_lease()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            (await db.TryAcquireAsync(BackupJob.LeaseName, "the backup command", TimeSpan.FromHours(1), Now, Token)).Should().BeTrue();
        }

        var run = await folder.Job(database).RunAsync(BackupTrigger.Scheduled, null, Token);

        run.Outcome.Should().Be(BackupOutcome.Busy);
        folder.FileNames().Should().BeEmpty();
    }

    [Fact]
    public async Task A_scheduled_run_backs_up_only_when_a_slot_passed_since_the_last_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        var job = folder.Job(database, dailyAt: new TimeOnly(2, 30));

        (await job.RunAsync(BackupTrigger.Scheduled, null, Token)).Outcome.Should().Be(BackupOutcome.Made, "no backup was ever made");
        database.Clock.Advance(TimeSpan.FromHours(1));
        (await job.RunAsync(BackupTrigger.Scheduled, null, Token)).Outcome.Should().Be(BackupOutcome.NotDue);
        (await job.RunAsync(BackupTrigger.OnDemand, AdminId, Token)).Outcome.Should().Be(BackupOutcome.Made, "on demand is never refused as not due");

        BackupFiles.List(folder.Path).Should().HaveCount(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task On_postgresql_no_backup_is_made_and_pg_dump_is_named(DatabaseProvider provider)
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        var job = folder.Job(database);

        (await job.RunAsync(BackupTrigger.Scheduled, null, Token)).Outcome.Should().Be(BackupOutcome.NotSqlite);
        var service = new BackupService(job, database, Microsoft.Extensions.Options.Options.Create(folder.Settings()), database.Clock, database.Logger<BackupService>());
        (await service.BackUpNowAsync(Admin, Token)).Error.Should().Be(BackupErrors.UsePgDump);
        (await service.GetAsync(Admin, Token)).Value.OnSqlite.Should().BeFalse();
        folder.FileNames().Should().BeEmpty();
    }
}
