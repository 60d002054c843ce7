using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class StoppingTests
{
    [Theory]
    [InlineData(CaseStep.Proposed, CaseState.Declined, CaseOutcome.DeclinedByBeneficiary)]
    [InlineData(CaseStep.WithIntervener, CaseState.Declined, CaseOutcome.DeclinedByBeneficiary)]
    [InlineData(CaseStep.InPreliminaryInterview, CaseState.Declined, CaseOutcome.DeclinedByBeneficiary)]
    [InlineData(CaseStep.InterviewHeld, CaseState.Declined, CaseOutcome.StoppedAfterInterview)]
    [InlineData(CaseStep.Continued, CaseState.Declined, CaseOutcome.StoppedAfterInterview)]
    [InlineData(CaseStep.UnderDiscussion, CaseState.Declined, CaseOutcome.StoppedAfterInterview)]
    [InlineData(CaseStep.Accepted, CaseState.Closed, CaseOutcome.InterruptedByBeneficiary)]
    [InlineData(CaseStep.ObjectivesSet, CaseState.Closed, CaseOutcome.InterruptedByBeneficiary)]
    [InlineData(CaseStep.InSessions, CaseState.Closed, CaseOutcome.InterruptedByBeneficiary)]
    public void The_beneficiary_may_stop_at_any_time_and_the_outcome_follows_how_far_the_case_had_gone(CaseStep step, CaseState state, CaseOutcome outcome)
    {
        var coachingCase = At(step);
        var later = Now.AddDays(3);

        coachingCase.Stop(Beneficiary, later).ShouldSucceed();

        coachingCase.State.Should().Be(state);
        coachingCase.Outcome.Should().Be(outcome);
        coachingCase.EndedAt.Should().Be(later);
        coachingCase.History[^1].Trigger.Should().Be(CaseTrigger.Stop);
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.None, "no questions asked");
        coachingCase.CancellationReason.Should().BeNull("no questions asked");
    }

    [Theory]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Declined)]
    [InlineData(CaseStep.Cancelled)]
    public void An_ended_case_cannot_be_stopped(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Stop(Beneficiary, Now), CaseErrors.Ended);
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.OtherBeneficiary)]
    public void Only_the_beneficiary_stops(Who who)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.Stop(Of(who), Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.InPreliminaryInterview)]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.UnderDiscussion)]
    public void Hr_may_cancel_a_case_before_acceptance(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.Cancel(Hr, "  Réorganisation du service  ", Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Cancelled);
        coachingCase.Outcome.Should().Be(CaseOutcome.Cancelled);
        coachingCase.EndedAt.Should().Be(Now);
        coachingCase.CancellationReason.Should().Be("Réorganisation du service");
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.None, "HR's words live on the case, with their own visibility");
    }

    [Fact]
    public void Hr_may_cancel_without_a_reason()
    {
        var coachingCase = WithIntervener();

        coachingCase.Cancel(Hr, null, Now).ShouldSucceed();

        coachingCase.CancellationReason.Should().BeNull();
    }

    [Fact]
    public void A_cancellation_reason_longer_than_its_limit_is_refused()
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.Cancel(Hr, new string('a', 501), Now), CaseErrors.TextTooLong);
    }

    [Theory]
    [InlineData(CaseStep.Accepted)]
    [InlineData(CaseStep.ObjectivesSet)]
    [InlineData(CaseStep.InSessions)]
    public void Hr_cannot_cancel_an_accepted_case(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Cancel(Hr, null, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Declined)]
    [InlineData(CaseStep.Cancelled)]
    public void An_ended_case_cannot_be_cancelled(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Cancel(Hr, null, Now), CaseErrors.Ended);
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Admin)]
    public void Only_hr_cancels(Who who)
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.Cancel(Of(who), null, Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.WithIntervener)]
    public void A_manager_withdraws_their_own_proposal_while_it_is_proposed(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.Withdraw(Manager, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Cancelled);
        coachingCase.Outcome.Should().Be(CaseOutcome.Cancelled);
    }

    [Theory]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    public void Only_the_manager_who_proposed_withdraws_the_proposal(Who who)
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.Withdraw(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void A_proposal_made_by_hr_cannot_be_withdrawn_by_the_beneficiarys_manager()
    {
        var coachingCase = CoachingCase.Propose(Hr, CaseBuilder.BeneficiaryRef, Proposal(), BudgetBounds.Default, Now).Value;

        coachingCase.ShouldRefuse(() => coachingCase.Withdraw(Manager, Now), CaseErrors.NotAllowed);
    }

    [Theory]
    [InlineData(CaseStep.InPreliminaryInterview)]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.Accepted)]
    public void A_proposal_can_no_longer_be_withdrawn_once_the_beneficiary_agreed_to_meet(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Withdraw(Manager, Now), CaseErrors.NoLongerWithdrawable);
    }
}
