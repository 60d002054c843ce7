using System.Globalization;
using System.IO.Compression;
using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>HR's pipeline as CSV and XLSX: the page's filter, the allowed columns only, typed cells, no confidential text.</summary>
public class PipelineExportTests
{
    /// <summary>The columns an export may carry: what HR's list shows. Adding one is a decision, so it is written here by hand.</summary>
    private static readonly string[] AllowedColumns =
    [
        "Case", "Beneficiary", "Department", "Domains", "State", "Outcome", "WaitingOn", "Intervener",
        "StateEnteredOn", "DaysInState", "StalledDays", "BudgetHours", "UsedHours", "CostEuros",
    ];

    private static readonly string[] FrenchHeaders =
    [
        "Dossier", "Bénéficiaire", "Service", "Domaines", "État", "Issue", "En attente de", "Intervenant",
        "Dans cet état depuis le", "Jours dans l'état", "Jours sans mouvement", "Heures prévues", "Heures consommées", "Coût (€)",
    ];

    private static readonly string[] EnglishHeaders =
    [
        "Case", "Beneficiary", "Department", "Domains", "State", "Outcome", "Waiting on", "Intervener",
        "In this state since", "Days in state", "Days without movement", "Budgeted hours", "Hours used", "Cost (€)",
    ];

    private static readonly IStringLocalizer<PipelineText> Text =
        new StringLocalizer<PipelineText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_exported_columns_are_exactly_the_allowed_ones()
    {
        PipelineService.ExportColumns.Should().Equal(AllowedColumns);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public async Task Headers_are_in_the_users_language_in_both_files(string culture)
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(InSessions());
        var expected = culture == "fr-FR" ? FrenchHeaders : EnglishHeaders;

        var (csv, xlsx) = await InCultureAsync(culture, () => ExportBothAsync(database, new PipelineFilter()));

        ReadCsv(csv, culture).Headers.Should().Equal(expected);
        XlsxHeaders(xlsx).Should().Equal(expected);
    }

    [Fact]
    public async Task The_export_holds_every_case_of_the_pages_filter_in_the_pages_order_without_paging()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 12; i++)
        {
            await database.SaveAsync(Proposed());
        }

        await database.SaveAsync(WithIntervener());
        await database.SaveAsync(InSessions());
        await database.SaveAsync(Closed());
        var filter = new PipelineFilter(WaitingOn: WaitingParty.HR);
        var page = (await database.Pipeline().GetOverviewAsync(Hr, filter, new PageRequest(1, 50), Token)).Value;

        var (csv, xlsx) = await InCultureAsync("fr-FR", () => ExportBothAsync(database, filter));

        var csvIds = ReadCsv(csv, "fr-FR").Rows.Select(r => Guid.Parse(r[0])).ToList();
        csvIds.Should().HaveCount(12).And.Equal(page.Rows.Items.Select(r => r.Id));
        XlsxRows(xlsx).Select(r => Guid.Parse((string)r["Dossier"]!)).Should().Equal(csvIds);
        var all = await InCultureAsync("fr-FR", () => ExportBothAsync(database, new PipelineFilter()));
        ReadCsv(all.Csv, "fr-FR").Rows.Should().HaveCount(15, "no filter exports every case, past the page size of ten");
    }

    [Fact]
    public async Task Xlsx_dates_and_amounts_are_typed_cells_and_csv_carries_the_same_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sessions = await database.SaveAsync(InSessions());
        var row = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value.Rows.Items.Single();

        var (csv, xlsx) = await InCultureAsync("en-US", () => ExportBothAsync(database, new PipelineFilter()));

        var cells = XlsxRows(xlsx).Single();
        cells["Case"].Should().Be(sessions.Id.ToString());
        cells["In this state since"].Should().BeOfType<DateTime>().Which.Should().Be(row.StateEnteredAt.UtcDateTime.Date);
        cells["Budgeted hours"].Should().BeOfType<double>().Which.Should().BeApproximately(row.BudgetMinutes / 60.0, 0.001);
        cells["Hours used"].Should().BeOfType<double>().Which.Should().BeApproximately(row.UsedMinutes / 60.0, 0.001);
        cells["Cost (€)"].Should().BeOfType<double>().Which.Should().BeApproximately(row.CostCents / 100.0, 0.001);
        row.CostCents.Should().BePositive("the case has logged hours at the intervener's rate");
        SheetXml(xlsx).Should().Contain("t=\"n\"", "numbers are written as number cells, not text");

        var line = ReadCsv(csv, "en-US").Rows.Single();
        line[8].Should().Be(row.StateEnteredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        decimal.Parse(line[13], CultureInfo.InvariantCulture).Should().Be(row.CostCents / 100m);
    }

    [Fact]
    public async Task French_csv_uses_semicolons_decimal_commas_and_a_byte_order_mark()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(InSessions());
        var row = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value.Rows.Items.Single();

        var (csv, _) = await InCultureAsync("fr-FR", () => ExportBothAsync(database, new PipelineFilter()));

        csv.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(csv).Should().Contain("Dossier;Bénéficiaire;");
        ReadCsv(csv, "fr-FR").Rows.Single()[13].Should().Be((row.CostCents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public async Task A_name_that_looks_like_a_formula_is_neutralised_in_the_csv_and_stays_text_in_the_xlsx()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(InSessions());
        const string Formula = "=HYPERLINK(\"http://evil.test\",\"clic\")";
        await using (var db = database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == BeneficiaryId).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, Formula), Token);
        }

        var (csv, xlsx) = await InCultureAsync("en-US", () => ExportBothAsync(database, new PipelineFilter()));

        ReadCsv(csv, "en-US").Rows.Single()[1].Should().Be("'" + Formula);
        XlsxRows(xlsx).Single()["Beneficiary"].Should().Be(Formula);
        SheetXml(xlsx).Should().NotContain("<x:f>").And.NotContain("<f>");
    }

    [Fact]
    public async Task No_confidential_text_reaches_either_file()
    {
        await using var database = await TestDatabase.CreateAsync();
        const string Marker = "SECRET-EXPORT-MARK";
        await ConfidentialScenario.StoreEveryKindAsync(database, kind => $"{Marker} {kind} texte confidentiel");

        var (csv, xlsx) = await InCultureAsync("fr-FR", () => ExportBothAsync(database, new PipelineFilter()));

        ReadCsv(csv, "fr-FR").Rows.Should().HaveCount(3, "the closed, excluded and cancelled cases are exported");
        Encoding.UTF8.GetString(csv).Should().NotContain(Marker);
        XlsxRows(xlsx).Should().HaveCount(3);
        AllXlsxText(xlsx).Should().NotContain(Marker);
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Admin)]
    public async Task Only_hr_exports_the_pipeline(Who who)
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(InSessions());
        using var csv = new MemoryStream();
        using var xlsx = new MemoryStream();

        var csvResult = await database.Pipeline().WriteCsvAsync(Of(who), new PipelineFilter(), Text, csv, Token);
        var xlsxResult = await database.Pipeline().WriteXlsxAsync(Of(who), new PipelineFilter(), Text, xlsx, Token);

        csvResult.IsFailure.Should().BeTrue();
        xlsxResult.IsFailure.Should().BeTrue();
        csv.Length.Should().Be(0);
        xlsx.Length.Should().Be(0);
    }

    [Fact]
    public async Task A_cancelled_download_stops_reading_the_cases_early()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.WritesNotifications = false;
            db.Cases.AddRange(Enumerable.Range(0, 250).Select(_ => InSessions()));
            await db.SaveChangesAsync(Token);
        }

        using var whole = new MemoryStream();
        (await database.Pipeline().WriteCsvAsync(Hr, new PipelineFilter(), Text, whole, Token)).ShouldSucceed();
        using var cancelling = new CancellationTokenSource();
        using var cut = new CancelOnFirstWrite(cancelling);

        var export = () => database.Pipeline().WriteCsvAsync(Hr, new PipelineFilter(), Text, cut, cancelling.Token);

        // The reader goes away as soon as the first bytes reach it: the export stops there instead of reading every case.
        await export.Should().ThrowAsync<OperationCanceledException>();
        whole.Length.Should().BeGreaterThan(2 * TableExport.CsvBufferSize, "the whole list spans several writes");
        cut.Length.Should().BePositive().And.BeLessThanOrEqualTo(TableExport.CsvBufferSize + 3);
    }

    /// <summary>A destination whose reader cancels as soon as bytes arrive, as a browser's Cancel does.</summary>
    private sealed class CancelOnFirstWrite(CancellationTokenSource reader) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            reader.Cancel();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await base.WriteAsync(buffer, cancellationToken);
            await reader.CancelAsync();
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            base.Write(buffer, offset, count);
            return reader.CancelAsync();
        }
    }

    private static async Task<(byte[] Csv, byte[] Xlsx)> ExportBothAsync(TestDatabase database, PipelineFilter filter)
    {
        using var csv = new MemoryStream();
        using var xlsx = new MemoryStream();
        (await database.Pipeline().WriteCsvAsync(Hr, filter, Text, csv, Token)).IsSuccess.Should().BeTrue();
        (await database.Pipeline().WriteXlsxAsync(Hr, filter, Text, xlsx, Token)).IsSuccess.Should().BeTrue();
        return (csv.ToArray(), xlsx.ToArray());
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

    internal static (IReadOnlyList<string> Headers, List<string[]> Rows) ReadCsv(byte[] bytes, string culture)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = TableExport.CsvSeparator(CultureInfo.GetCultureInfo(culture)) });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return (reader.Headers.ToList(), rows);
    }

    internal static List<string> XlsxHeaders(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var first = (IDictionary<string, object?>)stream.Query().First();
        return first.Values.Select(v => v?.ToString() ?? "").ToList();
    }

    internal static List<IDictionary<string, object?>> XlsxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true).Select(r => (IDictionary<string, object?>)r).ToList();
    }

    private static string SheetXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    private static string AllXlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
