using Bunit;
using System.Globalization;
using CoupDePousse.App.Components.Pages;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Meetings;

/// <summary>The agenda on the participants' home: the next meeting first, in Paris time, with its place and its calendar file.</summary>
public class AgendaPanelTests : FeaturePageContext
{
    private static readonly MeetingSlot Tuesday = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), 60);
    private static readonly MeetingSlot Thursday = new(new DateTimeOffset(2026, 11, 26, 13, 30, 0, TimeSpan.Zero), 90);

    private async Task<(Guid Confirmed, Guid Offered)> PlanAsync()
    {
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));
        var meetings = Database.Meetings();
        var confirmed = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Tuesday], SessionMode.OnSite, "Salle Curie", null))).Value;
        (await meetings.PickAsync(Beneficiary, confirmed, 1, Tuesday)).ShouldSucceed();
        var offered = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Thursday, Thursday with { StartsAt = Thursday.StartsAt.AddDays(1) }], SessionMode.Phone, null, null))).Value;
        return (confirmed, offered);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    public async Task Each_participant_sees_the_next_meeting_first_in_paris_time_with_its_place_and_calendar_file(Who who)
    {
        var (confirmed, offered) = await PlanAsync();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        SignInAs(Of(who));

        var home = Render<Home>();

        var next = home.WaitForElement("[data-testid=agenda-next]", TimeSpan.FromSeconds(10));
        next.GetAttribute("data-meeting-id").Should().Be(confirmed.ToString());
        next.QuerySelector("[data-testid=meeting-with]")!.TextContent.Should().Contain(who == Who.Beneficiary ? "Inès Intervenante" : "Bénédicte Bénéficiaire", "each sees whom they meet");
        next.QuerySelector("[data-testid=meeting-time]")!.TextContent.Should().Be("mardi 24 novembre 2026, 10:00 · 1 h", "09:00 UTC is 10:00 in Paris in November");
        next.QuerySelector("[data-testid=meeting-place]")!.TextContent.Should().Contain("Salle Curie");
        next.QuerySelector("[data-testid=meeting-ics]")!.GetAttribute("href").Should().Be(MeetingCalendarEndpoint.EventPath(confirmed));
        var later = home.Find("[data-testid=agenda-item]");
        later.GetAttribute("data-meeting-id").Should().Be(offered.ToString());
        later.QuerySelector("[data-testid=meeting-slots]")!.TextContent.Should().Contain("2");
    }

    [Fact]
    public async Task Someone_with_nothing_planned_is_told_so()
    {
        await Database.SaveAsync(InSessions(minutes: 60));
        SignInAs(Beneficiary);

        var home = Render<Home>();

        home.WaitForElement("[data-testid=agenda-empty]", TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public async Task Hr_and_managers_have_no_agenda_of_other_peoples_meetings(Who who)
    {
        await PlanAsync();
        SignInAs(Of(who));

        var home = Render<Home>();

        home.WaitForElement("[data-testid=dashboard]", TimeSpan.FromSeconds(10));
        home.FindAll("[data-testid=agenda]").Should().BeEmpty();
        home.Markup.Should().NotContain("Salle Curie");
    }

    [Fact]
    public async Task A_person_in_montreal_sees_the_agenda_time_on_their_clock_and_which_clock_it_is()
    {
        await PlanAsync();
        await Database.SetTimeZoneAsync(BeneficiaryId, "America/Montreal");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        SignInAs(Beneficiary);

        var home = Render<Home>();

        var time = home.WaitForElement("[data-testid=agenda-next] [data-testid=meeting-time]", TimeSpan.FromSeconds(10));
        time.TextContent.Should().Contain("mardi 24 novembre 2026, 04:00 · 1 h", "09:00 UTC is 04:00 in Montreal in November");
        time.QuerySelector("[data-testid=time-zone]")!.TextContent.Trim().Should().Be("(heure : Montréal)");
    }

    [Fact]
    public async Task A_person_on_paris_time_is_not_told_the_zone()
    {
        await PlanAsync();
        SignInAs(Intervener);

        var home = Render<Home>();

        home.WaitForElement("[data-testid=agenda-next] [data-testid=meeting-time]", TimeSpan.FromSeconds(10));
        home.FindAll("[data-testid=time-zone]").Should().BeEmpty();
    }
}
