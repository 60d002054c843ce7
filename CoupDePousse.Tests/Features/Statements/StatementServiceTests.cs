using System.Globalization;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Statements;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Statements;

/// <summary>
/// A seeded population with known answers: the intervener (120 €/h) logged 90 + 30 min in October 2026 and 60 + 45 min
/// in November over two cases; the other intervener (100 €/h) logged nothing.
/// </summary>
public class StatementServiceTests : IAsyncLifetime
{
    private static readonly StatementPeriod October = StatementPeriod.Create(2026, 10).Value;
    private static readonly StatementPeriod November = StatementPeriod.Create(2026, 11).Value;

    private TestDatabase _database = null!;
    private CoachingCase _first = null!;
    private CoachingCase _second = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _first = ObjectivesSet();
        _first.LogSession(Intervener, new DateOnly(2026, 10, 25), 90, SessionMode.OnSite, Now).ShouldSucceed();
        _first.LogSession(Intervener, new DateOnly(2026, 11, 3), 60, SessionMode.Video, Now).ShouldSucceed();
        _second = InSessions(45);
        _second.LogSession(Intervener, new DateOnly(2026, 10, 31), 30, SessionMode.Phone, Now).ShouldSucceed();
        await _database.SaveAsync(_first);
        await _database.SaveAsync(_second);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private StatementService Service() => new(_database, _database.Logger<StatementService>());

    [Fact]
    public async Task Hr_sees_each_interveners_month_with_its_amount()
    {
        var october = (await Service().OverviewAsync(Hr, October, Token)).ShouldSucceed();
        var november = (await Service().OverviewAsync(Hr, November, Token)).ShouldSucceed();

        october.Interveners.Should().BeEquivalentTo(
        [
            new IntervenerMonthTotal(OtherIntervenerId, "Igor Intervenant", 100_00, 0, 0, 0),
            new IntervenerMonthTotal(IntervenerId, "Inès Intervenante", 120_00, 2, 120, 240_00),
        ]);
        november.Interveners.Single(i => i.IntervenerId == IntervenerId).Should().Be(new IntervenerMonthTotal(IntervenerId, "Inès Intervenante", 120_00, 2, 105, 210_00));
        (november.TotalMinutes, november.AmountCents, november.SessionCount).Should().Be((105, 210_00, 2));
        (await Service().OverviewAsync(Hr, StatementPeriod.Create(2026, 9).Value, Token)).ShouldSucceed().AmountCents.Should().Be(0);
    }

    [Fact]
    public async Task An_intervener_reads_their_own_month_line_by_line()
    {
        var statement = (await Service().StatementAsync(Intervener, null, October, Token)).ShouldSucceed();

        statement.Name.Should().Be("Inès Intervenante");
        statement.Statement.Lines.Should().Equal(
            new StatementLine(new DateOnly(2026, 10, 25), 90, SessionMode.OnSite, false, CaseReference.Of(_first.Id)),
            new StatementLine(new DateOnly(2026, 10, 31), 30, SessionMode.Phone, false, CaseReference.Of(_second.Id)));
        (statement.Statement.TotalMinutes, statement.Statement.AmountCents).Should().Be((120, 240_00));
        statement.Statement.Lines.Select(statement.Statement.AmountOf).Should().Equal(180_00, 60_00);
    }

    [Fact]
    public async Task Hr_reads_any_interveners_month_and_the_same_amount_as_the_overview()
    {
        var statement = (await Service().StatementAsync(Hr, IntervenerId, November, Token)).ShouldSucceed();
        var empty = (await Service().StatementAsync(Hr, OtherIntervenerId, November, Token)).ShouldSucceed();

        statement.Statement.AmountCents.Should().Be(210_00);
        statement.Statement.Lines.Select(l => l.Date.Day).Should().Equal(3, 20);
        empty.Statement.Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task An_intervener_never_reads_another_interveners_month()
    {
        (await Service().StatementAsync(OtherIntervener, IntervenerId, November, Token)).Error.Should().Be(StatementErrors.UnknownStatement);
        (await Service().StatementAsync(OtherIntervener, null, November, Token)).ShouldSucceed().Statement.Lines.Should().BeEmpty();
        (await Service().OverviewAsync(Intervener, November, Token)).Error.Should().Be(AppErrors.Forbidden);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public async Task Nobody_else_reads_a_statement(Who who)
    {
        (await Service().StatementAsync(Of(who), IntervenerId, November, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Service().OverviewAsync(Of(who), November, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Service().WriteAsync(Of(who), IntervenerId, November, ExportFormat.Csv, Texts("fr-FR"), new MemoryStream(), Token)).Error.Should().Be(AppErrors.Forbidden);
    }

    [Fact]
    public async Task Hr_naming_someone_without_a_profile_finds_nothing() =>
        (await Service().StatementAsync(Hr, ManagerId, November, Token)).Error.Should().Be(StatementErrors.UnknownStatement);

    /// <summary>Every column a statement file may carry, in both languages: nothing else may appear (decision 030).</summary>
    public static TheoryData<string, string[]> AllowedColumns => new()
    {
        { "fr-FR", ["Date", "Référence du dossier", "Mode", "Séance manquée", "Durée (min)", "Montant (€)"] },
        { "en-US", ["Date", "Case reference", "Mode", "Missed session", "Duration (min)", "Amount (€)"] },
    };

    [Theory]
    [MemberData(nameof(AllowedColumns))]
    public async Task The_csv_has_the_allowed_columns_in_the_readers_language_and_one_row_per_session(string culture, string[] allowed)
    {
        using var file = new MemoryStream();
        (await Service().WriteAsync(Intervener, null, October, ExportFormat.Csv, Texts(culture), file, Token)).ShouldSucceed();

        var reader = CsvReader.Create(file.ToArray(), new CsvReaderOptions { Separator = TableExport.CsvSeparator(CultureInfo.GetCultureInfo(culture)) });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        reader.Headers.Should().Equal(allowed);
        rows.Should().HaveCount(2);
        rows[0].Should().Equal("2026-10-25", CaseReference.Of(_first.Id), Texts(culture).Mode(SessionMode.OnSite), Texts(culture).Missed(false), "90", "180");
        NothingConfidential(System.Text.Encoding.UTF8.GetString(file.ToArray()));
    }

    [Theory]
    [MemberData(nameof(AllowedColumns))]
    public async Task The_xlsx_has_the_allowed_columns_and_typed_date_and_amount_cells(string culture, string[] allowed)
    {
        using var file = new MemoryStream();
        (await Service().WriteAsync(Hr, IntervenerId, November, ExportFormat.Xlsx, Texts(culture), file, Token)).ShouldSucceed();

        file.Position = 0;
        MiniExcel.GetColumns(file, useHeaderRow: true).Should().Equal(allowed);
        file.Position = 0;
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Should().HaveCount(2);
        rows[0][allowed[0]].Should().Be(new DateTime(2026, 11, 3));
        Convert.ToDecimal(rows[0][allowed[5]], CultureInfo.InvariantCulture).Should().Be(120m);
        rows[0][allowed[5]].Should().NotBeOfType<string>();
        rows[1][allowed[4]].Should().NotBeOfType<string>();
        Convert.ToInt32(rows[1][allowed[4]], CultureInfo.InvariantCulture).Should().Be(45);
        rows.Select(r => r[allowed[1]]).Should().Equal(CaseReference.Of(_first.Id), CaseReference.Of(_second.Id));
    }

    [Fact]
    public async Task An_empty_month_still_names_its_columns()
    {
        using var file = new MemoryStream();
        (await Service().WriteAsync(OtherIntervener, null, November, ExportFormat.Xlsx, Texts("en-US"), file, Token)).ShouldSucceed();

        // The header row alone: no empty line pretending to be a session.
        file.Position = 0;
        var only = MiniExcel.Query(file).Cast<IDictionary<string, object?>>().ToList();
        only.Should().ContainSingle().Which.Values.Should().Equal("Date", "Case reference", "Mode", "Missed session", "Duration (min)", "Amount (€)");
    }

    /// <summary>HR's all-interveners file: the columns it may carry, by hand (decision 035). Never the beneficiary, never content.</summary>
    private static readonly string[] AllowedAllColumns = ["Intervener", "Date", "CaseReference", "Mode", "Missed", "Minutes", "Amount"];

    private static readonly string[] AllowedTotalColumns = ["Intervener", "Sessions", "Minutes", "HourlyRate", "Amount"];

    [Fact]
    public void The_all_interveners_file_has_exactly_the_allowed_columns()
    {
        StatementExport.AllColumns.Should().Equal(AllowedAllColumns);
        StatementExport.TotalColumns.Should().Equal(AllowedTotalColumns);
        StatementExport.AllCsvColumns.Should().Equal(["Line", .. AllowedAllColumns]);
        typeof(StatementExportRow).GetProperties().Select(p => p.Name).Should().Equal(StatementExport.Columns.Select(c => c.ToString()));
    }

    public static TheoryData<string, string[]> AllCsvHeaders => new()
    {
        { "fr-FR", ["Ligne", "Intervenant", "Date", "Référence du dossier", "Mode", "Séance manquée", "Durée (min)", "Montant (€)"] },
        { "en-US", ["Line", "Intervener", "Date", "Case reference", "Mode", "Missed session", "Duration (min)", "Amount (€)"] },
    };

    [Theory]
    [MemberData(nameof(AllCsvHeaders))]
    public async Task Hr_downloads_every_interveners_month_as_csv_with_sessions_then_marked_totals(string culture, string[] headers)
    {
        using var file = new MemoryStream();
        (await Service().WriteAllAsync(Hr, October, ExportFormat.Csv, Texts(culture), file, Token)).ShouldSucceed();

        var bytes = file.ToArray();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = TableExport.CsvSeparator(CultureInfo.GetCultureInfo(culture)) });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        reader.Headers.Should().Equal(headers);
        var texts = Texts(culture);
        rows.Should().HaveCount(5);
        rows[0].Should().Equal(texts["Line.Session"], "Inès Intervenante", "2026-10-25", CaseReference.Of(_first.Id), texts.Mode(SessionMode.OnSite), texts.Missed(false), "90", "180");
        rows[1].Should().Equal(texts["Line.Session"], "Inès Intervenante", "2026-10-31", CaseReference.Of(_second.Id), texts.Mode(SessionMode.Phone), texts.Missed(false), "30", "60");
        // The totals come last, one per intervener (those without sessions too, as on the page), then the month's.
        rows[2].Should().Equal(texts["Line.Intervener"], "Igor Intervenant", "", "", "", "", "0", "0");
        rows[3].Should().Equal(texts["Line.Intervener"], "Inès Intervenante", "", "", "", "", "120", "240");
        rows[4].Should().Equal(texts["Line.Month"], "", "", "", "", "", "120", "240");
        NothingConfidential(System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Hr_downloads_every_interveners_month_as_xlsx_with_a_sheet_of_sessions_and_one_of_totals()
    {
        using var file = new MemoryStream();
        (await Service().WriteAllAsync(Hr, October, ExportFormat.Xlsx, Texts("en-US"), file, Token)).ShouldSucceed();

        file.Position = 0;
        MiniExcel.GetSheetNames(file).Should().Equal("Sessions", "Totals");
        file.Position = 0;
        MiniExcel.GetColumns(file, useHeaderRow: true, sheetName: "Sessions").Should().Equal("Intervener", "Date", "Case reference", "Mode", "Missed session", "Duration (min)", "Amount (€)");
        file.Position = 0;
        var sessions = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Sessions").Cast<IDictionary<string, object?>>().ToList();
        sessions.Should().HaveCount(2);
        sessions[0]["Intervener"].Should().Be("Inès Intervenante");
        sessions[0]["Date"].Should().Be(new DateTime(2026, 10, 25));
        sessions[0]["Amount (€)"].Should().NotBeOfType<string>();
        Convert.ToDecimal(sessions[0]["Amount (€)"], CultureInfo.InvariantCulture).Should().Be(180m);
        Convert.ToInt32(sessions[1]["Duration (min)"], CultureInfo.InvariantCulture).Should().Be(30);
        file.Position = 0;
        MiniExcel.GetColumns(file, useHeaderRow: true, sheetName: "Totals").Should().Equal("Intervener", "Sessions", "Duration (min)", "Hourly rate (€)", "Amount (€)");
        file.Position = 0;
        var totals = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Totals").Cast<IDictionary<string, object?>>().ToList();
        totals.Select(t => t["Intervener"]).Should().Equal("Igor Intervenant", "Inès Intervenante");
        Convert.ToDecimal(totals[1]["Amount (€)"], CultureInfo.InvariantCulture).Should().Be(240m);
        Convert.ToDecimal(totals[1]["Hourly rate (€)"], CultureInfo.InvariantCulture).Should().Be(120m);
        Convert.ToInt32(totals[1]["Sessions"], CultureInfo.InvariantCulture).Should().Be(2);
        totals[1]["Amount (€)"].Should().NotBeOfType<string>();
    }

    [Fact]
    public async Task An_empty_month_of_every_intervener_still_names_its_columns_and_totals()
    {
        using var file = new MemoryStream();
        (await Service().WriteAllAsync(Hr, StatementPeriod.Create(2026, 9).Value, ExportFormat.Xlsx, Texts("fr-FR"), file, Token)).ShouldSucceed();

        file.Position = 0;
        MiniExcel.Query(file, sheetName: "Séances").Cast<IDictionary<string, object?>>().Should().ContainSingle()
            .Which.Values.Should().Equal("Intervenant", "Date", "Référence du dossier", "Mode", "Séance manquée", "Durée (min)", "Montant (€)");
        file.Position = 0;
        MiniExcel.Query(file, useHeaderRow: true, sheetName: "Totaux").Should().HaveCount(2);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public async Task Only_hr_downloads_every_interveners_month(Who who)
    {
        using var file = new MemoryStream();

        Service().MayExportAll(Of(who)).Error.Should().Be(AppErrors.Forbidden);
        (await Service().WriteAllAsync(Of(who), October, ExportFormat.Csv, Texts("fr-FR"), file, Token)).Error.Should().Be(AppErrors.Forbidden);
        file.Length.Should().Be(0);
    }

    [Fact]
    public async Task A_cancelled_download_of_every_interveners_month_stops()
    {
        using var file = new MemoryStream();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var export = () => Service().WriteAllAsync(Hr, October, ExportFormat.Csv, Texts("fr-FR"), file, cancelled.Token);

        await export.Should().ThrowAsync<OperationCanceledException>();
        file.Length.Should().Be(0);
    }

    private void NothingConfidential(string text)
    {
        text.Should().NotContain("Bénédicte").And.NotContain(_first.Description).And.NotContain(_first.WorkImpact).And.NotContain(_first.Id.ToString());
    }

    private static StatementTexts Texts(string culture)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<StatementText>>();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return StatementExportEndpoint.Texts(localizer);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
