using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration.Backups;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Backups;

/// <summary>The daily backup on a moved clock: a missed day caught up once at start, then one at each slot.</summary>
public sealed class BackupHostedServiceTests : IDisposable
{
    private readonly BackupFolder folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    private BackupHostedService Service(TestDatabase database, BackupJob job, bool enabled = true) =>
        new(job, database.Clock, Options.Create(folder.Settings(enabled: enabled)), new Logger<BackupHostedService>(new LoggerFactory([database.Logs])));

    private static async Task RecordRunAsync(TestDatabase database, DateTimeOffset at)
    {
        await using var db = database.CreateDbContext();
        db.SecurityEvents.Add(new SecurityEvent(at, SecurityEventKind.BackupMade, null, null, newValue: "trigger=Scheduled"));
        await db.SaveChangesAsync(Token);
    }

    [Fact]
    public async Task A_slot_missed_while_the_app_was_down_runs_once_at_start_then_the_next_runs_at_its_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await RecordRunAsync(database, Now.AddDays(-3));
        var job = folder.Job(database, dailyAt: new TimeOnly(2, 30));
        using var service = Service(database, job);

        await service.StartAsync(Token);
        await WaitForAsync(() => BackupFiles.List(folder.Path).Count == 1);
        await Task.Delay(200, Token);
        BackupFiles.List(folder.Path).Should().ContainSingle("three missed days make one catch-up run");

        var nextSlot = new DateTimeOffset(2026, 11, 21, 2, 30, 0, TimeSpan.Zero);
        database.Clock.Advance(nextSlot - Now - TimeSpan.FromMinutes(1));
        await Task.Delay(200, Token);
        BackupFiles.List(folder.Path).Should().ContainSingle("the next slot has not come");
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(() => BackupFiles.List(folder.Path).Count == 2);
        BackupFiles.List(folder.Path)[0].TakenAt.Should().Be(nextSlot);

        service.ExecuteTask!.IsFaulted.Should().BeFalse();
        await service.StopAsync(Token);
    }

    [Fact]
    public async Task A_start_after_the_day_was_backed_up_makes_no_backup()
    {
        await using var database = await TestDatabase.CreateAsync();
        await RecordRunAsync(database, Now.AddHours(-6)); // 03:00, after the 02:30 slot
        using var service = Service(database, folder.Job(database));

        await service.StartAsync(Token);
        await Task.Delay(300, Token);

        folder.FileNames().Should().BeEmpty();
        await service.StopAsync(Token);
    }

    [Fact]
    public async Task A_switched_off_schedule_makes_no_backup()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var service = Service(database, folder.Job(database), enabled: false);

        await service.StartAsync(Token);
        await Task.Delay(300, Token);
        database.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(200, Token);

        folder.FileNames().Should().BeEmpty();
        await service.StopAsync(Token);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, Token);
        }

        condition().Should().BeTrue();
    }
}
