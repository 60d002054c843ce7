using System.Globalization;
using Bunit;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.Components.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Meetings;

/// <summary>The case's meetings page: the intervener offers, the beneficiary picks, the intervener records what happened.</summary>
public class MeetingsPageTests : FeaturePageContext
{
    private static readonly MeetingSlot Tuesday = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), 60);
    private static readonly MeetingSlot Wednesday = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), 60);

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private async Task<(Guid CaseId, Guid MeetingId)> OfferedAsync()
    {
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));
        var meetingId = (await Database.Meetings().ProposeAsync(Intervener, coachingCase.Id,
            new MeetingPlan(MeetingKind.Session, [Tuesday, Wednesday], SessionMode.Phone, null, null), Token)).Value;
        return (coachingCase.Id, meetingId);
    }

    private async Task<MeetingStatus> StatusAsync(Guid meetingId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync(Token);
    }

    [Fact]
    public async Task The_beneficiary_picks_one_of_the_offered_slots_and_the_meeting_is_confirmed()
    {
        var (caseId, meetingId) = await OfferedAsync();
        SignInAs(Beneficiary);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForElement("[data-testid=case-meeting]", Patience);
        page.FindAll("[data-testid=meeting-form]").Should().BeEmpty("only the intervener offers slots");
        var picks = page.FindAll("[data-testid=action-pick-slot]");
        picks.Should().HaveCount(2);
        picks[1].Click();

        page.WaitForAssertion(() => page.Find("[data-testid=case-meeting]").GetAttribute("data-status").Should().Be(nameof(MeetingStatus.Confirmed)), Patience);
        (await StatusAsync(meetingId)).Should().Be(MeetingStatus.Confirmed);
        (await Database.Meetings().MyMeetingsAsync(Beneficiary, Token)).Single().Confirmed.Should().Be(Wednesday);
    }

    [Fact]
    public async Task Once_the_meeting_started_the_intervener_records_it_and_the_session_is_logged()
    {
        var (caseId, meetingId) = await OfferedAsync();
        (await Database.Meetings().PickAsync(Beneficiary, meetingId, 1, Tuesday, Token)).ShouldSucceed();
        Database.Clock.SetUtcNow(Tuesday.EndsAt);
        SignInAs(Intervener);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForElement("[data-testid=action-meeting-held]", Patience).Click();

        page.WaitForAssertion(() => page.Find("[data-testid=case-meeting]").GetAttribute("data-status").Should().Be(nameof(MeetingStatus.Held)), Patience);
        (await Database.LoadAsync(caseId)).UsedMinutes.Should().Be(120);
    }

    [Fact]
    public async Task Before_it_starts_there_is_nothing_to_record()
    {
        var (caseId, meetingId) = await OfferedAsync();
        (await Database.Meetings().PickAsync(Beneficiary, meetingId, 1, Tuesday, Token)).ShouldSucceed();
        SignInAs(Intervener);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForElement("[data-testid=case-meeting]", Patience);
        page.FindAll("[data-testid=action-meeting-held]").Should().BeEmpty();
        page.FindAll("[data-testid=action-cancel-meeting]").Should().ContainSingle();
    }

    [Fact]
    public async Task An_incomplete_offer_is_refused_with_its_reason_and_plans_nothing()
    {
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));
        SignInAs(Intervener);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, coachingCase.Id));
        page.WaitForElement("[data-testid=meeting-form]", Patience);
        page.Find("[data-testid=action-propose-meeting]").Click();

        page.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().Contain(MeetingErrors.LinkRequired.Message, "a video meeting (the default) needs its link first");
        (await Database.Meetings().MyMeetingsAsync(Intervener, Token)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    public async Task Anyone_but_the_two_participants_finds_nothing(Who who)
    {
        var (caseId, _) = await OfferedAsync();
        SignInAs(Of(who));

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-meeting]").Should().BeEmpty(), Patience);
        page.WaitForAssertion(() => page.Markup.Should().NotContain("meeting-form").And.NotContain("action-pick-slot"), Patience);
        page.WaitForAssertion(() => page.FindAll("[data-testid=not-found]").Should().NotBeEmpty(), Patience);
    }

    [Fact]
    public async Task When_other_slots_were_asked_for_the_intervener_is_offered_to_answer_them()
    {
        var (caseId, meetingId) = await OfferedAsync();
        (await Database.Meetings().AskForOtherSlotsAsync(Beneficiary, meetingId, 1, Token)).ShouldSucceed();
        SignInAs(Intervener);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForElement("[data-testid=meeting-form]", Patience).TextContent.Should().Contain("Proposer d'autres créneaux, comme demandé");
        page.Find("[data-testid=case-meeting]").GetAttribute("data-status").Should().Be(nameof(MeetingStatus.OtherSlotsRequested));
    }

    [Fact]
    public async Task Hrs_case_page_shows_the_next_date_and_the_counts_never_where_the_meeting_takes_place()
    {
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));
        var meetings = Database.Meetings();
        var held = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Tuesday], SessionMode.OnSite, "Salle Curie", null), Token)).Value;
        (await meetings.PickAsync(Beneficiary, held, 1, Tuesday, Token)).ShouldSucceed();
        var next = (await meetings.ProposeAsync(Intervener, coachingCase.Id,
            new MeetingPlan(MeetingKind.Session, [Wednesday], SessionMode.Video, null, "https://visio.example.org/secret-room"), Token)).Value;
        (await meetings.PickAsync(Beneficiary, next, 1, Wednesday, Token)).ShouldSucceed();
        Database.Clock.SetUtcNow(Tuesday.EndsAt);
        (await meetings.MarkHeldAsync(Intervener, held, 2, cancellationToken: Token)).ShouldSucceed();
        SignInAs(Hr);

        var page = this.RenderCase(coachingCase.Id);

        var summary = page.WaitForElement("[data-testid=meetings-summary]", Patience);
        summary.GetAttribute("data-held").Should().Be("1");
        summary.GetAttribute("data-no-shows").Should().Be("0");
        summary.TextContent.Should().Contain(CoupDePousse.App.Features.Common.Figures.Date(Wednesday.StartsAt));
        page.Markup.Should().NotContain("Salle Curie").And.NotContain("secret-room");
    }

    private async Task<(Guid CaseId, Guid MeetingId)> ConfirmedAsync()
    {
        var (caseId, meetingId) = await OfferedAsync();
        (await Database.Meetings().PickAsync(Beneficiary, meetingId, 1, Tuesday, Token)).ShouldSucceed();
        return (caseId, meetingId);
    }

    private static void MoveTo(IRenderedComponent<MeetingsPage> page, string date)
    {
        page.WaitForElement("[data-testid=meeting-move]", Patience).Click();
        page.WaitForElement("[data-testid=field-move-date] input, input[data-testid=field-move-date]", Patience).Change(date);
        page.Find("[data-testid=meeting-move-submit]").Click();
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    public async Task Either_participant_moves_a_confirmed_meeting_and_the_new_time_is_shown(Who who)
    {
        var (caseId, meetingId) = await ConfirmedAsync();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        SignInAs(Of(who));

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));
        page.WaitForElement("[data-testid=meeting-time]", Patience).TextContent.Should().Contain("mardi 24 novembre 2026, 10:00");
        MoveTo(page, "27/11/2026");

        page.WaitForAssertion(() => page.Find("[data-testid=meeting-time]").TextContent.Should().Contain("vendredi 27 novembre 2026, 10:00 · 1 h"), Patience);
        page.FindAll("[data-testid=meeting-move-form]").Should().BeEmpty("a move closes its form");
        var moved = (await Database.Meetings().MyMeetingsAsync(Beneficiary, Token)).Single(m => m.Id == meetingId);
        moved.Confirmed.Should().Be(Tuesday with { StartsAt = Tuesday.StartsAt.AddDays(3) }, "the time typed is read on the Paris clock, prefilled with the current one");
    }

    [Fact]
    public async Task A_move_onto_another_of_the_interveners_meetings_is_refused_with_its_reason_and_changes_nothing()
    {
        var (caseId, meetingId) = await ConfirmedAsync();
        var meetings = Database.Meetings();
        var other = (await meetings.ProposeAsync(Intervener, caseId, new MeetingPlan(MeetingKind.Session, [Wednesday], SessionMode.Phone, null, null), Token)).Value;
        (await meetings.PickAsync(Beneficiary, other, 1, Wednesday, Token)).ShouldSucceed();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        SignInAs(Beneficiary);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));
        page.WaitForElement("[data-testid=meeting-time]", Patience);
        MoveTo(page, "25/11/2026");

        page.WaitForElement("[data-testid=meeting-move-error]", Patience).TextContent.Should().Contain(MeetingErrors.IntervenerBusy.Message);
        page.FindAll("[data-testid=meeting-move-form]").Should().ContainSingle("the form stays open next to its refusal");
        (await meetings.MyMeetingsAsync(Beneficiary, Token)).Single(m => m.Id == meetingId).Confirmed.Should().Be(Tuesday);
    }

    [Fact]
    public async Task A_meeting_already_started_cannot_be_moved()
    {
        var (caseId, _) = await ConfirmedAsync();
        Database.Clock.SetUtcNow(Tuesday.StartsAt.AddMinutes(5));
        SignInAs(Beneficiary);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForElement("[data-testid=case-meeting]", Patience);
        page.FindAll("[data-testid=meeting-move]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_person_in_montreal_types_and_reads_times_on_their_own_clock()
    {
        var (caseId, meetingId) = await ConfirmedAsync();
        await Database.SetTimeZoneAsync(BeneficiaryId, "America/Montreal");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        SignInAs(Beneficiary);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));
        page.WaitForElement("[data-testid=meeting-time]", Patience).TextContent.Should().Contain("mardi 24 novembre 2026, 04:00").And.Contain("Montréal");
        MoveTo(page, "27/11/2026");

        page.WaitForAssertion(() => page.Find("[data-testid=meeting-time]").TextContent.Should().Contain("vendredi 27 novembre 2026, 04:00"), Patience);
        (await Database.Meetings().MyMeetingsAsync(Beneficiary, Token)).Single(m => m.Id == meetingId).Confirmed!.StartsAt
            .Should().Be(Tuesday.StartsAt.AddDays(3), "04:00 in Montreal is 09:00 UTC in November");
    }

    [Fact]
    public async Task A_beneficiary_in_montreal_picks_among_slots_shown_on_their_clock()
    {
        var (caseId, _) = await OfferedAsync();
        await Database.SetTimeZoneAsync(BeneficiaryId, "America/Montreal");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        SignInAs(Beneficiary);

        var page = Render<MeetingsPage>(p => p.Add(x => x.CaseId, caseId));

        page.WaitForElement("[data-testid=action-pick-slot]", Patience).TextContent.Should().Contain("mar. 24 nov., 04:00");
        page.Find("[data-testid=case-meeting] [data-testid=time-zone]").GetAttribute("data-zone").Should().Be("America/Montreal");
    }
}
