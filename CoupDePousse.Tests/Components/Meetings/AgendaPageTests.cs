using Bunit;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Meetings;

/// <summary>The agenda page: what is to come, the next first, then what is over lately (held, missed or cancelled).</summary>
public class AgendaPageTests : FeaturePageContext
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private static readonly MeetingSlot Tuesday = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), 60);
    private static readonly MeetingSlot Thursday = new(new DateTimeOffset(2026, 11, 26, 13, 30, 0, TimeSpan.Zero), 60);

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    public async Task Each_participant_sees_what_is_to_come_and_what_was_cancelled(Who who)
    {
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));
        var meetings = Database.Meetings();
        var confirmed = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Tuesday], SessionMode.Phone, null, null), Token)).Value;
        (await meetings.PickAsync(Beneficiary, confirmed, 1, Tuesday, Token)).ShouldSucceed();
        var cancelled = (await meetings.ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Thursday], SessionMode.Phone, null, null), Token)).Value;
        (await meetings.CancelAsync(Beneficiary, cancelled, 1, MeetingChangeReason.Availability, Token)).ShouldSucceed();
        SignInAs(Of(who));

        var page = Render<AgendaPage>();

        page.WaitForElement("[data-testid=agenda-past-item]", TimeSpan.FromSeconds(10));
        page.Find("[data-testid=agenda-next]").GetAttribute("data-meeting-id").Should().Be(confirmed.ToString());
        var past = page.Find("[data-testid=agenda-past-item]");
        past.GetAttribute("data-meeting-id").Should().Be(cancelled.ToString());
        past.GetAttribute("data-status").Should().Be(nameof(MeetingStatus.Cancelled));
    }

    [Fact]
    public async Task Someone_who_takes_part_in_nothing_sees_neither_list_filled()
    {
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));
        (await Database.Meetings().ProposeAsync(Intervener, coachingCase.Id, new MeetingPlan(MeetingKind.Session, [Tuesday], SessionMode.OnSite, "Salle Curie", null), Token)).ShouldSucceed();
        SignInAs(OtherBeneficiary);

        var page = Render<AgendaPage>();

        page.WaitForElement("[data-testid=agenda-past-empty]", TimeSpan.FromSeconds(10));
        page.WaitForElement("[data-testid=agenda-empty]", TimeSpan.FromSeconds(10));
        page.Markup.Should().NotContain("Salle Curie");
    }
}
