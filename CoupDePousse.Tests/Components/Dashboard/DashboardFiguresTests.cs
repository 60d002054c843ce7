using Bunit;
using CoupDePousse.App.Components.Pages;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.Features.Dashboards;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Dashboard;

/// <summary>HR's home shows the database's figures, written in the page's culture.</summary>
public class DashboardFiguresTests : FeaturePageContext
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hrs_home_shows_the_figures_the_database_counts_beyond_any_page()
    {
        SignInAs(Hr);
        await TrueFiguresTests.SeedBeyondEveryPageAsync(Database);
        int toAssign, extensions, waiting;
        await using (var db = Database.CreateDbContext())
        {
            toAssign = await db.Cases.CountAsync(c => c.State == CaseState.Proposed && c.IntervenerId == null, Token);
            extensions = await db.Cases.CountAsync(c => c.Extensions.Any(e => e.Status == ExtensionStatus.Pending), Token);
            waiting = await db.Cases.CountAsync(c => c.WaitingOn == WaitingParty.HR, Token);
        }

        var home = Render<Home>();

        var figure = home.WaitForElement("[data-testid=hr-to-assign]", Patience);
        figure.GetAttribute("data-count").Should().Be(toAssign.ToString(System.Globalization.CultureInfo.InvariantCulture));
        figure.TextContent.Should().Contain(Figures.Count(toAssign));
        home.Find("[data-testid=hr-pending-extensions]").TextContent.Should().Contain(Figures.Count(extensions));
        home.Find("[data-testid=hr-waiting-on-hr]").TextContent.Should().Contain(Figures.Count(waiting));
    }

    [Theory]
    [InlineData("fr-FR", "24\u202F999", "217\u202F533 h 45")]
    [InlineData("en-US", "24,999", "217,533 h 45")]
    public async Task Large_figures_carry_the_cultures_thousands_separator(string culture, string count, string hours)
    {
        UseCulture(culture);
        SignInAs(Hr);
        await using (var db = Database.CreateDbContext())
        {
            // The kept counts are what HR's figures read (decision 017): a programme of 24 999 active cases.
            db.CaseCounts.Add(new CaseCount
            {
                State = nameof(CaseState.InSessions), WaitingOn = nameof(WaitingParty.Intervener), Department = "Logistique",
                Cases = 24999, UsedMinutes = 217533 * 60 + 45, BudgetMinutes = 24999 * 600,
            });
            await db.SaveChangesAsync(Token);
        }

        var home = Render<Home>();

        home.WaitForElement("[data-testid=hr-active]", Patience).TextContent.Should().Contain(count);
        home.Find("[data-testid=hr-cost]").TextContent.Should().Contain(hours);
    }
}
