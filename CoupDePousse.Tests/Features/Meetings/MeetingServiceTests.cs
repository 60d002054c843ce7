using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Meetings;

/// <summary>Planned meetings through the service: who plans and reads what, and a held meeting becoming a logged session.</summary>
public class MeetingServiceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly MeetingSlot MondayMorning = new(Monday, 60);
    private static readonly MeetingSlot MondayAfternoon = new(Monday.AddHours(5), 90);
    private const string Place = "Salle Curie, 2e étage";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static MeetingPlan OnSite(params MeetingSlot[] slots) =>
        new(MeetingKind.Session, slots.Length == 0 ? [MondayMorning, MondayAfternoon] : slots, SessionMode.OnSite, Place, null);

    private static async Task<(TestDatabase Database, Guid CaseId, Guid MeetingId)> ConfirmedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var coachingCase = await database.SaveAsync(InSessions(minutes: 60));
        var meetings = database.Meetings();
        var id = (await meetings.ProposeAsync(Intervener, coachingCase.Id, OnSite(), Token)).ShouldSucceed();
        (await meetings.PickAsync(Beneficiary, id, 1, MondayAfternoon, Token)).ShouldSucceed();
        return (database, coachingCase.Id, id);
    }

    [Fact]
    public async Task Both_participants_see_the_meeting_and_its_place_hr_only_its_date_and_counts_anyone_else_nothing()
    {
        var (database, caseId, meetingId) = await ConfirmedAsync();
        await using var _ = database;
        var meetings = database.Meetings();

        foreach (var participant in new[] { Beneficiary, Intervener })
        {
            var mine = await meetings.MyMeetingsAsync(participant, Token);
            mine.Should().ContainSingle().Which.Should().Match<MeetingView>(m => m.Id == meetingId && m.Place == Place && m.Confirmed == MondayAfternoon);
            (await meetings.CaseMeetingsAsync(participant, caseId, Token)).ShouldSucceed().Should().ContainSingle();
        }

        var summary = (await meetings.SummaryForHrAsync(Hr, caseId, Token)).ShouldSucceed();
        summary.Should().Be(new MeetingSummary(MondayAfternoon.StartsAt, 0, 0));
        typeof(MeetingSummary).GetProperties().Select(p => p.Name).Should().NotContain(["Place", "Link", "OfferedSlots", "Confirmed"]);

        foreach (var outsider in new[] { Hr, Manager, OtherIntervener, Admin, OtherBeneficiary })
        {
            (await meetings.MyMeetingsAsync(outsider, Token)).Should().BeEmpty();
            (await meetings.CaseMeetingsAsync(outsider, caseId, Token)).ShouldBeRefusedWith(App.Features.Common.AppErrors.NotFound);
        }

        (await meetings.SummaryForHrAsync(Manager, caseId, Token)).IsFailure.Should().BeTrue();
    }

    [Fact]
    public async Task Where_a_meeting_takes_place_is_encrypted_in_the_database_file()
    {
        var (database, _, meetingId) = await ConfirmedAsync();
        await using var _ = database;
        await using var db = database.CreateDbContext();

        var stored = await db.Database.SqlQuery<string>($"SELECT \"Place\" AS \"Value\" FROM \"Meetings\" WHERE \"Id\" = {meetingId.ToString().ToUpperInvariant()}").SingleAsync(Token);

        stored.Should().NotContain("Curie").And.StartWith(ConfidentialText.PayloadPrefix);
    }

    [Fact]
    public async Task A_held_session_becomes_a_logged_session_of_the_case_in_the_same_save()
    {
        var (database, caseId, meetingId) = await ConfirmedAsync();
        await using var _ = database;
        var meetings = database.Meetings();
        database.Clock.SetUtcNow(MondayAfternoon.EndsAt);

        (await meetings.MarkHeldAsync(Intervener, meetingId, 2, cancellationToken: Token)).ShouldSucceed();

        var coachingCase = await database.LoadAsync(caseId);
        coachingCase.Sessions.Should().HaveCount(2);
        coachingCase.Sessions[^1].DurationMinutes.Should().Be(90, "the planned duration is prefilled");
        coachingCase.Sessions[^1].Mode.Should().Be(SessionMode.OnSite);
        coachingCase.UsedMinutes.Should().Be(150);
        await using var db = database.CreateDbContext();
        (await db.Meetings.SingleAsync(m => m.Id == meetingId, Token)).Status.Should().Be(MeetingStatus.Held);
        (await CaseCounts.FindDifferencesAsync(db, Token)).Should().BeEmpty();
        (await meetings.SummaryForHrAsync(Hr, caseId, Token)).ShouldSucceed().Held.Should().Be(1);
    }

    [Fact]
    public async Task A_session_that_the_case_cannot_log_leaves_the_meeting_confirmed()
    {
        var (database, caseId, meetingId) = await ConfirmedAsync();
        await using var _ = database;
        database.Clock.SetUtcNow(MondayAfternoon.EndsAt);

        var refused = await database.Meetings().MarkHeldAsync(Intervener, meetingId, 2, heldMinutes: 50, Token);

        refused.IsFailure.Should().BeTrue("50 minutes is not a whole quarter of an hour");
        await using var db = database.CreateDbContext();
        (await db.Meetings.SingleAsync(m => m.Id == meetingId, Token)).Status.Should().Be(MeetingStatus.Confirmed);
        (await database.LoadAsync(caseId)).Sessions.Should().HaveCount(1);
    }

    [Fact]
    public async Task The_intervener_cannot_be_in_two_meetings_at_once_across_cases_and_planned_sessions_count_in_the_budget()
    {
        var (database, caseId, _) = await ConfirmedAsync();
        await using var _ = database;
        var other = await database.SaveAsync(CaseBuilder.InSessions());
        var meetings = database.Meetings();

        (await meetings.ProposeAsync(Intervener, other.Id, OnSite(new MeetingSlot(MondayAfternoon.StartsAt.AddMinutes(30), 60)), Token))
            .ShouldBeRefusedWith(MeetingErrors.IntervenerBusy);

        // 6 h budget, 1 h logged, 1 h 30 confirmed: 3 h 30 left to plan on this case.
        (await meetings.ProposeAsync(Intervener, caseId, OnSite(new MeetingSlot(Monday.AddDays(2), 225)), Token)).ShouldBeRefusedWith(MeetingErrors.OverBudget);
        (await meetings.ProposeAsync(Intervener, caseId, OnSite(new MeetingSlot(Monday.AddDays(2), 210)), Token)).ShouldSucceed();
    }

    [Fact]
    public async Task A_change_made_on_a_version_someone_else_changed_is_refused_and_changes_nothing()
    {
        var (database, _, meetingId) = await ConfirmedAsync();
        await using var _ = database;
        var meetings = database.Meetings();
        var later = new MeetingSlot(Monday.AddDays(3), 60);

        (await meetings.RescheduleAsync(Intervener, meetingId, 2, later, MeetingChangeReason.Availability, Token)).ShouldSucceed();
        var stale = await meetings.CancelAsync(Beneficiary, meetingId, 2, MeetingChangeReason.Illness, Token);

        stale.ShouldBeRefusedWith(CaseErrors.Concurrency);
        var mine = await meetings.MyMeetingsAsync(Beneficiary, Token);
        mine.Single().Should().Match<MeetingView>(m => m.Status == MeetingStatus.Confirmed && m.Confirmed == later && m.Version == 3);
    }

    [Fact]
    public async Task Someone_outside_the_meeting_cannot_act_on_it()
    {
        var (database, _, meetingId) = await ConfirmedAsync();
        await using var _ = database;
        var meetings = database.Meetings();

        foreach (var outsider in new[] { Hr, Manager, OtherIntervener, OtherBeneficiary })
        {
            (await meetings.CancelAsync(outsider, meetingId, 2, MeetingChangeReason.Other, Token)).ShouldBeRefusedWith(App.Features.Common.AppErrors.NotFound);
        }

        (await meetings.MyMeetingsAsync(Beneficiary, Token)).Single().Status.Should().Be(MeetingStatus.Confirmed);
    }

    [Fact]
    public async Task Asked_for_other_slots_the_intervener_answers_on_the_same_meeting_and_the_beneficiary_picks_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var coachingCase = await database.SaveAsync(InSessions(minutes: 60));
        var meetings = database.Meetings();
        var id = (await meetings.ProposeAsync(Intervener, coachingCase.Id, OnSite(), Token)).ShouldSucceed();
        (await meetings.AskForOtherSlotsAsync(Beneficiary, id, 1, Token)).ShouldSucceed();
        var friday = new MeetingSlot(Monday.AddDays(4), 60);

        (await meetings.OfferOtherSlotsAsync(Intervener, id, 2, [friday], Token)).ShouldSucceed();
        (await meetings.PickAsync(Beneficiary, id, 3, friday, Token)).ShouldSucceed();

        var mine = await meetings.MyMeetingsAsync(Beneficiary, Token);
        mine.Should().ContainSingle().Which.Should().Match<MeetingView>(m => m.Id == id && m.Confirmed == friday && m.Status == MeetingStatus.Confirmed);
    }

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_overlapping_times_of_one_intervener_confirmed_at_the_same_instant_cannot_both_succeed(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        await using var database = await TestDatabase.CreateAsync(provider);
        var coachingCase = await database.SaveAsync(InSessions(minutes: 60));
        var meetings = database.Meetings();

        // Two offers of the same morning: an offer does not hold the intervener's time, a confirmation does.
        var first = (await meetings.ProposeAsync(Intervener, coachingCase.Id, OnSite(MondayMorning), Token)).ShouldSucceed();
        var second = (await meetings.ProposeAsync(Intervener, coachingCase.Id, OnSite(MondayMorning), Token)).ShouldSucceed();

        var picks = await Task.WhenAll(
            Task.Run(() => meetings.PickAsync(Beneficiary, first, 1, MondayMorning, Token), Token),
            Task.Run(() => meetings.PickAsync(Beneficiary, second, 1, MondayMorning, Token), Token));

        picks.Count(p => p.IsSuccess).Should().Be(1, "the intervener cannot be in two meetings at once, and one of the two picks goes through");
        await using var db = database.CreateDbContext();
        (await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Confirmed && m.CaseId == coachingCase.Id, Token)).Should().Be(1);
    }
}
