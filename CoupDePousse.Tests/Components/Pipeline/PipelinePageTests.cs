using System.Globalization;
using System.Reflection;
using Bunit;
using Bunit.Rendering;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Pipeline;

public class PipelinePageTests : FeaturePageContext
{
    private IRenderedComponent<ContainerFragment> RenderPipeline() => RenderWithProviders<PipelinePage>();

    private static CoachingCase ProposedForOtherDepartment() =>
        CoachingCase.Propose(Hr, OtherBeneficiaryRef, Proposal(), BudgetBounds.Default, Now).Value;

    [Theory]
    [InlineData("fr-FR", "Les chiffres ne sont pas affichés : moins de 5 dossiers correspondent à ces filtres, et un chiffre sur un si petit groupe permettrait d'identifier quelqu'un. La liste des dossiers reste disponible ci-dessous.", "moins de 5 dossiers")]
    [InlineData("en-US", "Figures are not shown: fewer than 5 cases match these filters, and a figure about so small a group could single someone out. The list of cases is still available below.", "fewer than 5 cases")]
    public async Task Fewer_than_five_cases_show_their_rows_but_no_figure_and_say_why(string culture, string withheld, string fewer)
    {
        UseCulture(culture);
        SignInAs(Hr);
        foreach (var coachingCase in new[] { Proposed(), InSessions(), Closed(), Declined() })
        {
            await Database.SaveAsync(coachingCase);
        }

        var page = RenderPipeline();

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Should().HaveCount(4), Patience);
        page.Find("[data-testid=statistics-hidden]").TextContent.Should().Be(withheld);
        var matching = page.Find("[data-testid=pipeline-matching]");
        matching.TextContent.Should().Be(fewer);
        matching.HasAttribute("data-count").Should().BeFalse();
        page.Find(".mud-table-pagination").TextContent.Should().NotContain("4", "the pager's range would give the count");
        page.FindAll("[data-testid=pipeline-statistics]").Should().BeEmpty();
        page.FindAll("[data-testid^=pipeline-count-]").Should().BeEmpty();
        page.FindAll("[data-testid=pipeline-cost]").Should().BeEmpty();
        page.FindAll("[data-testid=department-row]").Should().BeEmpty();
    }

    [Fact]
    public async Task Statistics_are_shown_from_five_cases_with_small_counts_withheld()
    {
        SignInAs(Hr);
        foreach (var coachingCase in new[] { Proposed(), Proposed(), InSessions(minutes: 90), Closed(), Declined() })
        {
            await Database.SaveAsync(coachingCase);
        }

        var page = RenderPipeline();

        var total = page.WaitForElement("[data-testid=pipeline-total]", Patience);
        total.GetAttribute("data-count").Should().Be("5");
        page.Find("[data-testid=pipeline-matching]").GetAttribute("data-count").Should().Be("5");
        var proposed = page.Find("[data-testid=pipeline-count-Proposed]");
        proposed.GetAttribute("data-withheld").Should().Be("true");
        proposed.HasAttribute("data-count").Should().BeFalse();
        proposed.TextContent.Should().Contain("masqué");
        page.Find("[data-testid=pipeline-count-UnderDiscussion]").GetAttribute("data-count").Should().Be("0");
        page.Find("[data-testid=pipeline-outcome-Completed]").GetAttribute("data-withheld").Should().Be("true");
        page.Find("[data-testid=pipeline-waiting-HR]").GetAttribute("data-withheld").Should().Be("true");
        page.Find("[data-testid=pipeline-hours-used]").GetAttribute("data-minutes").Should().Be("150");
        // 2 h 30 at 120 € an hour: a sum over the five matching cases.
        page.Find("[data-testid=pipeline-cost]").GetAttribute("data-cents").Should().Be("30000");
        page.Find("[data-testid=pipeline-cost]").TextContent.Should().Contain("300,00").And.Contain("€");
        page.Find("[data-testid=withheld-note]").TextContent.Should().Contain("5 dossiers");
        page.FindAll("[data-testid=statistics-hidden]").Should().BeEmpty();
        page.FindAll("svg").Should().NotBeEmpty("the states and waiting-on figures are drawn as charts");
    }

    [Fact]
    public async Task A_small_department_is_withheld_and_so_is_the_department_that_would_give_it_away()
    {
        SignInAs(Hr);
        for (var i = 0; i < 6; i++)
        {
            await Database.SaveAsync(Proposed());
        }

        await Database.SaveAsync(ProposedForOtherDepartment());
        await Database.SaveAsync(ProposedForOtherDepartment());

        var page = RenderPipeline();

        page.WaitForElement("[data-testid=pipeline-total]", Patience).GetAttribute("data-count").Should().Be("8");
        foreach (var department in new[] { "Ventes", "Logistique" })
        {
            var row = page.Find($"[data-testid=department-row][data-department={department}]");
            row.GetAttribute("data-shown").Should().Be("false");
            row.TextContent.Should().Contain("masqué").And.NotContain("2").And.NotContain("6");
        }
    }

    [Fact]
    public async Task Rows_link_to_the_case_page_with_hours_and_waiting_party()
    {
        SignInAs(Hr);
        var coachingCase = await Database.SaveAsync(InSessions(minutes: 60));

        var page = RenderPipeline();

        var link = page.WaitForElement("[data-testid=case-row]", Patience);
        link.GetAttribute("data-case-id").Should().Be(coachingCase.Id.ToString());
        link.GetAttribute("href").Should().Be($"/cases/{coachingCase.Id}");
        var row = link.Closest("tr")!;
        row.QuerySelector("[data-testid=hours-used]")!.GetAttribute("data-minutes").Should().Be("60");
        row.TextContent.Should().Contain("En séances").And.Contain("Intervenant").And.Contain("120,00");
    }

    [Fact]
    public void Pipeline_is_open_to_hr_only()
    {
        typeof(PipelinePage).GetCustomAttribute<AuthorizeAttribute>()!.Roles.Should().Be(Roles.HR);
    }

    [Fact]
    public void Costs_are_in_euros_in_either_language()
    {
        Figures.Euros(123450, CultureInfo.GetCultureInfo("en-US")).Should().Be("€1,234.50");
        Figures.Euros(123450, CultureInfo.GetCultureInfo("fr-FR")).Should().StartWith("1").And.Contain("234,50").And.EndWith("€");
    }
}

public class StalledFlagTests : FeaturePageContext
{
    [Fact]
    public async Task The_pipeline_flags_a_stalled_case_and_filters_to_the_stalled_ones()
    {
        SignInAs(Hr);
        var stalled = await Database.SaveAsync(Proposed());
        await Database.SaveAsync(InSessions());

        var page = RenderWithProviders<PipelinePage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Should().HaveCount(2), Patience);
        var flag = page.Find("[data-testid=case-stalled]");
        flag.GetAttribute("data-days").Should().Be("30");
        flag.TextContent.Should().Contain("sans mouvement depuis 30 j");

        page.Find("input[data-testid=filter-stalled]").Change(true);

        page.WaitForAssertion(() => page.FindAll("[data-testid=case-row]").Select(r => r.GetAttribute("data-case-id")).Should().Equal(stalled.Id.ToString()), Patience);
    }

    [Fact]
    public async Task Hrs_home_flags_a_stalled_case_in_english_too()
    {
        UseCulture("en-US");
        SignInAs(Hr);
        await Database.SaveAsync(Proposed());

        var page = RenderWithProviders<HrDashboard>();

        var flag = page.WaitForElement("[data-testid=case-stalled]", Patience);
        flag.TextContent.Should().Be("no movement for 30 days");
    }
}
