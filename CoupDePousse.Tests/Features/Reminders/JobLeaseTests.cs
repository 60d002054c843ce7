using CoupDePousse.App.Data;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Reminders;

/// <summary>The database lease of the scheduled jobs: one holder at a time, on SQLite and PostgreSQL.</summary>
public class JobLeaseTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task One_holder_at_a_time_until_it_expires_and_the_holder_renews(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        (await db.TryAcquireAsync("job", "a", Duration, Now, Token)).Should().BeTrue();
        (await db.TryAcquireAsync("job", "b", Duration, Now.AddMinutes(1), Token)).Should().BeFalse("a holds it");
        (await db.TryAcquireAsync("job", "a", Duration, Now.AddMinutes(4), Token)).Should().BeTrue("the holder renews");
        (await db.TryAcquireAsync("job", "b", Duration, Now.AddMinutes(6), Token)).Should().BeFalse("the renewal moved the expiry");
        (await db.TryAcquireAsync("other-job", "b", Duration, Now.AddMinutes(6), Token)).Should().BeTrue("each job has its own lease");
        (await db.TryAcquireAsync("job", "b", Duration, Now.AddMinutes(9), Token)).Should().BeTrue("a's lease expired");
        (await db.TryAcquireAsync("job", "a", Duration, Now.AddMinutes(10), Token)).Should().BeFalse();

        await db.ReleaseAsync("job", "a", Token);
        (await db.TryAcquireAsync("job", "a", Duration, Now.AddMinutes(10), Token)).Should().BeFalse("only the holder releases");
        await db.ReleaseAsync("job", "b", Token);
        (await db.TryAcquireAsync("job", "a", Duration, Now.AddMinutes(10), Token)).Should().BeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Of_many_holders_asking_at_once_exactly_one_acquires(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var db = database.CreateDbContext();
            return await db.TryAcquireAsync("job", $"holder-{i}", Duration, Now, Token);
        }));

        attempts.Count(acquired => acquired).Should().Be(1);
    }
}
