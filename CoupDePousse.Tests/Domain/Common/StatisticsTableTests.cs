using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoupDePousse.Tests.Domain.Common;

public class StatisticsTableTests
{
    private static readonly SmallGroupThreshold Five = SmallGroupThreshold.Standard;

    private static StatisticsTable<string> Row(params (string Key, int Count)[] cells)
    {
        var table = new StatisticsTable<string>().Count("total", cells.Sum(c => c.Count));
        foreach (var (key, count) in cells)
        {
            table.Count(key, count);
        }

        return table.Sum("total", cells.Select(c => c.Key));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void The_threshold_is_never_below_three(int value, bool accepted)
    {
        SmallGroupThreshold.Create(value).IsSuccess.Should().Be(accepted);
        SmallGroupThreshold.Standard.Value.Should().Be(5);
    }

    [Fact]
    public void A_count_under_the_threshold_is_hidden_and_so_is_the_next_smallest_so_the_total_cannot_give_it_away()
    {
        var shown = Row(("sales", 12), ("logistics", 9), ("legal", 2)).Suppress(Five);

        shown["legal"].Should().BeNull();
        shown["logistics"].Should().BeNull("12 + ? = 23 would otherwise give legal's 2");
        shown["sales"].Should().Be(12);
        shown["total"].Should().Be(23);
    }

    [Fact]
    public void Complementary_suppression_goes_on_until_the_hidden_cells_add_up_to_a_whole_group()
    {
        var shown = Row(("a", 20), ("b", 1), ("c", 2), ("d", 7)).Suppress(Five);

        // b and c alone are 3, a group of its own: d joins them.
        shown.Hidden.Should().BeEquivalentTo(["b", "c", "d"]);
        shown["a"].Should().Be(20);
    }

    [Fact]
    public void Zero_is_shown_because_it_describes_nobody()
    {
        var shown = Row(("a", 10), ("b", 0), ("c", 6)).Suppress(Five);

        shown["b"].Should().Be(0);
        shown.Hidden.Should().BeEmpty();
    }

    [Fact]
    public void A_total_under_the_threshold_withholds_the_whole_table()
    {
        var shown = Row(("a", 3), ("b", 1), ("c", 0)).Suppress(Five);

        shown.Hidden.Should().BeEquivalentTo(["total", "a", "b"]);
        shown["c"].Should().Be(0);
    }

    [Fact]
    public void A_hidden_total_is_protected_by_hiding_one_of_its_parts()
    {
        // Linked tables: "ended" is hidden in the first sum, so its own parts cannot all stay shown.
        var table = new StatisticsTable<string>()
            .Count("all", 20).Count("active", 18).Count("ended", 2).Count("closed", 2).Count("declined", 0)
            .Sum("all", ["active", "ended"]).Sum("ended", ["closed", "declined"]);

        var shown = table.Suppress(Five);

        shown.Hidden.Should().Contain(["ended", "closed", "active"]);
        table.RecoverableSmallGroups(shown.Hidden, Five).Should().BeEmpty();
    }

    [Fact]
    public void A_group_and_a_group_two_sums_inside_it_may_not_differ_by_a_small_group()
    {
        // All = active + ended, active = waiting on the intervener + on HR: 12 − 10 would give the 2 others.
        var table = new StatisticsTable<string>()
            .Count("all", 12).Count("active", 11).Count("ended", 1).Count("intervener", 10).Count("hr", 1)
            .Sum("all", ["active", "ended"]).Sum("active", ["intervener", "hr"]);

        var shown = table.Suppress(Five);

        shown["all"].Should().Be(12);
        shown["intervener"].Should().BeNull();
        table.RecoverableSmallGroups(shown.Hidden, Five).Should().BeEmpty();
    }

    [Fact]
    public void The_threshold_the_admin_sets_is_the_one_applied()
    {
        var table = Row(("a", 10), ("b", 4), ("c", 6));

        table.Suppress(SmallGroupThreshold.Create(3).Value).Hidden.Should().BeEmpty();
        table.Suppress(Five).Hidden.Should().BeEquivalentTo(["b", "c"]);
    }

    [Fact]
    public void Case_statistics_hide_a_small_department_and_another_one_with_it()
    {
        List<CaseFact> cases =
        [
            .. Enumerable.Repeat(new CaseFact(CaseState.InSessions, null, WaitingParty.Intervener, "Logistique"), 12),
            .. Enumerable.Repeat(new CaseFact(CaseState.Proposed, null, WaitingParty.HR, "Ventes"), 6),
            .. Enumerable.Repeat(new CaseFact(CaseState.Proposed, null, WaitingParty.HR, "Juridique"), 2),
        ];

        var shown = CaseStatistics.Tabulate(cases).Suppress(Five);

        shown[CaseFigure.All].Should().Be(20);
        shown[CaseFigure.InDepartment("Juridique")].Should().BeNull();
        shown[CaseFigure.InDepartment("Ventes")].Should().BeNull("20 − 12 − 6 would otherwise give Juridique's 2");
        shown[CaseFigure.InDepartment("Logistique")].Should().Be(12);
    }

    [Property(Arbitrary = [typeof(Populations)], MaxTest = 200)]
    public void Cases_counted_in_groups_give_the_same_table_as_cases_counted_one_by_one(CaseFact[] cases)
    {
        var groups = cases.GroupBy(c => (c.State, c.Outcome, c.WaitingOn, c.Department))
            .Select(g => new CaseFact(g.Key.State, g.Key.Outcome, g.Key.WaitingOn, g.Key.Department, g.Count()))
            .ToList();

        var oneByOne = CaseStatistics.Tabulate(cases);
        var grouped = CaseStatistics.Tabulate(groups);

        grouped.Keys.Should().BeEquivalentTo(oneByOne.Keys);
        grouped.Keys.Select(k => grouped[k]).Should().Equal(grouped.Keys.Select(k => oneByOne[k]));
        grouped.Sums.Select(s => s.Total).Should().Equal(oneByOne.Sums.Select(s => s.Total));
    }

    /// <summary>Random tables of linked counts, as HR's statistics build them from random cases.</summary>
    public static class Populations
    {
        public static Arbitrary<CaseFact[]> Cases() =>
            (from state in Gen.Elements(Enum.GetValues<CaseState>())
             from party in Gen.Elements<WaitingParty?>(null, WaitingParty.Beneficiary, WaitingParty.Intervener, WaitingParty.HR)
             from department in Gen.Elements("Logistique", "Ventes", "Juridique", "—")
             from outcome in Gen.Elements(Enum.GetValues<CaseOutcome>())
             select new CaseFact(state, state.IsEnded() ? outcome : null, state.IsActive() ? party : null, department))
            .ArrayOf().Select(a => a.Take(60).ToArray()).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Populations)], MaxTest = 300)]
    public void No_shown_count_nor_any_subtraction_within_a_sum_reveals_a_group_under_the_threshold(CaseFact[] cases, PositiveInt rawThreshold)
    {
        var threshold = SmallGroupThreshold.Create(3 + rawThreshold.Get % 6).Value;
        var table = CaseStatistics.Tabulate(cases);
        var shown = table.Suppress(threshold);

        foreach (var key in table.Keys.Where(shown.IsShown))
        {
            threshold.IsSmall(shown[key]!.Value).Should().BeFalse($"{key} is shown");
        }

        foreach (var (total, parts) in table.Sums.Where(s => shown.IsShown(s.Total)))
        {
            var rest = shown[total]!.Value - parts.Where(shown.IsShown).Sum(p => shown[p]!.Value);
            threshold.IsSmall(rest).Should().BeFalse($"{total} minus its shown parts is {rest}");
            foreach (var part in parts.Where(shown.IsShown))
            {
                threshold.IsSmall(shown[total]!.Value - shown[part]!.Value).Should().BeFalse($"{total} minus {part}");
            }
        }

        table.RecoverableSmallGroups(shown.Hidden, threshold).Should().BeEmpty("no small group may be solved from all the sums together");
    }
}
