using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class AcceptanceTests
{
    [Theory]
    [InlineData(AcceptanceCriterion.FitsShortFormat, 1, true, true)]
    [InlineData(AcceptanceCriterion.AffectsWork, 2, true, false)]
    [InlineData(AcceptanceCriterion.FullyAccepted, 3, true, true)]
    [InlineData(AcceptanceCriterion.RealisticObjectives, 4, true, true)]
    [InlineData(AcceptanceCriterion.PersonInvolved, 5, false, true)]
    [InlineData(AcceptanceCriterion.ImprovementInProspect, 6, false, true)]
    [InlineData(AcceptanceCriterion.TimelyAvailability, 7, true, false)]
    public void Each_criterion_is_owned_by_the_parties_of_the_briefs_table(AcceptanceCriterion criterion, int number, bool company, bool intervener)
    {
        ((int)criterion).Should().Be(number);
        criterion.IsOwnedBy(Party.Company).Should().Be(company);
        criterion.IsOwnedBy(Party.Intervener).Should().Be(intervener);
        AcceptanceCriteria.Describe(criterion).French.Should().NotBeNullOrWhiteSpace();
        AcceptanceCriteria.Describe(criterion).English.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void There_are_seven_criteria_and_ten_verdicts_to_collect()
    {
        AcceptanceCriteria.All.Should().HaveCount(7);
        AcceptanceCriteria.RequiredVerdicts.Should().HaveCount(10);
    }

    [Fact]
    public void Each_owner_records_its_verdict_with_an_optional_comment()
    {
        var coachingCase = Continued();

        coachingCase.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, "  Impact sur l'équipe  ", Now).ShouldSucceed();
        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.FitsShortFormat, true, null, Now).ShouldSucceed();

        var company = coachingCase.VerdictOf(AcceptanceCriterion.AffectsWork, Party.Company)!;
        company.Validated.Should().BeTrue();
        company.Comment.Should().Be("Impact sur l'équipe");
        company.RecordedBy.Should().Be(HrId);
        var intervener = coachingCase.VerdictOf(AcceptanceCriterion.FitsShortFormat, Party.Intervener)!;
        intervener.Comment.Should().BeNull();
        intervener.RecordedBy.Should().Be(IntervenerId);
        coachingCase.VerdictOf(AcceptanceCriterion.FitsShortFormat, Party.Company).Should().BeNull("each party has its own verdict");
    }

    [Theory]
    [InlineData(AcceptanceCriterion.PersonInvolved)]
    [InlineData(AcceptanceCriterion.ImprovementInProspect)]
    public void Hr_cannot_record_a_verdict_on_a_criterion_only_the_intervener_owns(AcceptanceCriterion criterion)
    {
        var coachingCase = Continued();

        coachingCase.ShouldRefuse(() => coachingCase.RecordVerdict(Hr, criterion, true, null, Now), CaseErrors.NotCriterionOwner);
    }

    [Theory]
    [InlineData(AcceptanceCriterion.AffectsWork)]
    [InlineData(AcceptanceCriterion.TimelyAvailability)]
    public void The_intervener_cannot_record_a_verdict_on_a_criterion_only_the_company_owns(AcceptanceCriterion criterion)
    {
        var coachingCase = Continued();

        coachingCase.ShouldRefuse(() => coachingCase.RecordVerdict(Intervener, criterion, false, null, Now), CaseErrors.NotCriterionOwner);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Admin)]
    public void Only_hr_and_the_assigned_intervener_record_verdicts(Who who)
    {
        var coachingCase = Continued();

        coachingCase.ShouldRefuse(() => coachingCase.RecordVerdict(Of(who), AcceptanceCriterion.FitsShortFormat, true, null, Now), RefusalTo(who));
    }

    [Fact]
    public void Verdicts_wait_for_the_preliminary_interview()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, null, Now), CaseErrors.InterviewRequired);
    }

    [Theory]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.UnderDiscussion)]
    [InlineData(CaseStep.Accepted)]
    public void Verdicts_are_recorded_only_during_the_preliminary_step(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, null, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void A_verdict_comment_longer_than_its_limit_is_refused()
    {
        var coachingCase = Continued();

        coachingCase.ShouldRefuse(
            () => coachingCase.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, new string('a', 1001), Now),
            CaseErrors.TextTooLong);
    }

    [Fact]
    public void A_verdict_can_be_updated_and_the_latest_counts()
    {
        var coachingCase = InterviewHeld();
        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, false, "À revoir", Now).ShouldSucceed();

        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, true, null, Now.AddHours(1)).ShouldSucceed();

        coachingCase.Verdicts.Should().ContainSingle(v => v.Criterion == AcceptanceCriterion.PersonInvolved);
        var verdict = coachingCase.VerdictOf(AcceptanceCriterion.PersonInvolved, Party.Intervener)!;
        verdict.Validated.Should().BeTrue();
        verdict.Comment.Should().BeNull();
        verdict.RecordedAt.Should().Be(Now.AddHours(1));
    }

    [Fact]
    public void A_refusal_corrected_before_continuing_no_longer_blocks_acceptance()
    {
        var coachingCase = InterviewHeld();
        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, false, null, Now).ShouldSucceed();
        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);

        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Accepted);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_continued_case_is_accepted_as_soon_as_every_owner_validated_every_criterion_in_any_order(bool continueFirst, bool companyFirst)
    {
        var coachingCase = InterviewHeld();
        if (continueFirst)
        {
            coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
        }

        ValidateAll(coachingCase, companyFirst ? Party.Company : Party.Intervener);
        ValidateAll(coachingCase, companyFirst ? Party.Intervener : Party.Company);
        coachingCase.State.Should().Be(continueFirst ? CaseState.Accepted : CaseState.PreliminaryInterview);

        if (!continueFirst)
        {
            coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
        }

        coachingCase.State.Should().Be(CaseState.Accepted);
        coachingCase.Outcome.Should().BeNull();
    }

    [Fact]
    public void Acceptance_waits_for_the_last_verdict()
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        foreach (var criterion in AcceptanceCriteria.OwnedBy(Party.Intervener).Where(c => c != AcceptanceCriterion.FitsShortFormat))
        {
            coachingCase.RecordVerdict(Intervener, criterion, true, null, Now).ShouldSucceed();
        }

        coachingCase.State.Should().Be(CaseState.PreliminaryInterview, "criterion 1 is owned by both parties and the intervener has not ruled on it");

        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.FitsShortFormat, true, null, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Accepted);
    }

    [Fact]
    public void Validated_criteria_do_not_accept_a_case_the_beneficiary_has_not_continued()
    {
        var coachingCase = InterviewHeld();

        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);

        coachingCase.State.Should().Be(CaseState.PreliminaryInterview);
    }

    [Theory]
    [InlineData(Party.Company, AcceptanceCriterion.FitsShortFormat)]
    [InlineData(Party.Company, AcceptanceCriterion.TimelyAvailability)]
    [InlineData(Party.Intervener, AcceptanceCriterion.ImprovementInProspect)]
    public void A_refusal_by_any_party_after_continuing_puts_the_case_under_discussion(Party party, AcceptanceCriterion criterion)
    {
        var coachingCase = Continued();

        coachingCase.RecordVerdict(party == Party.Company ? Hr : Intervener, criterion, false, null, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.UnderDiscussion);
        coachingCase.Outcome.Should().BeNull();
    }

    [Fact]
    public void A_refusal_before_continuing_leaves_the_case_at_the_interview_until_the_beneficiary_continues()
    {
        var coachingCase = InterviewHeld();
        coachingCase.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, false, null, Now).ShouldSucceed();
        coachingCase.State.Should().Be(CaseState.PreliminaryInterview);

        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.UnderDiscussion);
    }

    [Fact]
    public void A_refusal_weighs_even_when_every_other_verdict_is_validated()
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        foreach (var criterion in AcceptanceCriteria.OwnedBy(Party.Intervener).Where(c => c != AcceptanceCriterion.RealisticObjectives))
        {
            coachingCase.RecordVerdict(Intervener, criterion, true, null, Now).ShouldSucceed();
        }

        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.RealisticObjectives, false, null, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.UnderDiscussion);
    }
}
