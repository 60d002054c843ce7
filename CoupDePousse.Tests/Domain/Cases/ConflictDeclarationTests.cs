using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>The assigned intervener's conflict-of-interest declaration: it comes before the interview, and a declared conflict waits on HR.</summary>
public class ConflictDeclarationTests
{
    private const string Reason = "Collaboration ancienne, sans lien hiérarchique aujourd'hui.";

    [Fact]
    public void An_assigned_intervener_has_not_declared_yet()
    {
        var coachingCase = WithIntervener();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.NotDeclared);
        coachingCase.ConflictDescription.Should().BeNull();
    }

    [Theory]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.InPreliminaryInterview)]
    public void The_assigned_intervener_declares_no_conflict_once_assigned_and_before_the_interview(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.DeclareNoConflict(Intervener, Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.NoConflict);
        coachingCase.History[^1].Trigger.Should().Be(CaseTrigger.DeclareNoConflict);
    }

    [Fact]
    public void A_declared_conflict_keeps_its_description_for_its_author_and_the_history_only_its_trigger()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.DeclareConflict(Intervener, $"  {ConflictDescription}  ", Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.ConflictDeclared);
        coachingCase.ConflictDescription.Should().Be(ConflictDescription);
        coachingCase.History[^1].Trigger.Should().Be(CaseTrigger.DeclareConflict);
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.None);
    }

    [Fact]
    public void A_conflict_needs_a_description_within_its_limit()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.DeclareConflict(Intervener, "  ", Now), CaseErrors.ConflictDescriptionRequired);
        coachingCase.ShouldRefuse(() => coachingCase.DeclareConflict(Intervener, new string('a', TextLimits.ConflictDescription + 1), Now), CaseErrors.TextTooLong);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Admin)]
    public void Only_the_assigned_intervener_declares(Who who)
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.DeclareNoConflict(Of(who), Now), RefusalTo(who));
        coachingCase.ShouldRefuse(() => coachingCase.DeclareConflict(Of(who), ConflictDescription, Now), RefusalTo(who));
    }

    [Fact]
    public void The_interview_waits_for_the_declaration()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, 60, Now), CaseErrors.ConflictDeclarationRequired);
        coachingCase.AvailableTriggers(Intervener).Should().NotContain(CaseTrigger.RecordInterview);
    }

    [Fact]
    public void A_declared_conflict_blocks_the_interview_until_hr_overrides_it()
    {
        var coachingCase = WithDeclaredConflict();
        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, 60, Now), CaseErrors.ConflictDeclarationRequired);

        coachingCase.OverrideDeclaredConflict(Hr, Reason, Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.ConflictOverridden);
        coachingCase.ConflictDescription.Should().Be(ConflictDescription, "HR's decision leaves the intervener's own words as they were");
        coachingCase.RecordInterview(Intervener, Today, 60, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public void Only_hr_overrides_a_declared_conflict(Who who)
    {
        var coachingCase = WithDeclaredConflict();

        coachingCase.ShouldRefuse(() => coachingCase.OverrideDeclaredConflict(Of(who), Reason, Now), RefusalTo(who));
    }

    [Fact]
    public void Hr_overrides_only_with_a_reason_within_its_limit()
    {
        var coachingCase = WithDeclaredConflict();

        coachingCase.ShouldRefuse(() => coachingCase.OverrideDeclaredConflict(Hr, " ", Now), CaseErrors.DeclaredConflictOverrideReasonRequired);
        coachingCase.ShouldRefuse(() => coachingCase.OverrideDeclaredConflict(Hr, new string('r', TextLimits.ConflictOverrideReason + 1), Now), CaseErrors.TextTooLong);
    }

    [Theory]
    [InlineData(CaseStep.InPreliminaryInterview)]
    [InlineData(CaseStep.ReadyForInterview)]
    public void Hr_overrides_only_a_declared_conflict(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.OverrideDeclaredConflict(Hr, Reason, Now), CaseErrors.NoDeclaredConflict);
    }

    [Fact]
    public void An_intervener_who_declared_no_conflict_may_still_declare_one_before_the_interview()
    {
        var coachingCase = ReadyForInterview();

        coachingCase.DeclareConflict(Intervener, ConflictDescription, Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.ConflictDeclared);
        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, 60, Now), CaseErrors.ConflictDeclarationRequired);
    }

    [Fact]
    public void A_new_conflict_after_hr_overrode_one_waits_on_hr_again()
    {
        var coachingCase = WithDeclaredConflict();
        coachingCase.OverrideDeclaredConflict(Hr, Reason, Now).ShouldSucceed();

        coachingCase.DeclareConflict(Intervener, "Un autre lien, appris depuis.", Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.ConflictDeclared);
        coachingCase.ConflictDescription.Should().Be("Un autre lien, appris depuis.");
    }

    [Fact]
    public void An_intervener_may_take_back_a_conflict_hr_has_not_decided_and_the_description_goes()
    {
        var coachingCase = WithDeclaredConflict();

        coachingCase.DeclareNoConflict(Intervener, Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.NoConflict);
        coachingCase.ConflictDescription.Should().BeNull();
    }

    [Fact]
    public void No_conflict_is_declared_once()
    {
        var coachingCase = ReadyForInterview();

        coachingCase.ShouldRefuse(() => coachingCase.DeclareNoConflict(Intervener, Now), CaseErrors.NoConflictAlreadyDeclared);
    }

    [Fact]
    public void A_conflict_hr_overrode_is_not_taken_back_by_declaring_none()
    {
        var coachingCase = WithDeclaredConflict();
        coachingCase.OverrideDeclaredConflict(Hr, Reason, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.DeclareNoConflict(Intervener, Now), CaseErrors.DeclaredConflictAlreadyDecided);
    }

    [Fact]
    public void Once_the_interview_is_recorded_the_declaration_is_closed()
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.DeclareConflict(Intervener, ConflictDescription, Now), CaseErrors.InterviewAlreadyHeld);
        coachingCase.ShouldRefuse(() => coachingCase.DeclareNoConflict(Intervener, Now), CaseErrors.InterviewAlreadyHeld);
    }

    [Fact]
    public void Reassigning_resets_the_declaration_for_the_new_intervener()
    {
        var coachingCase = WithDeclaredConflict();

        coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now).ShouldSucceed();

        coachingCase.ConflictDeclaration.Should().Be(ConflictDeclarationStatus.NotDeclared);
        coachingCase.ConflictDescription.Should().BeNull();
        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(OtherIntervener, Today, 60, Now), CaseErrors.ConflictDeclarationRequired);
        coachingCase.DeclareNoConflict(OtherIntervener, Now).ShouldSucceed();
    }

    [Fact]
    public void A_declared_conflict_makes_the_case_wait_on_hr_who_decides_it()
    {
        var coachingCase = WithDeclaredConflict();

        coachingCase.WaitingOn.Should().Be(WaitingParty.HR);
        coachingCase.Progress.ForCompany.Should().Be(NextStep.DecideConflict);
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.WaitConflictDecision);
    }
}
