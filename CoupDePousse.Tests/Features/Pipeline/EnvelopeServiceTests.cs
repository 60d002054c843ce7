using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>The programme envelope on a seeded population whose figures are worked out by hand (decision 031).</summary>
public class EnvelopeServiceTests : IAsyncLifetime
{
    // Intervener-1 charges 120 €/h; the clock stands on 20 November 2026, day 324 of 365.
    private const long Committed = 2_400_00;
    private const long Consumed = 420_00;

    private TestDatabase database = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private EnvelopeService Service() => new(database, database.Clock, database.Logger<EnvelopeService>());

    private EnvelopeSettingsService Settings() =>
        new(database, new SecurityAudit(database, database.Clock, new HttpContextAccessor()), database.Clock, database.Logger<EnvelopeSettingsService>());

    private async Task SeedAsync()
    {
        // 6 h budget, 1 h 30 logged: commits 720 €, consumed 180 €.
        await database.SaveAsync(InSessions(90));

        // 6 h + 1 h approved, 1 h logged: commits 840 €, consumed 120 €.
        var extended = InSessions(60);
        extended.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        extended.ApproveExtension(Hr, Now).ShouldSucceed();
        await database.SaveAsync(extended);

        // Closed after 1 h: the unused 5 h go back, 120 € committed and consumed.
        await database.SaveAsync(Closed());

        // Accepted, nothing logged: the whole 6 h, 720 €, committed.
        await database.SaveAsync(Accepted());

        // Never accepted: nothing.
        foreach (var coachingCase in new[] { Proposed(), WithIntervener(), Declined(), Cancelled() })
        {
            await database.SaveAsync(coachingCase);
        }

        // Proposed last year: counts in last year's envelope, not this one.
        var lastYear = await database.SaveAsync(InSessions(120));
        await using var db = database.CreateDbContext();
        await db.Cases.Where(c => c.Id == lastYear.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ProposedAt, new DateTimeOffset(2025, 12, 15, 9, 0, 0, TimeSpan.Zero)), Token);
    }

    [Fact]
    public async Task Each_figure_of_the_year_matches_the_population_worked_out_by_hand()
    {
        await SeedAsync();
        (await Settings().SetAsync(Hr, 2026, null, 3_000m, Token)).IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.Year.Should().Be(2026);
        view.EnvelopeCents.Should().Be(3_000_00);
        view.CommittedCents.Should().Be(Committed);
        view.ConsumedCents.Should().Be(Consumed);
        view.RemainingCents.Should().Be(600_00);
        // 420.00 € × 365 / 324 = 473.148… €
        view.ForecastCents.Should().Be(473_15);
        view.CommittedPercentage.Should().Be(80);
        view.Level.Should().Be(EnvelopeLevel.Warning);
    }

    [Fact]
    public async Task Committing_the_whole_envelope_or_more_is_exceeded_and_remaining_goes_negative()
    {
        await SeedAsync();
        (await Settings().SetAsync(Admin, 2026, null, 2_000m, Token)).IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.RemainingCents.Should().Be(-400_00);
        view.Level.Should().Be(EnvelopeLevel.Exceeded);
    }

    [Fact]
    public async Task Without_an_envelope_the_figures_show_but_no_remaining_nor_warning()
    {
        await SeedAsync();
        (await Settings().SetAsync(Hr, 2025, null, 1_000m, Token)).IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.EnvelopeCents.Should().BeNull();
        view.RemainingCents.Should().BeNull();
        view.CommittedCents.Should().Be(Committed);
        view.Level.Should().Be(EnvelopeLevel.Within);
    }

    [Fact]
    public async Task Setting_the_envelope_is_audited_with_the_amount_before_and_after()
    {
        (await Settings().SetAsync(Hr, 2026, null, 1_234.565m, Token)).IsSuccess.Should().BeTrue();
        (await Settings().SetAsync(Admin, 2026, null, 2_000m, Token)).IsSuccess.Should().BeTrue();

        await using var db = database.CreateDbContext();
        var events = await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.EnvelopeChanged).OrderBy(e => e.Id)
            .Select(e => new { e.ActorUserId, e.OldValue, e.NewValue }).ToListAsync(Token);
        events.Should().Equal(
            new { ActorUserId = (string?)HrId, OldValue = (string?)null, NewValue = (string?)"year=2026; cents=123457" },
            new { ActorUserId = (string?)AdminId, OldValue = (string?)"year=2026; cents=123457", NewValue = (string?)"year=2026; cents=200000" });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(20_000_000.01)]
    public async Task An_amount_out_of_range_is_refused_and_changes_nothing(double euros)
    {
        (await Settings().SetAsync(Hr, 2026, null, 1_000m, Token)).IsSuccess.Should().BeTrue();

        var refused = await Settings().SetAsync(Hr, 2026, null, (decimal)euros, Token);

        refused.Error.Should().Be(ProgrammeEnvelope.Invalid);
        (await Service().GetAsync(Hr, Token)).Value.EnvelopeCents.Should().Be(1_000_00);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Intervener)]
    public async Task Only_hr_and_the_admin_read_or_set_the_envelope(Who who)
    {
        (await Service().GetAsync(Of(who), Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Settings().GetAsync(Of(who), Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Settings().SetAsync(Of(who), 2026, "Logistique", 1_000m, Token)).Error.Should().Be(AppErrors.Forbidden);
        (await Settings().SetAsync(Of(who), 2026, null, 1_000m, Token)).Error.Should().Be(AppErrors.Forbidden);

        await using var db = database.CreateDbContext();
        (await db.ProgrammeEnvelopes.CountAsync(Token)).Should().Be(0);
        (await db.DepartmentEnvelopes.CountAsync(Token)).Should().Be(0);
    }

    private async Task ThresholdAsync(int threshold)
    {
        await using var db = database.CreateDbContext();
        db.BudgetSettings.Add(new BudgetSettings { SmallGroupThreshold = threshold });
        await db.SaveChangesAsync(Token);
    }

    [Fact]
    public async Task A_departments_figures_are_those_of_its_beneficiaries_cases()
    {
        // Every seeded case is Bénédicte's, in Logistique: 4 of them hold money this year; nothing is in Ventes.
        await SeedAsync();
        await ThresholdAsync(3);
        (await Settings().SaveAsync(Hr, [new EnvelopeAmount(2026, null, 5_000m), new EnvelopeAmount(2026, "Logistique", 3_000m), new EnvelopeAmount(2026, "Ventes", 1_000m)], Token))
            .IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.Departments.Select(d => (d.Department, d.EnvelopeCents)).Should().Equal(("Logistique", 3_000_00), ("Ventes", 1_000_00));
        view.Departments[0].Figures.Should().Be(new DepartmentEnvelopeFiguresView(Committed, Consumed, 473_15, 600_00, 80, EnvelopeLevel.Warning));
        view.Departments[1].Figures.Should().Be(new DepartmentEnvelopeFiguresView(0, 0, 0, 1_000_00, 0, EnvelopeLevel.Within));
        view.DepartmentsExceedCompany.Should().BeFalse();
    }

    [Fact]
    public async Task A_department_under_the_small_group_threshold_shows_its_envelope_and_withholds_its_figures()
    {
        await SeedAsync();
        (await Settings().SaveAsync(Hr, [new EnvelopeAmount(2026, null, 3_000m), new EnvelopeAmount(2026, "Logistique", 3_000m), new EnvelopeAmount(2026, "Ventes", 1_000m)], Token))
            .IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.Departments[0].Should().Be(new DepartmentEnvelopeView("Logistique", 3_000_00, null), "4 cases hold money, under the default threshold of 5");
        view.Departments[1].Figures.Should().BeNull("with only 4 cases in the company, Ventes at zero would say they are all Logistique's");
        view.SmallGroupThreshold.Should().Be(5);
        view.DepartmentsExceedCompany.Should().BeTrue("3 000 € + 1 000 € of departments pass the company's 3 000 €");
    }

    [Fact]
    public async Task Department_envelopes_are_audited_with_their_department_and_a_cleared_one_is_removed()
    {
        (await Settings().SetAsync(Admin, 2026, "Ventes", 1_500m, Token)).IsSuccess.Should().BeTrue();
        (await Settings().SetAsync(Hr, 2026, "Ventes", null, Token)).IsSuccess.Should().BeTrue();

        await using var db = database.CreateDbContext();
        var events = await db.SecurityEvents.Where(e => e.Kind == SecurityEventKind.EnvelopeChanged).OrderBy(e => e.Id)
            .Select(e => new { e.ActorUserId, e.OldValue, e.NewValue }).ToListAsync(Token);
        events.Should().Equal(
            new { ActorUserId = (string?)AdminId, OldValue = (string?)null, NewValue = (string?)"year=2026; department=Ventes; cents=150000" },
            new { ActorUserId = (string?)HrId, OldValue = (string?)"year=2026; department=Ventes; cents=150000", NewValue = (string?)null });
        (await db.DepartmentEnvelopes.CountAsync(Token)).Should().Be(0);
    }

    [Fact]
    public async Task Envelopes_are_saved_all_or_none_and_an_unknown_department_is_refused()
    {
        var refused = await Settings().SaveAsync(Hr, [new EnvelopeAmount(2026, null, 5_000m), new EnvelopeAmount(2026, "Nulle part", 1_000m)], Token);
        var outOfRange = await Settings().SaveAsync(Hr, [new EnvelopeAmount(2026, "Ventes", 1_000m), new EnvelopeAmount(2027, "Logistique", 20_000_001m)], Token);

        refused.Error.Should().Be(EnvelopeSettingsService.UnknownDepartment);
        outOfRange.Error.Should().Be(ProgrammeEnvelope.Invalid);
        await using var db = database.CreateDbContext();
        (await db.ProgrammeEnvelopes.CountAsync(Token)).Should().Be(0);
        (await db.DepartmentEnvelopes.CountAsync(Token)).Should().Be(0);
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.EnvelopeChanged, Token)).Should().Be(0);
    }

    [Fact]
    public async Task The_settings_list_this_year_and_the_next_with_the_known_departments()
    {
        (await Settings().SaveAsync(Hr, [new EnvelopeAmount(2027, null, 1_000m), new EnvelopeAmount(2027, "Ventes", 600m), new EnvelopeAmount(2027, "Logistique", 600m)], Token))
            .IsSuccess.Should().BeTrue();

        var settings = (await Settings().GetAsync(Admin, Token)).Value;

        settings.Departments.Should().Equal("Logistique", "RH", "Ventes");
        settings.Years.Select(y => (y.Year, y.CompanyCents, y.DepartmentsExceedCompany)).Should().Equal((2026, (long?)null, false), (2027, (long?)1_000_00, true));
        settings.Years[1].DepartmentCents.Should().BeEquivalentTo(new Dictionary<string, long> { ["Ventes"] = 600_00, ["Logistique"] = 600_00 });
    }
}
