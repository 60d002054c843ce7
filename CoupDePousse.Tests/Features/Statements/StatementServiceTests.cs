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

        file.Position = 0;
        MiniExcel.GetColumns(file, useHeaderRow: true).Should().HaveCount(StatementExport.Columns.Count);
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
