using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class AssignmentTests
{
    [Fact]
    public void Hr_assigns_an_intervener_who_covers_one_of_the_cases_domains_and_has_capacity()
    {
        var coachingCase = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef,
            Proposal(CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions), BudgetBounds.Default, Now).Value;

        var result = coachingCase.AssignIntervener(Hr, Candidate(activeCases: 4, capacity: 5, domains: [CoachingDomain.StressAndEmotions]), ManagerId, Now);

        result.ShouldSucceed();
        coachingCase.IntervenerId.Should().Be(IntervenerId);
        coachingCase.State.Should().Be(CaseState.Proposed);
        coachingCase.Version.Should().Be(1);
    }

    [Fact]
    public void An_intervener_who_covers_none_of_the_cases_domains_cannot_be_assigned()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(
            () => coachingCase.AssignIntervener(Hr, Candidate(domains: [CoachingDomain.StrategyAndTactics, CoachingDomain.StressAndEmotions]), ManagerId, Now),
            CaseErrors.DomainsNotCovered);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    [InlineData(1, 1)]
    public void An_intervener_with_no_capacity_left_cannot_be_assigned(int activeCases, int capacity)
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(
            () => coachingCase.AssignIntervener(Hr, Candidate(activeCases: activeCases, capacity: capacity), ManagerId, Now),
            CaseErrors.IntervenerFull);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Admin)]
    public void Only_hr_assigns_an_intervener(Who who)
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Of(who), Candidate(), ManagerId, Now), RefusalTo(who));
    }

    [Fact]
    public void Assigning_the_intervener_already_assigned_is_refused()
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, Candidate(), ManagerId, Now), CaseErrors.AlreadyAssigned);
    }

    [Theory]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.InPreliminaryInterview)]
    public void Hr_may_reassign_the_intervener_before_the_interview(CaseStep step)
    {
        var coachingCase = At(step);
        var state = coachingCase.State;

        coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now).ShouldSucceed();

        coachingCase.IntervenerId.Should().Be(OtherIntervenerId);
        coachingCase.State.Should().Be(state);
        coachingCase.IsAssignedIntervener(Intervener).Should().BeFalse();
        coachingCase.IsAssignedIntervener(OtherIntervener).Should().BeTrue();
    }

    [Fact]
    public void A_replaced_intervener_can_no_longer_act_on_the_case()
    {
        var coachingCase = InPreliminaryInterview();
        coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, 60, Now), CaseErrors.NotAllowed);
        coachingCase.ShouldRefuse(() => coachingCase.DeclareNoConflict(Intervener, Now), CaseErrors.NotAllowed);
        coachingCase.DeclareNoConflict(OtherIntervener, Now).ShouldSucceed();
        coachingCase.RecordInterview(OtherIntervener, Today, 60, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.Continued)]
    public void The_intervener_cannot_be_reassigned_once_the_interview_is_recorded(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now), CaseErrors.InterviewAlreadyHeld);
    }

    [Theory]
    [InlineData(CaseStep.UnderDiscussion)]
    [InlineData(CaseStep.Accepted)]
    [InlineData(CaseStep.ObjectivesSet)]
    [InlineData(CaseStep.InSessions)]
    public void The_intervener_cannot_be_reassigned_after_the_preliminary_step(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Declined)]
    [InlineData(CaseStep.Cancelled)]
    public void No_intervener_is_assigned_to_an_ended_case(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now), CaseErrors.Ended);
    }

    [Fact]
    public void The_beneficiary_agrees_to_meet_the_assigned_intervener()
    {
        var coachingCase = WithIntervener();

        coachingCase.AgreeToMeet(Beneficiary, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.PreliminaryInterview);
        coachingCase.Outcome.Should().BeNull();
    }

    [Fact]
    public void The_beneficiary_cannot_agree_to_meet_before_an_intervener_is_assigned()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AgreeToMeet(Beneficiary, Now), CaseErrors.IntervenerRequired);
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.OtherBeneficiary)]
    public void Only_the_beneficiary_agrees_to_meet(Who who)
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.AgreeToMeet(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void Agreeing_to_meet_twice_is_refused()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.AgreeToMeet(Beneficiary, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.WithIntervener)]
    public void The_beneficiary_declines_the_offer_and_the_case_ends(CaseStep step)
    {
        var coachingCase = At(step);
        var later = Now.AddDays(1);

        coachingCase.Decline(Beneficiary, later).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Declined);
        coachingCase.Outcome.Should().Be(CaseOutcome.DeclinedByBeneficiary);
        coachingCase.EndedAt.Should().Be(later);
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.None, "no reason is owed for declining");
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.OtherBeneficiary)]
    public void Only_the_beneficiary_declines_the_offer(Who who)
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.Decline(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void The_offer_can_no_longer_be_declined_once_the_beneficiary_agreed_to_meet()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.Decline(Beneficiary, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void A_declined_case_cannot_be_declined_again()
    {
        var coachingCase = Declined();

        coachingCase.ShouldRefuse(() => coachingCase.Decline(Beneficiary, Now), CaseErrors.Ended);
    }
}
