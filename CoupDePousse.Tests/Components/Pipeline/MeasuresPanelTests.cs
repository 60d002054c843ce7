using Bunit;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Pipeline;

/// <summary>HR's statistics show the before/after and satisfaction averages of closed cases, withheld where the group is small.</summary>
public class MeasuresPanelTests : FeaturePageContext
{
    private async Task SaveClosedAsync(int count, int after, int satisfaction)
    {
        for (var i = 0; i < count; i++)
        {
            var coachingCase = Closed();
            coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: after), Now).ShouldSucceed();
            coachingCase.RateSatisfaction(Beneficiary, satisfaction, "MARQUEUR-MOT", Now).ShouldSucceed();
            await Database.SaveAsync(coachingCase);
        }
    }

    [Fact]
    public async Task Hr_sees_the_averages_of_enough_closed_cases_and_never_a_comment()
    {
        SignInAs(Hr);
        await SaveClosedAsync(5, 7, 9);

        var page = RenderWithProviders<PipelinePage>();

        page.WaitForAssertion(() => page.Find("[data-testid=measures-overall]"), Patience);
        var overall = page.Find("[data-testid=measures-overall]");
        overall.GetAttribute("data-change").Should().Be("3");
        overall.GetAttribute("data-satisfaction").Should().Be("9");
        overall.TextContent.Should().Contain("+3,0").And.Contain("9,0/10").And.Contain("100");
        page.Find("[data-testid=measures]").TextContent.Should().Contain("Avant / après et satisfaction");
        page.Markup.Should().NotContain("MARQUEUR-MOT");
    }

    [Fact]
    public async Task Averages_over_too_few_answers_are_withheld()
    {
        SignInAs(Hr);
        await SaveClosedAsync(3, 7, 9);
        for (var i = 0; i < 2; i++)
        {
            await Database.SaveAsync(InSessions());
        }

        var page = RenderWithProviders<PipelinePage>();

        page.WaitForAssertion(() => page.Find("[data-testid=measures-overall]"), Patience);
        var overall = page.Find("[data-testid=measures-overall]");
        overall.HasAttribute("data-change").Should().BeFalse();
        overall.HasAttribute("data-satisfaction").Should().BeFalse();
        overall.TextContent.Should().Contain("masqué").And.NotContain("9,0");
    }
}
