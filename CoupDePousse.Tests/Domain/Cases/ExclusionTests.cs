using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class ExclusionTests
{
    private static readonly Referral ToOccupationalHealth = new(ReferralKind.OccupationalHealth, "  Situation à voir avec la médecine du travail.  ");

    [Theory]
    [InlineData(CaseStep.WithIntervener, Who.Hr)]
    [InlineData(CaseStep.WithIntervener, Who.Intervener)]
    [InlineData(CaseStep.InPreliminaryInterview, Who.Intervener)]
    [InlineData(CaseStep.InterviewHeld, Who.Intervener)]
    [InlineData(CaseStep.InterviewHeld, Who.Hr)]
    [InlineData(CaseStep.UnderDiscussion, Who.Intervener)]
    [InlineData(CaseStep.UnderDiscussion, Who.Hr)]
    public void The_intervener_or_hr_excludes_a_case_before_acceptance_with_a_referral(CaseStep step, Who who)
    {
        var coachingCase = At(step);

        coachingCase.Exclude(Of(who), ToOccupationalHealth, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Declined);
        coachingCase.Outcome.Should().Be(CaseOutcome.ExcludedWithReferral);
        coachingCase.Referral.Should().Be(new Referral(ReferralKind.OccupationalHealth, "Situation à voir avec la médecine du travail."));
        coachingCase.EndedAt.Should().Be(Now);
    }

    [Fact]
    public void Hr_may_exclude_a_proposal_that_has_no_intervener_yet()
    {
        var coachingCase = Proposed();

        coachingCase.Exclude(Hr, new Referral(ReferralKind.EmployeeAssistance, "Programme d'aide aux salariés"), Now).ShouldSucceed();

        coachingCase.Outcome.Should().Be(CaseOutcome.ExcludedWithReferral);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_exclusion_needs_a_referral_note(string note)
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Intervener, new Referral(ReferralKind.MedicalOrPsychologicalCare, note), Now), CaseErrors.ReferralNoteRequired);
    }

    [Fact]
    public void A_referral_note_longer_than_its_limit_is_refused()
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Intervener, new Referral(ReferralKind.Other, new string('a', 1001)), Now), CaseErrors.TextTooLong);
    }

    [Theory]
    [InlineData(CaseStep.Accepted)]
    [InlineData(CaseStep.ObjectivesSet)]
    [InlineData(CaseStep.InSessions)]
    public void A_case_cannot_be_excluded_after_acceptance(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Intervener, ToOccupationalHealth, Now), CaseErrors.WrongState);
        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Hr, ToOccupationalHealth, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Declined)]
    [InlineData(CaseStep.Cancelled)]
    public void An_ended_case_cannot_be_excluded(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Hr, ToOccupationalHealth, Now), CaseErrors.Ended);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Admin)]
    public void Only_the_intervener_or_hr_may_exclude(Who who)
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Of(who), ToOccupationalHealth, Now), RefusalTo(who));
    }
}
