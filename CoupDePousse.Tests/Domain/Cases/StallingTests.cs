using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Which case is stalled given its state and since when, and who is due a nudge: the rule the job, HR's flag and the SQL share.</summary>
public class StallingTests
{
    private static readonly StallingRules Rules = StallingRules.Default;

    [Theory]
    [InlineData(CaseState.Proposed, 7)]
    [InlineData(CaseState.PreliminaryInterview, 14)]
    [InlineData(CaseState.UnderDiscussion, 7)]
    [InlineData(CaseState.Accepted, 10)]
    [InlineData(CaseState.ObjectivesSet, 14)]
    [InlineData(CaseState.InSessions, 21)]
    public void A_case_is_stalled_once_it_has_not_moved_for_the_days_its_state_allows(CaseState state, int days)
    {
        Rules.IsStalled(state, Now.AddDays(-days).AddMinutes(1), Now).Should().BeFalse();
        Rules.IsStalled(state, Now.AddDays(-days), Now).Should().BeTrue();
    }

    [Theory]
    [InlineData(CaseState.Closed)]
    [InlineData(CaseState.Declined)]
    [InlineData(CaseState.Cancelled)]
    public void An_ended_case_never_stalls_nor_nudges(CaseState state)
    {
        Rules.IsStalled(state, Now.AddYears(-1), Now).Should().BeFalse();
        Rules.IsDueForNudge(state, WaitingParty.HR, Now.AddYears(-1), Now).Should().BeFalse();
        Rules.DaysFor(state).Should().BeNull();
    }

    [Fact]
    public void The_query_expression_says_the_same_as_the_rule()
    {
        var cases = new[] { Proposed(), WithIntervener(), InPreliminaryInterview(), UnderDiscussion(), Accepted(), ObjectivesSet(), InSessions(), Closed(), Declined() };
        foreach (var days in new[] { 0, 4, 5, 6, 8, 11, 15, 22, 400 })
        {
            var now = Now.AddDays(days);
            var stalled = Rules.Stalled(now).Compile();
            var nudge = Rules.DueForNudge(now).Compile();
            foreach (var coachingCase in cases)
            {
                stalled(coachingCase).Should().Be(Rules.IsStalled(coachingCase.State, coachingCase.StateEnteredAt, now));
                nudge(coachingCase).Should().Be(Rules.IsDueForNudge(coachingCase.State, coachingCase.WaitingOn, coachingCase.StateEnteredAt, now));
            }
        }
    }

    [Fact]
    public void A_party_is_nudged_after_the_nudge_delay_of_waiting()
    {
        var coachingCase = WithIntervener();
        coachingCase.WaitingOn.Should().Be(WaitingParty.Beneficiary);

        Rules.IsDueForNudge(coachingCase.State, coachingCase.WaitingOn, coachingCase.StateEnteredAt, coachingCase.StateEnteredAt.AddDays(4)).Should().BeFalse();
        Rules.IsDueForNudge(coachingCase.State, coachingCase.WaitingOn, coachingCase.StateEnteredAt, coachingCase.StateEnteredAt.AddDays(6)).Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    [InlineData(-3)]
    public void Every_delay_is_between_one_and_365_days(int days)
    {
        StallingRules.Create(days, 14, 7, 10, 14, 21, 5).ShouldBeRefusedWith(StallingRules.InvalidDays);
        StallingRules.Create(7, 14, 7, 10, 14, 21, days).ShouldBeRefusedWith(StallingRules.InvalidDays);
        StallingRules.Create(1, 365, 7, 10, 14, 21, 5).ShouldSucceed().PreliminaryInterviewDays.Should().Be(365);
    }

    [Fact]
    public void Days_without_movement_count_whole_days()
    {
        StallingRules.DaysWithoutMovement(Now.AddDays(-8).AddHours(-3), Now).Should().Be(8);
        StallingRules.DaysWithoutMovement(Now.AddHours(1), Now).Should().Be(0);
    }
}
