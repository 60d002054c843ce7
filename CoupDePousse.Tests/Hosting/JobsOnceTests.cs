using CoupDePousse.App.Features.Meetings;
using CoupDePousse.App.Features.Reminders;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Hosting;

/// <summary>Two job hosts on one PostgreSQL database, asked for the same occurrence at the same moment, round after round: each occurrence runs once.</summary>
public class JobsOnceTests
{
    private const int Rounds = 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_daily_retention_run_happens_once_a_day_whichever_instance_checks_first()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var jobs = new[] { database.RetentionJob("instance-1"), database.RetentionJob("instance-2") };

        for (var round = 0; round < Rounds; round++)
        {
            var day = Now.AddDays(round + 1);
            database.Clock.SetUtcNow(day);
            // As each instance's hosted service does: is it due, then run it if still due under the lease.
            var ran = await Task.WhenAll(jobs.Select(job => Task.Run(async () => await job.IsDueAsync(day, Token) && await job.RunIfDueAsync(day, Token) is not null, Token)));
            ran.Count(r => r).Should().Be(1, $"round {round}: one instance runs the day's retention, the other finds it done or the lease taken");
        }

        await using var db = database.CreateDbContext();
        var runs = await db.RetentionRuns.AsNoTracking().Select(r => r.StartedAt).ToListAsync(Token);
        runs.Should().HaveCount(Rounds).And.OnlyHaveUniqueItems("the audit shows one run a day");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_instance_that_found_the_retention_due_just_before_another_ran_it_does_not_run_it_again(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        var (first, second) = (database.RetentionJob("instance-1"), database.RetentionJob("instance-2"));
        var day = Now.AddDays(1);
        database.Clock.SetUtcNow(day);

        (await second.IsDueAsync(day, Token)).Should().BeTrue();
        (await first.RunIfDueAsync(day, Token)).Should().NotBeNull();
        (await second.RunIfDueAsync(day, Token)).Should().BeNull("the second instance checks again under the lease and finds today's run done");

        await using var db = database.CreateDbContext();
        (await db.RetentionRuns.CountAsync(Token)).Should().Be(1);
    }

    [Fact]
    public async Task Each_meeting_reminder_is_written_once_when_both_instances_pass_at_the_same_moment()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var meetings = new List<(Guid Id, DateTimeOffset StartsAt)>();
        for (var round = 0; round < Rounds; round++)
        {
            var startsAt = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero).AddDays(round * 2);
            meetings.Add((await ConfirmedMeetingAsync(database, startsAt), startsAt));
        }

        var jobs = new[] { new ReminderJob(database, database.Logger<ReminderJob>()) { Holder = "instance-1" }, new ReminderJob(database, database.Logger<ReminderJob>()) { Holder = "instance-2" } };
        foreach (var (_, startsAt) in meetings)
        {
            var dayBefore = startsAt.AddHours(-23);
            await Task.WhenAll(jobs.Select(job => Task.Run(() => job.RunOnceAsync(dayBefore, Token), Token)));
        }

        await using var db = database.CreateDbContext();
        var reminders = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.MeetingReminder).Select(n => n.MeetingId).ToListAsync(Token);
        reminders.GroupBy(id => id).Should().HaveCount(Rounds).And.OnlyContain(g => g.Count() == 2, "the beneficiary and the intervener, each once");
    }

    private static async Task<Guid> ConfirmedMeetingAsync(TestDatabase database, DateTimeOffset startsAt)
    {
        var coachingCase = await database.SaveAsync(InSessions(minutes: 60));
        var service = database.Meetings();
        var slot = new MeetingSlot(startsAt, 60);
        var id = (await service.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [slot], SessionMode.Phone, null, null), Token)).ShouldSucceed();
        (await service.PickAsync(Beneficiary, id, 1, slot, Token)).ShouldSucceed();
        return id;
    }
}
