using System.Globalization;
using System.Text;
using CoupDePousse.Tests.EndToEnd.Steps;
using CoupDePousse.Tests.EndToEnd.Support;
using CoupDePousse.Tests.Features.Reports;
using MiniExcelLibs;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Reports;

/// <summary>HR opens the programme report, sees shown and withheld figures, downloads both files through the buttons and reads back the page's figures.</summary>
public sealed class ReportExportEndToEndTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private sealed record PageCell(string Table, string Group, string Figure, string? Value, bool Withheld);

    [Fact]
    public async Task Hr_downloads_the_report_as_csv_and_xlsx_with_the_pages_figures_and_no_withheld_number()
    {
        var token = TestContext.Current.CancellationToken;
        var page = await SignInAsync(DemoUsers.Hr);
        await OpenAsync(page, "/reports");
        var year = await page.GetByTestId("report").GetAttributeAsync("data-year");
        var cells = new List<PageCell>();
        foreach (var cell in await page.Locator("[data-testid=report-cell]").AllAsync())
        {
            cells.Add(new PageCell(
                (await cell.GetAttributeAsync("data-table"))!,
                (await cell.GetAttributeAsync("data-group"))!,
                (await cell.GetAttributeAsync("data-figure"))!,
                await cell.GetAttributeAsync("data-value") is { Length: > 0 } value ? value : null,
                await cell.GetAttributeAsync("data-withheld") == "true"));
        }

        cells.Should().Contain(c => !c.Withheld && c.Value != null, "some figures are shown");
        cells.Should().Contain(c => c.Withheld, "some figures describe too few cases");
        cells.Where(c => c.Withheld).Should().OnlyContain(c => c.Value == null);

        await Expect(page.GetByTestId("report-export-xlsx-download")).ToHaveAttributeAsync("data-ready", "true");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-export-csv").ClickAsync());
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-export-xlsx").ClickAsync());
        csv.SuggestedFilename.Should().Be($"programme-report-{year}.csv");
        xlsx.SuggestedFilename.Should().Be($"programme-report-{year}.xlsx");
        await Expect(page.GetByTestId("report-export-xlsx-download")).ToHaveAttributeAsync("data-state", "done");

        // CSV: one line per figure of the page, in its order and words; a withheld figure has no number, only the marker.
        var csvBytes = await File.ReadAllBytesAsync(await csv.PathAsync(), token);
        csvBytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = ReportExportTests.ReadCsv(csvBytes, ';', out var headers);
        headers.Should().Equal("Tableau", "Groupe", "Chiffre", "Valeur", "Note");
        lines.Should().HaveCount(cells.Count);
        var french = CultureInfo.GetCultureInfo("fr-FR");
        for (var i = 0; i < cells.Count; i++)
        {
            lines[i][2].Should().Be(cells[i].Figure);
            if (cells[i].Withheld)
            {
                lines[i][3].Should().BeEmpty();
                lines[i][4].Should().Be("masqué");
            }
            else
            {
                (lines[i][3].Length == 0 ? (double?)null : double.Parse(lines[i][3], french))
                    .Should().Be(cells[i].Value is null ? null : double.Parse(cells[i].Value!, CultureInfo.InvariantCulture), $"line {i}: {string.Join(" | ", lines[i])}");
                lines[i][4].Should().BeEmpty();
            }
        }

        // XLSX: a sheet per table with the page's words; every figure a number cell, or the marker where withheld.
        var xlsxBytes = await File.ReadAllBytesAsync(await xlsx.PathAsync(), token);
        using var stream = new MemoryStream(xlsxBytes);
        var sheets = stream.GetSheetNames();
        sheets.Should().HaveCount(7).And.Contain("Indicateurs").And.Contain("Services");
        var figures = 0;
        foreach (var sheet in sheets)
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
            rows.Should().NotBeEmpty();
            rows[0].Keys.First().Should().Be("Groupe");
            foreach (var row in rows)
            {
                foreach (var (column, value) in row.Skip(1))
                {
                    value.Should().Match<object?>(v => v == null || v is double || Equals(v, "masqué"), $"{sheet}/{row["Groupe"]}/{column}");
                    figures += value is double or "masqué" ? 1 : 0;
                }
            }
        }

        figures.Should().Be(cells.Count(c => c.Withheld || c.Value != null));
        var departments = stream.Query(useHeaderRow: true, sheetName: "Services").Cast<IDictionary<string, object?>>().ToList();
        var pageDepartments = cells.Where(c => c.Table == "departments").ToList();
        departments.Select(r => r["Dossiers"] is double d ? d.ToString(CultureInfo.InvariantCulture) : r["Dossiers"] as string)
            .Should().Equal(pageDepartments.Select(c => c.Withheld ? "masqué" : c.Value));
    }
}
