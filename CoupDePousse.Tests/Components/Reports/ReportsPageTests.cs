using Bunit;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.Features.Reports;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Reports;

/// <summary>HR's report page: each table with its figures, withheld ones reading "masqué", the downloads for the year.</summary>
public class ReportsPageTests : FeaturePageContext
{
    [Fact]
    public async Task Hr_sees_each_table_with_its_figures_and_withheld_cells_read_masque()
    {
        await ReportServiceTests.SeedAsync(Database);
        for (var i = 0; i < 2; i++)
        {
            await Database.SaveAsync(CoachingCase.Propose(Manager, new BeneficiaryRef(OtherBeneficiaryId, ManagerId, Department: "Ventes"), Proposal(), BudgetBounds.Default, ProposedAt).Value);
        }

        SignInAs(Hr);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports?year=2026");

        var page = Render<ReportsPage>();

        page.WaitForElement("[data-testid=report]", TimeSpan.FromSeconds(10));
        page.Find("[data-testid=report]").GetAttribute("data-year").Should().Be("2026");
        foreach (var table in ReportTables.TableKeys)
        {
            page.FindAll($"[data-testid=report-table-{table}]").Should().ContainSingle(table);
        }

        string Cell(string table, string group) =>
            page.Find($"[data-testid=report-cell][data-table={table}][data-group='{group}']").TextContent.Trim();
        Cell(ReportTables.Months, "10").Should().Be("18");
        Cell(ReportTables.Ends, "Completed").Should().Be("6");
        Cell(ReportTables.Departments, "Ventes").Should().Be("masqué");
        Cell(ReportTables.Departments, "Logistique").Should().Be("masqué");
        page.Find("[data-testid=report-cell][data-table=departments][data-group=Ventes]").GetAttribute("data-value").Should().BeNull("a withheld number is not in the page either");
        page.Find("[data-testid=report-chart-months]").GetAttribute("aria-hidden").Should().Be("true");
        page.Find("[data-testid=report-export-csv]").GetAttribute("href").Should().Be("/reports/export.csv?year=2026");
        page.Find("[data-testid=report-export-xlsx]").GetAttribute("href").Should().Be("/reports/export.xlsx?year=2026");
    }

    [Fact]
    public void Another_role_sees_not_found()
    {
        SignInAs(Manager);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports");

        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=report]").Should().BeEmpty());
        page.WaitForAssertion(() => page.Markup.Should().NotContain("report-table-"));
    }
}
