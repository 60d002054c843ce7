using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.App.Features.Reminders;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Reminders;

/// <summary>The reminder job on a moved clock: a reminder the day before each meeting and a nudge per wait, each exactly once.</summary>
public class ReminderJobTests
{
    // Tomorrow at 10:00 (UTC) seen from the test clock (Now is 2026-11-20 09:00).
    private static readonly DateTimeOffset Tomorrow10 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ReminderJob Job(TestDatabase database, string holder) => new(database, database.Logger<ReminderJob>()) { Holder = holder };

    private static async Task<Guid> ConfirmedMeetingAsync(TestDatabase database, DateTimeOffset startsAt)
    {
        var coachingCase = await database.SaveAsync(InSessions(minutes: 60));
        var meetings = database.Meetings();
        var slot = new MeetingSlot(startsAt, 60);
        var id = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [slot], SessionMode.Phone, null, null), Token)).ShouldSucceed();
        (await meetings.PickAsync(Beneficiary, id, 1, slot, Token)).ShouldSucceed();
        return id;
    }

    private static async Task<List<Notification>> NotificationsAsync(TestDatabase database, NotificationKind kind)
    {
        await using var db = database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).ToListAsync(Token);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_participant_is_reminded_once_the_day_before_even_with_two_job_instances_running(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        var meetingId = await ConfirmedMeetingAsync(database, Tomorrow10);
        var (first, second) = (Job(database, "instance-1"), Job(database, "instance-2"));

        await first.RunOnceAsync(Tomorrow10.AddHours(-25), Token);
        (await NotificationsAsync(database, NotificationKind.MeetingReminder)).Should().BeEmpty("25 hours before is not yet the day before");

        var dayBefore = Tomorrow10.AddHours(-23).AddMinutes(-59);
        await first.RunOnceAsync(dayBefore, Token);
        await first.RunOnceAsync(dayBefore.AddMinutes(1), Token);
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(
                Task.Run(() => first.RunOnceAsync(dayBefore.AddMinutes(2 + round), Token), Token),
                Task.Run(() => second.RunOnceAsync(dayBefore.AddMinutes(2 + round), Token), Token));
        }

        var reminders = await NotificationsAsync(database, NotificationKind.MeetingReminder);
        reminders.Select(n => n.RecipientId).Should().BeEquivalentTo([BeneficiaryId, IntervenerId]);
        reminders.Should().OnlyContain(n => n.MeetingId == meetingId && n.DedupKey == ReminderJob.ReminderKey(meetingId, 0) && n.MailStatus == MailStatus.Pending);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_instances_without_the_lease_between_them_still_write_each_reminder_once(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        await ConfirmedMeetingAsync(database, Tomorrow10);
        var dayBefore = Tomorrow10.AddHours(-23);

        // The same holder on both: the lease lets both run at once, so only the unique index stands between them.
        var jobs = Enumerable.Range(0, 6).Select(_ => Job(database, "same-holder")).ToList();
        await Task.WhenAll(jobs.Select(job => Task.Run(() => job.RunOnceAsync(dayBefore, Token), Token)));

        (await NotificationsAsync(database, NotificationKind.MeetingReminder)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_moved_meeting_is_reminded_again_at_its_new_time_and_a_cancelled_one_never()
    {
        await using var database = await TestDatabase.CreateAsync();
        var moved = await ConfirmedMeetingAsync(database, Tomorrow10);
        var job = Job(database, "instance");
        await job.RunOnceAsync(Tomorrow10.AddHours(-23), Token);

        database.Clock.SetUtcNow(Tomorrow10.AddHours(-22));
        var newTime = new MeetingSlot(Tomorrow10.AddDays(2), 60);
        (await database.Meetings().RescheduleAsync(Intervener, moved, 2, newTime, MeetingChangeReason.WorkConstraint, Token)).ShouldSucceed();
        await job.RunOnceAsync(Tomorrow10.AddHours(-21), Token);
        (await NotificationsAsync(database, NotificationKind.MeetingReminder)).Should().HaveCount(2, "the new time is not yet a day away");

        await job.RunOnceAsync(newTime.StartsAt.AddHours(-23), Token);
        await job.RunOnceAsync(newTime.StartsAt.AddHours(-22), Token);

        var reminders = await NotificationsAsync(database, NotificationKind.MeetingReminder);
        reminders.Should().HaveCount(4);
        reminders.Count(n => n.DedupKey == ReminderJob.ReminderKey(moved, 1)).Should().Be(2, "one new reminder per participant for the new time");

        var cancelled = await ConfirmedMeetingAsync(database, newTime.StartsAt.AddDays(3));
        (await database.Meetings().CancelAsync(Intervener, cancelled, 2, MeetingChangeReason.Illness, Token)).ShouldSucceed();
        await job.RunOnceAsync(newTime.StartsAt.AddDays(3).AddHours(-12), Token);
        (await NotificationsAsync(database, NotificationKind.MeetingReminder)).Should().NotContain(n => n.MeetingId == cancelled);
    }

    [Fact]
    public async Task A_case_waiting_on_someone_for_the_nudge_delay_nudges_them_once_per_wait()
    {
        await using var database = await TestDatabase.CreateAsync();
        var waitingOnBeneficiary = await database.SaveAsync(WithIntervener());
        var since = waitingOnBeneficiary.StateEnteredAt;
        var job = Job(database, "instance");

        await job.RunOnceAsync(since.AddDays(4), Token);
        (await NotificationsAsync(database, NotificationKind.CaseWaiting)).Should().BeEmpty();

        await job.RunOnceAsync(since.AddDays(6), Token);
        await job.RunOnceAsync(since.AddDays(6).AddHours(1), Token);

        var nudges = await NotificationsAsync(database, NotificationKind.CaseWaiting);
        nudges.Should().ContainSingle().Which.Should().Match<Notification>(n =>
            n.RecipientId == BeneficiaryId && n.CaseId == waitingOnBeneficiary.Id
            && n.DedupKey == ReminderJob.NudgeKey(waitingOnBeneficiary.Id, since, WaitingParty.Beneficiary));
    }

    [Fact]
    public async Task A_case_waiting_on_hr_nudges_each_hr_member_and_an_ended_case_nobody()
    {
        await using var database = await TestDatabase.CreateAsync();
        var toAssign = await database.SaveAsync(Proposed());
        var closed = await database.SaveAsync(Closed());
        var job = Job(database, "instance");

        await job.RunOnceAsync(toAssign.StateEnteredAt.AddDays(6), Token);
        await job.RunOnceAsync(closed.StateEnteredAt.AddDays(6), Token);

        var nudges = await NotificationsAsync(database, NotificationKind.CaseWaiting);
        nudges.Should().ContainSingle().Which.Should().Match<Notification>(n => n.RecipientId == HrId && n.CaseId == toAssign.Id);
    }

    [Fact]
    public async Task The_admins_nudge_delay_applies()
    {
        await using var database = await TestDatabase.CreateAsync();
        var waiting = await database.SaveAsync(WithIntervener());
        await using (var db = database.CreateDbContext())
        {
            var settings = await db.BudgetSettingsForUpdateAsync(Token);
            settings.NudgeDays = 2;
            await db.SaveChangesAsync(Token);
        }

        await Job(database, "instance").RunOnceAsync(waiting.StateEnteredAt.AddDays(3), Token);

        (await NotificationsAsync(database, NotificationKind.CaseWaiting)).Should().ContainSingle();
    }
}
