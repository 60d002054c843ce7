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

    private EnvelopeService Service() =>
        new(database, new SecurityAudit(database, database.Clock, new HttpContextAccessor()), database.Clock, database.Logger<EnvelopeService>());

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
        (await Service().SetAsync(Hr, 2026, 3_000m, Token)).IsSuccess.Should().BeTrue();

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
        (await Service().SetAsync(Admin, 2026, 2_000m, Token)).IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.RemainingCents.Should().Be(-400_00);
        view.Level.Should().Be(EnvelopeLevel.Exceeded);
    }

    [Fact]
    public async Task Without_an_envelope_the_figures_show_but_no_remaining_nor_warning()
    {
        await SeedAsync();
        (await Service().SetAsync(Hr, 2025, 1_000m, Token)).IsSuccess.Should().BeTrue();

        var view = (await Service().GetAsync(Hr, Token)).Value;

        view.EnvelopeCents.Should().BeNull();
        view.RemainingCents.Should().BeNull();
        view.CommittedCents.Should().Be(Committed);
        view.Level.Should().Be(EnvelopeLevel.Within);
    }

    [Fact]
    public async Task Setting_the_envelope_is_audited_with_the_amount_before_and_after()
    {
        (await Service().SetAsync(Hr, 2026, 1_234.565m, Token)).IsSuccess.Should().BeTrue();
        (await Service().SetAsync(Admin, 2026, 2_000m, Token)).IsSuccess.Should().BeTrue();

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
        (await Service().SetAsync(Hr, 2026, 1_000m, Token)).IsSuccess.Should().BeTrue();

        var refused = await Service().SetAsync(Hr, 2026, (decimal)euros, Token);

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
        (await Service().SetAsync(Of(who), 2026, 1_000m, Token)).Error.Should().Be(AppErrors.Forbidden);

        await using var db = database.CreateDbContext();
        (await db.ProgrammeEnvelopes.CountAsync(Token)).Should().Be(0);
    }
}
