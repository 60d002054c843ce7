using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Meetings;

/// <summary>The admin's missed-meeting policy through the meeting service: the case's hours change in the same save, or not at all.</summary>
public class MissedMeetingPolicyTests
{
    private static readonly MeetingSlot Slot = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), 90);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, Guid CaseId, Guid MeetingId)> ConfirmedAsync(bool consumes)
    {
        var database = await TestDatabase.CreateAsync();
        if (consumes)
        {
            await using var db = database.CreateDbContext();
            (await db.BudgetSettingsForUpdateAsync(Token)).MissedMeetingConsumesBudget = true;
            await db.SaveChangesAsync(Token);
        }

        var coachingCase = await database.SaveAsync(InSessions(minutes: 60));
        var meetings = database.Meetings();
        var id = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Slot], SessionMode.Phone, null, null), Token)).ShouldSucceed();
        (await meetings.PickAsync(Beneficiary, id, 1, Slot, Token)).ShouldSucceed();
        return (database, coachingCase.Id, id);
    }

    [Theory]
    [InlineData(true, 150)]
    [InlineData(false, 60)]
    public async Task A_no_show_uses_up_the_planned_time_only_under_the_consuming_policy(bool consumes, int usedMinutes)
    {
        var (database, caseId, meetingId) = await ConfirmedAsync(consumes);
        await using var _ = database;
        database.Clock.SetUtcNow(Slot.StartsAt.AddMinutes(20));

        (await database.Meetings().MarkNoShowAsync(Intervener, meetingId, 2, Token)).ShouldSucceed();

        var coachingCase = await database.LoadAsync(caseId);
        coachingCase.Hours.UsedMinutes.Should().Be(usedMinutes);
        coachingCase.UsedMinutes.Should().Be(usedMinutes);
        coachingCase.Sessions.Count(s => s.Missed).Should().Be(consumes ? 1 : 0);
        await using var db = database.CreateDbContext();
        (await CaseFacts.FindDifferencesAsync(db, Token)).Should().BeEmpty("the stored facts and counts follow the missed session");
        var view = await database.Cases().GetAsync(Beneficiary, caseId, Token);
        view.Should().BeOfType<App.Features.Cases.EngagementCaseView>().Which.Header.Sessions.Count(s => s.Missed).Should().Be(consumes ? 1 : 0,
            "the beneficiary sees the missed session counted in their hours");
    }

    [Theory]
    [InlineData(true, 150)]
    [InlineData(false, 60)]
    public async Task A_late_cancellation_by_the_beneficiary_uses_up_the_planned_time_only_under_the_consuming_policy(bool consumes, int usedMinutes)
    {
        var (database, caseId, meetingId) = await ConfirmedAsync(consumes);
        await using var _ = database;
        database.Clock.SetUtcNow(Slot.StartsAt.AddHours(-3));

        (await database.Meetings().CancelAsync(Beneficiary, meetingId, 2, MeetingChangeReason.Illness, Token)).ShouldSucceed();

        (await database.LoadAsync(caseId)).Hours.UsedMinutes.Should().Be(usedMinutes);
    }

    [Fact]
    public async Task A_cancellation_by_the_intervener_never_consumes()
    {
        var (database, caseId, meetingId) = await ConfirmedAsync(consumes: true);
        await using var _ = database;
        database.Clock.SetUtcNow(Slot.StartsAt.AddHours(-3));

        (await database.Meetings().CancelAsync(Intervener, meetingId, 2, MeetingChangeReason.Illness, Token)).ShouldSucceed();

        (await database.LoadAsync(caseId)).Hours.UsedMinutes.Should().Be(60);
    }
}
