using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Reminders;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Reminders;

/// <summary>The hosted service: a pass on start and one per interval of the configured clock; a failing pass is logged and never stops it.</summary>
public class ReminderHostedServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failing_pass_is_logged_and_the_next_interval_runs_again()
    {
        var clock = new FakeTimeProvider(Now);
        var logs = new RecordingLoggerProvider();
        var factory = new FailingFactory();
        var job = new ReminderJob(factory, new Logger<ReminderJob>(new LoggerFactory([logs])));
        using var service = new ReminderHostedService(job, clock, Options.Create(new JobOptions { IntervalSeconds = 30 }), new Logger<ReminderHostedService>(new LoggerFactory([logs])));

        await service.StartAsync(Token);
        await WaitForAsync(() => factory.Calls >= 1);
        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100, Token);
        factory.Calls.Should().Be(1, "the next pass waits for the interval");
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => factory.Calls >= 2);

        service.ExecuteTask!.IsFaulted.Should().BeFalse();
        logs.Entries.Count(e => e.Level == LogLevel.Error).Should().BeGreaterThanOrEqualTo(2);
        await service.StopAsync(Token);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, Token);
        }

        condition().Should().BeTrue();
    }

    private sealed class FailingFactory : IDbContextFactory<AppDbContext>
    {
        private int _calls;

        public int Calls => _calls;

        public AppDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("database down");
        }

        public Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());
    }
}
