using CoupDePousse.Tests.EndToEnd.Steps;
using CoupDePousse.Tests.EndToEnd.Support;
using CoupDePousse.Tests.Features.Pipeline;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

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

        // Through the download buttons' script (decision 035): fetched, then saved under the server's name.
        await Expect(page.GetByTestId("pipeline-export-xlsx-download")).ToHaveAttributeAsync("data-ready", "true");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pipeline-export-csv").ClickAsync());
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pipeline-export-xlsx").ClickAsync());

        csv.SuggestedFilename.Should().MatchRegex(@"^pipeline-\d{4}-\d{2}-\d{2}\.csv$");
        xlsx.SuggestedFilename.Should().MatchRegex(@"^pipeline-\d{4}-\d{2}-\d{2}\.xlsx$");
        await Expect(page.GetByTestId("pipeline-export-xlsx-download")).ToHaveAttributeAsync("data-state", "done");
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

    [Fact]
    public async Task A_slow_download_shows_its_progress_and_cancel_stops_it()
    {
        var page = await SignInAsync(DemoUsers.Hr);
        await OpenAsync(page, "/pipeline");
        var status = page.GetByTestId("pipeline-export-csv-download");
        await Expect(status).ToHaveAttributeAsync("data-ready", "true");
        // The server's answer is held back, as a 100 000-case export's is for seconds: the button shows it is waiting.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/pipeline/export.csv*", async route =>
        {
            await release.Task;
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // The page cancelled the request meanwhile.
            }
        });
        var downloads = 0;
        page.Download += (_, _) => downloads++;

        await page.GetByTestId("pipeline-export-csv").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-state", "running");
        await Expect(status.GetByTestId("download-progress")).ToHaveTextAsync("Préparation du fichier…");
        await status.GetByTestId("download-cancel").ClickAsync();

        await Expect(status).ToHaveAttributeAsync("data-state", "cancelled");
        await Expect(status.GetByTestId("download-cancelled")).ToBeVisibleAsync();
        release.SetResult();
        await page.UnrouteAllAsync(new PageUnrouteAllOptions { Behavior = UnrouteBehavior.IgnoreErrors });
        downloads.Should().Be(0);
    }
}
