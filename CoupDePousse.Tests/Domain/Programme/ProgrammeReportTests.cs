using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;

namespace CoupDePousse.Tests.Domain.Programme;

/// <summary>HR's programme report: each figure on a population with known answers, and the small-group rule on all of them.</summary>
public class ProgrammeReportTests
{
    private static readonly SmallGroupThreshold Five = SmallGroupThreshold.Standard;
    private static readonly int Management = CoachingDomain.ManagementAndCommunication.Flag();
    private static readonly int Stress = CoachingDomain.StressAndEmotions.Flag();

    /// <summary>One case as the report sees it; the helper groups them the way the database does.</summary>
    private sealed record Spec(
        int Month,
        string Department,
        int Domains,
        CaseState State,
        CaseOutcome? Outcome = null,
        int? DaysToInterview = null,
        int? DaysToSession = null,
        bool ExtensionRequested = false,
        bool ExtensionApproved = false,
        ObjectivesResult? Objectives = null,
        int Used = 0,
        int Budget = 600);

    private static IEnumerable<Spec> Many(int count, Spec spec) => Enumerable.Repeat(spec, count);

    private static ProgrammeReportFacts Facts(IEnumerable<Spec> specs)
    {
        var list = specs.ToList();
        return new ProgrammeReportFacts(
            2026,
            list.GroupBy(s => new ReportCase(s.State, s.Outcome, s.DaysToInterview is not null, s.DaysToSession is not null, s.ExtensionRequested, s.ExtensionApproved, s.Objectives))
                .Select(g => g.Key with { Cases = g.Count() }).ToList(),
            list.GroupBy(s => s.Month).Select(g => new MonthVolume(g.Key, g.Count())).ToList(),
            list.GroupBy(s => s.Department).Select(g => new DepartmentVolume(g.Key, g.Count())).ToList(),
            list.GroupBy(s => s.Domains).Select(g => new DomainVolume(g.Key, g.Count())).ToList(),
            list.Where(s => s.DaysToInterview is not null).GroupBy(s => s.DaysToInterview!.Value).Select(g => new DelayCount(g.Key, g.Count())).ToList(),
            list.Where(s => s.DaysToSession is not null).GroupBy(s => s.DaysToSession!.Value).Select(g => new DelayCount(g.Key, g.Count())).ToList(),
            list.Where(s => s.State == CaseState.Closed).GroupBy(s => (s.Used, s.Budget)).Select(g => new HoursUse(g.Key.Used, g.Key.Budget, g.Count())).ToList(),
            []);
    }

    // 40 cases in 2026: 20 completed, 5 interrupted, 5 in sessions, 5 declined, 5 proposed; two departments of 20, two months.
    private static List<Spec> Population() =>
    [
        .. Many(10, new Spec(1, "Logistique", Management, CaseState.Closed, CaseOutcome.Completed, 4, 10, true, true, ObjectivesResult.Reached, 300, 600)),
        .. Many(10, new Spec(2, "Ventes", Management | Stress, CaseState.Closed, CaseOutcome.Completed, 6, 14, false, false, ObjectivesResult.PartlyReached, 600, 600)),
        .. Many(5, new Spec(2, "Ventes", Stress, CaseState.Closed, CaseOutcome.InterruptedByBeneficiary, 8, 20, true, false, ObjectivesResult.NotReached, 120, 600)),
        .. Many(5, new Spec(1, "Logistique", Management, CaseState.InSessions, null, 2, 12)),
        .. Many(5, new Spec(1, "Logistique", Stress, CaseState.Declined, CaseOutcome.DeclinedByBeneficiary)),
        .. Many(5, new Spec(2, "Ventes", Management, CaseState.Proposed)),
    ];

    [Fact]
    public void Volumes_by_month_department_and_domain_add_up_to_the_year()
    {
        var report = ProgrammeReport.Compute(Facts(Population()), Five);

        report.Total.Should().Be(40);
        report.ByMonth.Should().Contain((1, 20)).And.Contain((2, 20)).And.Contain((3, 0));
        report.ByMonth.Should().HaveCount(12);
        report.ByDepartment.Should().Equal(("Logistique", 20), ("Ventes", 20));
        report.ByDomain.Should().Contain((CoachingDomain.ManagementAndCommunication, 30))
            .And.Contain((CoachingDomain.StressAndEmotions, 20))
            .And.Contain((CoachingDomain.StrategyAndTactics, 0));
    }

    [Fact]
    public void Ends_follow_the_outcome_and_the_acceptance_rate_is_accepted_over_decided()
    {
        var report = ProgrammeReport.Compute(Facts(Population()), Five);

        report.Ends.Should().Contain((CaseEnd.Completed, 20))
            .And.Contain((CaseEnd.Interrupted, 5))
            .And.Contain((CaseEnd.OpenEngaged, 5))
            .And.Contain((CaseEnd.Declined, 5))
            .And.Contain((CaseEnd.OpenBeforeAcceptance, 5))
            .And.Contain((CaseEnd.Refused, 0));
        report.Decided.Should().Be(35);
        report.Accepted.Should().Be(30);
        report.AcceptanceRate.Should().Be(new ReportValue(35, Math.Round(30.0 / 35, 3)));
    }

    [Fact]
    public void Medians_extensions_and_objectives_are_computed_over_their_cases()
    {
        var report = ProgrammeReport.Compute(Facts(Population()), Five);

        // Interviews: 5×2, 10×4, 10×6, 5×8 days: the 15th and 16th of 30 are 4 and 6.
        report.MedianDaysToInterview.Should().Be(new ReportValue(30, 5));
        // First sessions: 10×10, 5×12, 10×14, 5×20: the 15th and 16th are 12 and 14.
        report.MedianDaysToFirstSession.Should().Be(new ReportValue(30, 13));
        // Ended engaged: 5 at 20 %, 10 at 50 %, 10 at 100 %: the 13th of 25 is 50 %.
        report.MedianShareOfBudgetUsed.Should().Be(new ReportValue(25, 0.5));
        report.ExtensionsRequested.Should().Be(15);
        report.ExtensionsApproved.Should().Be(10);
        report.RatedCases.Should().Be(25);
        report.Objectives.Should().Equal((ObjectivesResult.Reached, 10), (ObjectivesResult.PartlyReached, 10), (ObjectivesResult.NotReached, 5));
    }

    [Fact]
    public void The_end_mapping_reads_the_outcome_and_open_cases_by_their_state()
    {
        CaseEnds.Of(CaseState.UnderDiscussion, null).Should().Be(CaseEnd.OpenBeforeAcceptance);
        CaseEnds.Of(CaseState.ObjectivesSet, null).Should().Be(CaseEnd.OpenEngaged);
        CaseEnds.Of(CaseState.Declined, CaseOutcome.StoppedAfterInterview).Should().Be(CaseEnd.StoppedAfterInterview);
        CaseEnds.Of(CaseState.Declined, CaseOutcome.RefusedAfterDiscussion).Should().Be(CaseEnd.Refused);
        CaseEnds.Of(CaseState.Declined, CaseOutcome.ExcludedWithReferral).Should().Be(CaseEnd.Excluded);
        CaseEnds.Of(CaseState.Cancelled, CaseOutcome.Cancelled).Should().Be(CaseEnd.Cancelled);
        CaseEnds.Of(CaseState.Closed, CaseOutcome.InterruptedByBeneficiary).Should().Be(CaseEnd.Interrupted);
        CaseEnds.Of(CaseState.Closed, CaseOutcome.Completed).Should().Be(CaseEnd.Completed);
        Enum.GetValues<CaseOutcome>().Select(o => CaseEnds.Of(CaseState.Closed, o)).Should().OnlyHaveUniqueItems("each outcome has its own end");
    }

    [Fact]
    public void A_small_department_is_withheld_and_so_is_a_complement_so_that_subtraction_fails()
    {
        var specs = Population().Concat(Many(2, new Spec(3, "Achats", Management, CaseState.Proposed))).ToList();
        var facts = Facts(specs);

        var report = ProgrammeReport.Compute(facts, Five);

        report.ByDepartment.Single(d => d.Department == "Achats").Cases.Should().BeNull();
        report.ByDepartment.Count(d => d.Cases is null).Should().BeGreaterThan(1, "the total minus the shown departments would give the small one");
        report.ByMonth.Single(m => m.Month == 3).Cases.Should().BeNull();
        report.ByMonth.Count(m => m.Cases is null).Should().BeGreaterThan(1);
        var table = ProgrammeReport.Tabulate(facts);
        table.RecoverableSmallGroups(table.Suppress(Five).Hidden, Five).Should().BeEmpty();
    }

    [Fact]
    public void A_rate_or_median_over_fewer_cases_than_the_threshold_is_withheld_and_nothing_small_is_recoverable()
    {
        // 3 refused, 4 with an interview: small groups among 40.
        var specs = Population()
            .Concat(Many(3, new Spec(3, "Ventes", Management, CaseState.Declined, CaseOutcome.RefusedAfterDiscussion)))
            .Select((s, i) => i < 4 ? s : s with { DaysToInterview = null })
            .ToList();
        var facts = Facts(specs);

        var report = ProgrammeReport.Compute(facts, Five);

        report.Ends.Single(e => e.End == CaseEnd.Refused).Cases.Should().BeNull();
        report.Ends.Count(e => e.Cases is null).Should().BeGreaterThan(1);
        report.MedianDaysToInterview.Should().Be(ReportValue.Withheld);
        var table = ProgrammeReport.Tabulate(facts);
        table.RecoverableSmallGroups(table.Suppress(Five).Hidden, Five).Should().BeEmpty();
    }

    [Fact]
    public void A_year_under_the_threshold_shows_no_figure()
    {
        var report = ProgrammeReport.Compute(Facts(Many(4, new Spec(1, "Ventes", Management, CaseState.Closed, CaseOutcome.Completed, 3, 7, Used: 60))), Five);

        report.Total.Should().BeNull();
        report.ByMonth.Should().OnlyContain(m => m.Cases == null || m.Cases == 0);
        report.AcceptanceRate.Value.Should().BeNull();
        report.MedianDaysToFirstSession.Should().Be(ReportValue.Withheld);
        report.MedianShareOfBudgetUsed.Value.Should().BeNull();
        report.Objectives.Should().OnlyContain(o => o.Cases == null || o.Cases == 0);
    }

    [Fact]
    public void An_empty_year_shows_zeros_and_no_rate()
    {
        var report = ProgrammeReport.Compute(Facts([]), Five);

        report.Total.Should().Be(0);
        report.AcceptanceRate.Should().Be(new ReportValue(0, null));
        report.MedianDaysToInterview.Should().Be(new ReportValue(0, null));
    }

    [Theory]
    [InlineData(new[] { 3.0 }, new[] { 1 }, 3.0)]
    [InlineData(new[] { 1.0, 9.0 }, new[] { 1, 1 }, 5.0)]
    [InlineData(new[] { 9.0, 1.0, 2.0 }, new[] { 1, 1, 5 }, 2.0)]
    public void The_median_weighs_each_value_by_its_cases(double[] values, int[] cases, double median) =>
        ProgrammeReport.Median(values.Zip(cases)).Should().Be(median);
}
