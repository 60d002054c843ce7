using CoupDePousse.Tests.EndToEnd.Steps;
using CoupDePousse.Tests.EndToEnd.Support;
using CoupDePousse.Tests.Features.Pipeline;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;

namespace CoupDePousse.Tests.EndToEnd.Pipeline;

/// <summary>HR downloads the pipeline from the page's two buttons; both files read back with the page's headers and rows.</summary>
public sealed class PipelineExportEndToEndTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task Hr_downloads_the_pipeline_as_csv_and_xlsx_with_the_same_cases_as_the_page()
    {
        var page = await SignInAsync(DemoUsers.Hr);
        await OpenAsync(page, "/pipeline");
        var matching = await page.GetByTestId("pipeline-table").Locator("[data-testid=case-row]").CountAsync();
        var total = await page.GetByTestId("pipeline-matching").GetAttributeAsync("data-count");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pipeline-export-csv").ClickAsync());
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pipeline-export-xlsx").ClickAsync());

        csv.SuggestedFilename.Should().Be("pipeline.csv");
        xlsx.SuggestedFilename.Should().Be("pipeline.xlsx");
        var csvRead = PipelineExportTests.ReadCsv(await File.ReadAllBytesAsync(await csv.PathAsync(), TestContext.Current.CancellationToken), "fr-FR");
        var xlsxBytes = await File.ReadAllBytesAsync(await xlsx.PathAsync(), TestContext.Current.CancellationToken);
        csvRead.Headers.Should().StartWith(["Dossier", "Bénéficiaire"]);
        PipelineExportTests.XlsxHeaders(xlsxBytes).Should().Equal(csvRead.Headers);
        var rows = PipelineExportTests.XlsxRows(xlsxBytes);
        rows.Should().HaveCount(csvRead.Rows.Count);
        rows.Should().OnlyContain(r => r["Dans cet état depuis le"] is DateTime && r["Coût (€)"] is double);
        if (total is not null)
        {
            csvRead.Rows.Should().HaveCount(int.Parse(total, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            csvRead.Rows.Count.Should().BeGreaterThanOrEqualTo(matching);
        }
    }
}
