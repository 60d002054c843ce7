using Bunit;
using CoupDePousse.App.Features.Statements;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Statements;

/// <summary>The statements page: HR's month per intervener with a drill-down, the intervener's own sessions with totals and downloads.</summary>
public class StatementsPageTests : FeaturePageContext
{
    private async Task<CoachingCase> SeedAsync()
    {
        var coachingCase = ObjectivesSet();
        coachingCase.LogSession(Intervener, new DateOnly(2026, 11, 3), 90, SessionMode.Video, Now).ShouldSucceed();
        coachingCase.LogSession(Intervener, new DateOnly(2026, 11, 10), 45, SessionMode.Phone, Now).ShouldSucceed();
        coachingCase.LogSession(Intervener, new DateOnly(2026, 10, 30), 60, SessionMode.OnSite, Now).ShouldSucceed();
        return await Database.SaveAsync(coachingCase);
    }

    [Fact]
    public async Task Hr_sees_each_interveners_month_and_its_total()
    {
        await SeedAsync();
        SignInAs(Hr);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/statements?year=2026&month=11");

        var page = Render<StatementsPage>();

        page.WaitForElement("[data-testid=statement-overview]", TimeSpan.FromSeconds(10));
        var isabelle = page.Find($"[data-testid=statement-intervener][data-intervener-id={IntervenerId}]");
        (isabelle.GetAttribute("data-minutes"), isabelle.GetAttribute("data-cents")).Should().Be(("135", "27000"));
        page.FindAll("[data-testid=statement-intervener]").Should().HaveCount(2);
        page.Find("[data-testid=statement-total]").GetAttribute("data-cents").Should().Be("27000");
        page.Find("a[data-testid=statement-all-csv]").GetAttribute("href").Should().Be("/statements/2026/11/all.csv");
        page.Find("a[data-testid=statement-all-xlsx]").GetAttribute("href").Should().Be("/statements/2026/11/all.xlsx");
    }

    [Fact]
    public async Task The_intervener_sees_their_sessions_with_a_case_reference_and_the_downloads()
    {
        var coachingCase = await SeedAsync();
        SignInAs(Intervener);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/statements?year=2026&month=11");

        var page = Render<StatementsPage>();

        page.WaitForElement("[data-testid=statement]", TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=statement-row]").Select(r => r.GetAttribute("data-date")).Should().Equal("2026-11-03", "2026-11-10");
        page.Find("[data-testid=statement-row]").TextContent.Should().Contain(CaseReference.Of(coachingCase.Id));
        page.Find("[data-testid=statement-total]").GetAttribute("data-cents").Should().Be("27000");
        page.Find("[data-testid=statement-download-xlsx]").GetAttribute("href").Should().Be("/statements/2026/11.xlsx");
        page.FindAll("[data-testid=statement-all-csv]").Should().BeEmpty("every intervener's month is HR's");
        page.Find("[data-testid=statement-previous]").GetAttribute("href").Should().Be("/statements?year=2026&month=10");
    }

    [Fact]
    public async Task An_intervener_asking_for_another_interveners_statement_sees_not_found()
    {
        await SeedAsync();
        SignInAs(OtherIntervener);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/statements?year=2026&month=11&intervener={IntervenerId}");

        var page = Render<StatementsPage>();

        page.WaitForElement("[data-testid=not-found]", TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=statement-row]").Should().BeEmpty();
    }
}
