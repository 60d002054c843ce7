using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Dashboards;

/// <summary>
/// Every figure a dashboard shows counts everything it claims to count: more cases than any page or list holds
/// (<see cref="PageRequest.MaxPageSize"/>) are seeded in each counted state, and each figure is checked against a
/// count the database makes directly.
/// </summary>
public class TrueFiguresTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // More than the largest page (100) in each state a figure counts.
    private const int ToAssign = PageRequest.MaxPageSize + 31;
    private const int ConflictsToDecide = 17;
    private const int PendingExtensions = PageRequest.MaxPageSize + 12;
    private const int InSessionsWithoutRequest = 23;

    [Fact]
    public async Task Hrs_home_counts_every_case_waiting_on_it_to_assign_and_with_an_extension_to_decide()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBeyondEveryPageAsync(database);

        var home = (await database.Pipeline().GetHrDashboardAsync(Hr, Token)).Value;

        await using var db = database.CreateDbContext();
        var waitingOnHr = await db.Cases.CountAsync(c => c.WaitingOn == WaitingParty.HR, Token);
        var withoutIntervener = await db.Cases.CountAsync(c => c.State == CaseState.Proposed && c.IntervenerId == null, Token);
        var extensionsToDecide = await db.Cases.CountAsync(c => c.Extensions.Any(e => e.Status == ExtensionStatus.Pending), Token);
        var active = (await db.Cases.Select(c => c.State).ToListAsync(Token)).Count(s => s.IsActive());
        var used = await db.Cases.SumAsync(c => c.UsedMinutes, Token);

        withoutIntervener.Should().Be(ToAssign, "the seed is what the test believes it is");
        extensionsToDecide.Should().Be(PendingExtensions);
        home.WaitingOnHrCount.Should().Be(waitingOnHr).And.Be(ToAssign + ConflictsToDecide + PendingExtensions);
        home.ToAssign.Should().Be(withoutIntervener, "a proposed case whose intervener declared a conflict has an intervener: it is not to assign");
        home.PendingExtensions.Should().Be(extensionsToDecide);
        home.ActiveCount.Should().Be(active);
        home.UsedMinutes.Should().Be(used);
        home.WaitingOnHr.Should().HaveCount(App.Features.Pipeline.PipelineService.DashboardListSize, "the list is a short working list; the figures are not read from it");
    }

    [Fact]
    public async Task The_pipelines_figures_count_every_matching_case_not_the_page()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBeyondEveryPageAsync(database);

        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new App.Features.Pipeline.PipelineFilter(), new PageRequest(1, 10), Token)).Value;

        await using var db = database.CreateDbContext();
        overview.Rows.TotalCount.Should().Be(await db.Cases.CountAsync(Token));
        overview.Rows.Items.Should().HaveCount(10);
        overview.Statistics!.WaitingOn[WaitingParty.HR].Should().Be(await db.Cases.CountAsync(c => c.WaitingOn == WaitingParty.HR, Token));
        overview.Statistics.ByState[CaseState.Proposed].Should().Be(await db.Cases.CountAsync(c => c.State == CaseState.Proposed, Token));
        overview.Statistics.ByState[CaseState.InSessions].Should().Be(await db.Cases.CountAsync(c => c.State == CaseState.InSessions, Token));
    }

    [Fact]
    public async Task Each_persons_list_total_counts_every_case_beyond_the_page()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedBeyondEveryPageAsync(database);
        var cases = database.Cases();

        var intervener = await cases.ListMyCasesAsync(Intervener, new PageRequest(1, 12), Token);
        var manager = await cases.ListMyProposalsAsync(Manager, new PageRequest(1, 20), Token);
        var beneficiary = await cases.ListMyCasesAsync(Beneficiary, new PageRequest(1, 20), Token);

        await using var db = database.CreateDbContext();
        intervener.TotalCount.Should().Be(await db.Cases.CountAsync(c => c.IntervenerId == IntervenerId, Token)).And.BeGreaterThan(PageRequest.MaxPageSize);
        intervener.Items.Should().HaveCount(12);
        manager.TotalCount.Should().Be(await db.Cases.CountAsync(c => c.ProposedById == ManagerId && c.BeneficiaryId != ManagerId, Token)).And.BeGreaterThan(PageRequest.MaxPageSize);
        beneficiary.TotalCount.Should().Be(await db.Cases.CountAsync(c => c.BeneficiaryId == BeneficiaryId, Token)).And.BeGreaterThan(PageRequest.MaxPageSize);
    }

    /// <summary>Cases to assign, proposed cases whose intervener declared a conflict, extensions to decide and cases in sessions: each more than a page.</summary>
    internal static async Task SeedBeyondEveryPageAsync(TestDatabase database)
    {
        var seeded = new List<CoachingCase>();
        seeded.AddRange(Enumerable.Range(0, ToAssign).Select(_ => Proposed()));
        seeded.AddRange(Enumerable.Range(0, ConflictsToDecide).Select(_ =>
        {
            var coachingCase = WithIntervener();
            coachingCase.DeclareConflict(Intervener, ConflictDescription, Now).ShouldSucceed();
            return coachingCase;
        }));
        seeded.AddRange(Enumerable.Range(0, PendingExtensions).Select(_ =>
        {
            var coachingCase = InSessions();
            coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, "Deux séances de plus", Now).ShouldSucceed();
            return coachingCase;
        }));
        seeded.AddRange(Enumerable.Range(0, InSessionsWithoutRequest).Select(_ => InSessions(minutes: 90)));

        await using var db = database.CreateDbContext();
        db.WritesNotifications = false;
        db.Cases.AddRange(seeded);
        await db.SaveChangesAsync(Token);
    }
}
