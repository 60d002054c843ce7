using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>HR statistics never describe a group under the threshold, not even by subtracting two shown figures.</summary>
public class StatisticsThresholdTests
{
    private static CoachingCase ProposedInSales() =>
        CoachingCase.Propose(Hr, OtherBeneficiaryRef, Proposal(), BudgetBounds.Default, Now).Value;

    [Fact]
    public async Task Statistics_are_withheld_for_four_cases_and_shown_for_five()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await database.SaveAsync(InSessions());
        }

        var withFour = await OverviewAsync(database);
        await database.SaveAsync(Proposed());
        var withFive = await OverviewAsync(database);

        withFour.MatchingCases.Should().BeNull("4 matching cases would be a figure over a small group");
        withFour.Rows.Items.Should().HaveCount(4, "the working list stays HR's to see");
        withFour.Statistics.Should().BeNull();
        withFive.MatchingCases.Should().Be(5);
        withFive.Statistics!.CaseCount.Should().Be(5);
    }

    [Fact]
    public async Task A_small_department_cannot_be_recovered_by_subtracting_the_shown_departments_from_the_total()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 6; i++)
        {
            await database.SaveAsync(InSessions());
        }

        await database.SaveAsync(ProposedInSales());
        await database.SaveAsync(ProposedInSales());

        var statistics = (await OverviewAsync(database)).Statistics!;

        statistics.CaseCount.Should().Be(8);
        statistics.ByDepartment.Should().BeEquivalentTo([
            new DepartmentStatistics("Logistique", null, null, 0),
            new DepartmentStatistics("Ventes", null, null, 0),
        ]);
        statistics.ByState[CaseState.Proposed].Should().BeNull();
        statistics.ByState[CaseState.InSessions].Should().BeNull("8 − 6 would give the 2 proposed cases");
        statistics.ByState[CaseState.Closed].Should().Be(0);
    }

    [Fact]
    public async Task Filtering_down_to_a_small_group_withholds_its_count_and_figures_but_not_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(InSessions());
        }

        await database.SaveAsync(ProposedInSales());
        await database.SaveAsync(ProposedInSales());

        var sales = await OverviewAsync(database, new PipelineFilter(Department: "Ventes"));
        var waitingOnHr = await OverviewAsync(database, new PipelineFilter(WaitingOn: WaitingParty.HR));

        foreach (var overview in new[] { sales, waitingOnHr })
        {
            overview.MatchingCases.Should().BeNull();
            overview.Statistics.Should().BeNull();
            overview.SmallGroupThreshold.Should().Be(5);
            overview.Rows.Items.Should().HaveCount(2).And.OnlyContain(r => r.BeneficiaryName == "Octave Autre");
        }
    }

    [Fact]
    public async Task The_threshold_the_admin_sets_applies_to_the_pipeline()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await database.SaveAsync(InSessions());
        }

        await using (var db = database.CreateDbContext())
        {
            db.BudgetSettings.Add(new BudgetSettings { SmallGroupThreshold = 3 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var overview = await OverviewAsync(database);

        overview.MatchingCases.Should().Be(3);
        overview.Statistics!.ByState[CaseState.InSessions].Should().Be(3);
    }

    [Fact]
    public async Task Hr_dashboard_counts_follow_the_rule_while_its_to_do_list_stays_whole()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(Proposed());
        await database.SaveAsync(UnderDiscussion());
        for (var i = 0; i < 6; i++)
        {
            await database.SaveAsync(InSessions());
        }

        var dashboard = (await database.Pipeline().GetHrDashboardAsync(Hr, TestContext.Current.CancellationToken)).Value;

        dashboard.WaitingOnHr.Should().HaveCount(2);
        dashboard.WaitingOnHrCount.Should().BeNull();
        dashboard.ToAssign.Should().BeNull();
        dashboard.PendingExtensions.Should().Be(0);
        dashboard.ActiveCount.Should().Be(8);
        dashboard.CostCents.Should().Be(6 * 120_00);
    }

    /// <summary>
    /// Seeded populations and every combination of filters: no shown figure, no difference between two shown figures
    /// where one group holds the other, and no total minus the sum of its shown parts is a group under the threshold.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task No_filter_combination_lets_a_small_group_be_recovered(int seed)
    {
        var random = new Random(seed);
        await using var database = await TestDatabase.CreateAsync();
        Func<CoachingCase>[] kinds = [() => Proposed(), WithIntervener, InPreliminaryInterview, UnderDiscussion, Accepted, ObjectivesSet, () => InSessions(), Closed, Declined, Cancelled, ProposedInSales, StressProposedInSales];
        var size = random.Next(4, 22);
        for (var i = 0; i < size; i++)
        {
            await database.SaveAsync(kinds[random.Next(kinds.Length)]());
        }

        var pipeline = database.Pipeline();
        var population = (await pipeline.GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(1, PageRequest.MaxPageSize), TestContext.Current.CancellationToken)).Value.Rows.Items;
        var threshold = SmallGroupThreshold.Standard;

        var filters =
            from state in Enum.GetValues<CaseState>().Select(s => (CaseState?)s).Append(null)
            from domain in new CoachingDomain?[] { null, CoachingDomain.StressAndEmotions }
            from department in new[] { null, "Logistique", "Ventes" }
            from intervener in new[] { null, IntervenerId }
            from waiting in Enum.GetValues<WaitingParty>().Select(p => (WaitingParty?)p).Append(null)
            select new PipelineFilter(state, domain, department, intervener, waiting);

        foreach (var filter in filters.Where(_ => random.Next(4) == 0))
        {
            var overview = (await pipeline.GetOverviewAsync(Hr, filter, new PageRequest(1, PageRequest.MaxPageSize), TestContext.Current.CancellationToken)).Value;
            var matching = overview.Rows.Items;
            CheckFigures(overview, matching, population, threshold, filter);
        }
    }

    private static CoachingCase StressProposedInSales() =>
        CoachingCase.Propose(Hr, OtherBeneficiaryRef, Proposal(CoachingDomain.StressAndEmotions), BudgetBounds.Default, Now).Value;

    private static void CheckFigures(PipelineOverview overview, IReadOnlyList<PipelineRow> matching, IReadOnlyList<PipelineRow> population, SmallGroupThreshold threshold, PipelineFilter filter)
    {
        var because = $"filter {filter} over {population.Count} cases";
        if (overview.MatchingCases is { } count)
        {
            count.Should().Be(matching.Count, because);
        }

        threshold.IsSmall(overview.MatchingCases ?? 0).Should().BeFalse(because);
        if (overview.Statistics is not { } statistics)
        {
            (matching.Count == 0 || threshold.IsSmall(matching.Count)).Should().BeTrue(because);
            return;
        }

        // Every shown figure with the group of cases it counts, found from the rows themselves.
        var figures = new List<(string Name, int Value, HashSet<Guid> Group, Func<PipelineRow, bool> Member)>();
        void Add(string name, int? value, Func<PipelineRow, bool> member)
        {
            if (value is { } shown)
            {
                var group = matching.Where(member).Select(r => r.Id).ToHashSet();
                shown.Should().Be(group.Count, $"{name} counts its group ({because})");
                figures.Add((name, shown, group, member));
            }
        }

        var department = (PipelineRow r) => r.Department ?? "—";
        Add("total", statistics.CaseCount, _ => true);
        Add("active", statistics.ActiveCount, r => r.State.IsActive());
        foreach (var (state, value) in statistics.ByState)
        {
            Add($"state {state}", value, r => r.State == state);
        }

        foreach (var (outcome, value) in statistics.ByOutcome)
        {
            Add($"outcome {outcome}", value, r => r.Outcome == outcome);
        }

        foreach (var (party, value) in statistics.WaitingOn)
        {
            Add($"waiting {party}", value, r => r.State.IsActive() && r.WaitingOn == party);
        }

        foreach (var row in statistics.ByDepartment)
        {
            Add($"{row.Department} cases", row.CaseCount, r => department(r) == row.Department);
            Add($"{row.Department} active", row.Active, r => department(r) == row.Department && r.State.IsActive());
            Add($"{row.Department} closed", row.Completed, r => department(r) == row.Department && r.State == CaseState.Closed);
        }

        foreach (var figure in figures)
        {
            threshold.IsSmall(figure.Value).Should().BeFalse($"{figure.Name} is shown ({because})");
        }

        // One figure is inside another when it is by definition (every case it could count, the other counts too), not
        // by the chance of a population: a reader subtracts the figures of one table, not what only the rows would tell.
        var universe = Universe(statistics.ByDepartment.Select(d => d.Department));
        bool Inside((string Name, int Value, HashSet<Guid> Group, Func<PipelineRow, bool> Member) inner, (string Name, int Value, HashSet<Guid> Group, Func<PipelineRow, bool> Member) outer) =>
            universe.Where(inner.Member).All(outer.Member);

        foreach (var outer in figures)
        {
            var inside = figures.Where(i => i.Name != outer.Name && Inside(i, outer)).ToList();
            foreach (var inner in inside)
            {
                threshold.IsSmall(outer.Value - inner.Value).Should().BeFalse($"{outer.Name} − {inner.Name} ({because})");
            }

            // The total of a table minus the sum of its shown parts: the figures inside it that cannot overlap by definition.
            var parts = new List<Func<PipelineRow, bool>>();
            var covered = 0;
            foreach (var inner in inside.OrderByDescending(i => i.Value))
            {
                if (parts.All(p => !universe.Any(u => p(u) && inner.Member(u))))
                {
                    parts.Add(inner.Member);
                    covered += inner.Value;
                }
            }

            threshold.IsSmall(outer.Value - covered).Should().BeFalse($"{outer.Name} minus its shown parts ({because})");
        }
    }

    // Every kind of case the figures could count: each state with each outcome it may have, each waiting party, each department.
    private static List<PipelineRow> Universe(IEnumerable<string> departments) =>
        (from state in Enum.GetValues<CaseState>()
         from outcome in state.IsEnded() ? Enum.GetValues<CaseOutcome>().Select(o => (CaseOutcome?)o) : [null]
         from party in state.IsActive() ? Enum.GetValues<WaitingParty>().Select(p => (WaitingParty?)p).Append(null) : [null]
         from department in departments
         select new PipelineRow(Guid.Empty, "", department == "—" ? null : department, state, outcome, [], null, party, default, default, 0, 0, 0, 0))
        .ToList();

    private static async Task<PipelineOverview> OverviewAsync(TestDatabase database, PipelineFilter? filter = null) =>
        (await database.Pipeline().GetOverviewAsync(Hr, filter ?? new PipelineFilter(), new PageRequest(), TestContext.Current.CancellationToken)).Value;
}
