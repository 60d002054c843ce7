using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

public class CasesPageTests : FeaturePageContext
{
    [Fact]
    public async Task Beneficiary_lists_their_cases_with_a_link_to_each()
    {
        var mine = await Database.SaveAsync(InSessions());
        SignInAs(Beneficiary);

        var cut = Render<CasesPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-row]").GetAttribute("data-case-id").Should().Be(mine.Id.ToString()), Patience);
        cut.Find("[data-testid=case-row]").GetAttribute("href").Should().Be($"/cases/{mine.Id}");
    }

    [Fact]
    public async Task Manager_lists_their_proposals_with_the_coarse_status_only()
    {
        await Database.SaveAsync(InSessions());
        SignInAs(Manager);

        var cut = Render<CasesPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=case-row]").Should().ContainSingle(), Patience);
        cut.Markup.Should().Contain("En cours").And.NotContain(CaseLabels.Label(CaseState.InSessions, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void Hr_is_sent_to_the_pipeline()
    {
        SignInAs(Hr);

        var cut = Render<CasesPage>();

        cut.Find("[data-testid=go-pipeline]").GetAttribute("href").Should().Be("/pipeline");
    }
}
