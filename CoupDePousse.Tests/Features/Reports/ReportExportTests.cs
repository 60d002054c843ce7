using System.Globalization;
using System.Text;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Reports;

/// <summary>The report's files: the page's tables, figure for figure, in the request's language; no withheld number written.</summary>
public class ReportExportTests
{
    internal static readonly IStringLocalizer<ReportText> Text =
        new StringLocalizer<ReportText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The seeded population plus two cases in Ventes: Ventes (2) and Logistique (16) are withheld.
    private static async Task<IReadOnlyList<ReportTable>> TablesAsync(TestDatabase database)
    {
        await ReportServiceTests.SeedAsync(database);
        for (var i = 0; i < 2; i++)
        {
            await database.SaveAsync(CoachingCase.Propose(Manager, new BeneficiaryRef(OtherBeneficiaryId, ManagerId, Department: "Ventes"), Proposal(), BudgetBounds.Default, ProposedAt).Value);
        }

        var view = (await new ReportService(database, database.Clock, database.Logger<ReportService>()).GetAsync(Hr, null, Token)).Value;
        return ReportTables.Build(view.Report, Text);
    }

    private static async Task<T> InCultureAsync<T>(string name, Func<Task<T>> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static async Task<(IReadOnlyList<ReportTable> Tables, byte[] Csv, byte[] Xlsx)> ExportAsync(string culture)
    {
        await using var database = await TestDatabase.CreateAsync();
        return await InCultureAsync(culture, async () =>
        {
            var tables = await TablesAsync(database);
            using var csv = new MemoryStream();
            await ReportExport.WriteCsvAsync(tables, Text, csv, Token);
            using var xlsx = new MemoryStream();
            await ReportExport.WriteXlsxAsync(tables, Text, xlsx, Token);
            return (tables, csv.ToArray(), xlsx.ToArray());
        });
    }

    internal static List<string[]> ReadCsv(byte[] bytes, char separator, out IReadOnlyList<string> headers)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = separator });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        headers = reader.Headers.ToList();
        return rows;
    }

    [Fact]
    public async Task The_csv_holds_every_figure_of_the_page_in_long_format_and_no_withheld_number()
    {
        var (tables, csv, _) = await ExportAsync("fr-FR");

        csv.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var rows = ReadCsv(csv, ';', out var headers);
        headers.Should().Equal("Tableau", "Groupe", "Chiffre", "Valeur", "Note");
        var expected = tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select(c =>
            new[] { t.Title, r.Label, c.Figure, CoupDePousse.App.Features.Common.TableExport.CsvCell(c.Value, CultureInfo.GetCultureInfo("fr-FR")) ?? "", c.Withheld ? "masqué" : "" }))).ToList();
        rows.Should().BeEquivalentTo(expected, options => options.WithStrictOrdering());
        rows.Should().Contain(r => r[1] == "Ventes" && r[3] == "" && r[4] == "masqué");
        rows.Should().Contain(r => r[1] == "Logistique" && r[3] == "" && r[4] == "masqué", "the complement is withheld too");
        rows.Where(r => r[4] == "masqué").Should().OnlyContain(r => r[3] == "");
        rows.Should().Contain(r => r[1] == "Menés à terme" && r[3] == "6");
    }

    [Fact]
    public async Task The_xlsx_has_one_sheet_per_table_with_number_cells_and_the_marker_for_withheld_figures()
    {
        var (tables, _, xlsx) = await ExportAsync("en-US");

        using var stream = new MemoryStream(xlsx);
        stream.GetSheetNames().Should().Equal("Key figures", "Months", "Departments", "Domains", "Ends", "Objectives", "Measures");
        var departments = stream.Query(useHeaderRow: true, sheetName: "Departments").Cast<IDictionary<string, object?>>().ToList();
        departments.Select(r => r["Group"]).Should().Equal("Logistique", "Ventes", "Total");
        departments.Take(2).Should().OnlyContain(r => Equals(r["Cases"], "withheld"));
        departments[2]["Cases"].Should().Be(18.0);
        var ends = stream.Query(useHeaderRow: true, sheetName: "Ends").Cast<IDictionary<string, object?>>().ToList();
        ends.Single(r => Equals(r["Group"], "Completed"))["Cases"].Should().BeOfType<double>().Which.Should().Be(6);
        var indicators = stream.Query(useHeaderRow: true, sheetName: "Key figures").Cast<IDictionary<string, object?>>().ToList();
        var rate = tables.Single(t => t.Key == ReportTables.Indicators).Rows.Single(r => r.Group == "AcceptanceRate").Cells[1].Value;
        indicators.Single(r => Equals(r["Group"], "Acceptance rate (of cases decided) (0–1)"))["Value"].Should().Be(rate);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
        (await styles.ReadToEndAsync(Token)).Should().Contain("formatCode=\"0%\"", "the share of those who would recommend reads as a percentage");
        ReportExport.FileName(2026, CoupDePousse.App.Features.Common.ExportFormat.Xlsx).Should().Be("programme-report-2026.xlsx");
    }

    [Fact]
    public void Every_table_sheet_and_figure_has_its_words_in_both_languages()
    {
        foreach (var culture in new[] { "fr-FR", "en-US" })
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var tables = ReportTables.Build(EmptyReport(), Text);
            tables.Select(t => ReportExport.SheetName(t, Text)).Should().OnlyContain(n => !n.StartsWith("Sheet.", StringComparison.Ordinal) && n.Length <= 31);
            tables.SelectMany(t => t.Rows).Select(r => r.Label).Should().NotContain(l => l.Contains('.') && !l.Contains(' '));
        }
    }

    private static CoupDePousse.Domain.Programme.ProgrammeReport EmptyReport() =>
        CoupDePousse.Domain.Programme.ProgrammeReport.Compute(
            new CoupDePousse.Domain.Programme.ProgrammeReportFacts(2026, [], [], [], [], [], [], [], []), CoupDePousse.Domain.Common.SmallGroupThreshold.Standard);
}
