using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>The agreement's panel on the case page and its printable page: its three parties see them, nobody else.</summary>
public class AgreementComponentTests : FeaturePageContext
{
    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    public async Task The_three_parties_see_the_panel_with_who_has_accepted_and_accept_in_two_clicks(Who who)
    {
        var coachingCase = Accepted();
        coachingCase.AcceptAgreement(who == Who.Beneficiary ? Intervener : Beneficiary, Now).ShouldSucceed();
        var stored = await Database.SaveAsync(coachingCase);
        SignInAs(Of(who));

        var cut = this.RenderCase(stored.Id);

        cut.WaitForAssertion(() => cut.Find("[data-testid=agreement-panel]").GetAttribute("data-in-force").Should().Be("false"), Patience);
        cut.FindAll("[data-testid=agreement-party][data-accepted=true]").Should().ContainSingle();
        cut.Find("[data-testid=action-AcceptAgreement]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=agreement-accept-confirm]").Click(), Patience);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=agreement-party][data-accepted=true]").Should().HaveCount(2), Patience);
        cut.FindAll("[data-testid=action-AcceptAgreement]").Should().BeEmpty();
        (await Database.LoadAsync(stored.Id)).AgreementAcceptances.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_proposing_manager_never_sees_the_agreement_on_their_page()
    {
        var stored = await Database.SaveAsync(Accepted());
        SignInAs(Manager);

        var cut = this.RenderCase(stored.Id);

        cut.Find("[data-testid=case-page]");
        cut.FindAll("[data-testid=agreement-panel]").Should().BeEmpty();
        cut.Markup.Should().NotContain("/agreement");
    }

    [Fact]
    public async Task The_printable_page_shows_every_part_and_who_accepted()
    {
        var stored = await Database.SaveAsync(ObjectivesSet());
        SignInAs(Beneficiary);

        var cut = RenderWithProviders<AgreementPage>((nameof(AgreementPage.Id), stored.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=agreement-page]").GetAttribute("data-in-force").Should().Be("true"), Patience);
        cut.FindAll("[data-testid=agreement-section]").Select(s => s.GetAttribute("data-kind")).Should().Equal(Enum.GetNames<AgreementSectionKind>());
        cut.FindAll("[data-testid=agreement-acceptance]").Should().HaveCount(3);
        cut.Markup.Should().Contain("@media print");
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    public async Task Anyone_else_gets_the_not_found_page(Who who)
    {
        var stored = await Database.SaveAsync(ObjectivesSet());
        SignInAs(Of(who));

        var cut = RenderWithProviders<AgreementPage>((nameof(AgreementPage.Id), stored.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=not-found]"), Patience);
        cut.FindAll("[data-testid=agreement-page]").Should().BeEmpty();
    }
}
