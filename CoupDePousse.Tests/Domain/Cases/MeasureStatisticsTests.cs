using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>The company's view of the before/after scores and the satisfaction: averages over groups the small-group rule lets through.</summary>
public class MeasureStatisticsTests
{
    private static readonly SmallGroupThreshold Five = SmallGroupThreshold.Standard;
    private static readonly int Management = CoachingDomain.ManagementAndCommunication.Flag();
    private static readonly int Stress = CoachingDomain.StressAndEmotions.Flag();

    // One fact per case: one objective measured (change as given) and one satisfaction answer.
    private static IEnumerable<MeasureFact> Cases(string department, int domains, int count, int change, int satisfaction) =>
        Enumerable.Range(0, count).Select(_ => new MeasureFact(department, domains, 1, 1, change, 1, satisfaction, satisfaction >= Scores.Recommends ? 1 : 0));

    [Fact]
    public void Averages_over_enough_cases_are_shown()
    {
        var facts = Cases("Logistique", Management, 6, 3, 9).Concat(Cases("Ventes", Management, 6, 1, 7)).ToList();

        var summary = MeasureStatistics.Summarise(facts, Five);

        summary.Overall.Should().Be(new MeasureFigure(12, 2.0, 12, 8.0, 0.5));
        summary.ByDepartment["Logistique"].Should().Be(new MeasureFigure(6, 3.0, 6, 9.0, 1.0));
        summary.ByDepartment["Ventes"].AverageChange.Should().Be(1.0);
        summary.ByDomain[CoachingDomain.ManagementAndCommunication].AverageSatisfaction.Should().Be(8.0);
    }

    [Fact]
    public void No_average_is_shown_over_fewer_cases_than_the_threshold()
    {
        var summary = MeasureStatistics.Summarise(Cases("Logistique", Management, 4, 5, 10).ToList(), Five);

        summary.Overall.Should().Be(MeasureFigure.Withheld);
        summary.ByDepartment["Logistique"].Should().Be(MeasureFigure.Withheld);
    }

    [Fact]
    public void A_small_department_is_hidden_and_so_is_another_so_that_it_cannot_be_subtracted_from_the_total()
    {
        var facts = Cases("Logistique", Management, 10, 3, 9)
            .Concat(Cases("Ventes", Management, 8, 2, 8))
            .Concat(Cases("Direction", Management, 2, -4, 1))
            .ToList();

        var summary = MeasureStatistics.Summarise(facts, Five);

        summary.Overall.AverageChange.Should().NotBeNull();
        summary.ByDepartment["Direction"].Should().Be(MeasureFigure.Withheld);
        summary.ByDepartment["Ventes"].AverageChange.Should().BeNull("the total minus Logistique would otherwise give Direction's average");
        summary.ByDepartment["Logistique"].AverageChange.Should().Be(3.0);
    }

    [Fact]
    public void A_domain_whose_complement_is_a_small_group_is_hidden()
    {
        // Every case but three is in stress: the total minus the stress figure would describe those three.
        var facts = Cases("Logistique", Stress, 9, 3, 9).Concat(Cases("Logistique", Management, 3, -2, 2)).ToList();

        var summary = MeasureStatistics.Summarise(facts, Five);

        summary.Overall.AverageChange.Should().NotBeNull();
        summary.ByDomain[CoachingDomain.StressAndEmotions].AverageChange.Should().BeNull();
        summary.ByDomain[CoachingDomain.ManagementAndCommunication].AverageChange.Should().BeNull();
    }

    [Fact]
    public void Satisfaction_and_change_are_protected_apart_since_not_everyone_answers_both()
    {
        var measuredOnly = Enumerable.Range(0, 6).Select(_ => new MeasureFact("Logistique", Management, 1, 2, 4, 0, 0, 0));
        var answeredOnly = Enumerable.Range(0, 2).Select(_ => new MeasureFact("Logistique", Management, 0, 0, 0, 1, 10, 1));

        var summary = MeasureStatistics.Summarise([.. measuredOnly, .. answeredOnly], Five);

        summary.Overall.AverageChange.Should().Be(2.0);
        summary.Overall.MeasuredCases.Should().Be(6);
        summary.Overall.AverageSatisfaction.Should().BeNull();
        summary.Overall.RecommendingShare.Should().BeNull();
    }
}
