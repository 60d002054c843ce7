using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class AvailableTriggersTests
{
    [Fact]
    public void The_beneficiary_of_a_proposal_with_an_intervener_may_agree_to_meet_decline_or_stop()
    {
        WithIntervener().AvailableTriggers(Beneficiary).Should().Equal(CaseTrigger.AgreeToMeet, CaseTrigger.Decline, CaseTrigger.Stop);
    }

    [Fact]
    public void Hr_on_a_proposal_may_assign_cancel_exclude_or_set_the_budget()
    {
        WithIntervener().AvailableTriggers(Hr).Should().Equal(CaseTrigger.AssignIntervener, CaseTrigger.Cancel, CaseTrigger.Exclude, CaseTrigger.SetBudget);
    }

    [Fact]
    public void The_beneficiary_cannot_agree_to_meet_while_no_intervener_is_assigned()
    {
        Proposed().AvailableTriggers(Beneficiary).Should().Equal(CaseTrigger.Decline, CaseTrigger.Stop);
    }

    [Fact]
    public void The_manager_who_proposed_may_only_withdraw_while_it_is_proposed()
    {
        WithIntervener().AvailableTriggers(Manager).Should().Equal(CaseTrigger.Withdraw);
        InPreliminaryInterview().AvailableTriggers(Manager).Should().BeEmpty();
    }

    [Theory]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.UnderDiscussion)]
    [InlineData(CaseStep.InSessions)]
    [InlineData(CaseStep.Closed)]
    public void Users_without_a_relation_to_the_case_may_do_nothing(CaseStep step)
    {
        var coachingCase = At(step);

        foreach (var who in new[] { Who.Admin, Who.OtherManager, Who.OtherIntervener, Who.OtherBeneficiary })
        {
            coachingCase.AvailableTriggers(Of(who)).Should().BeEmpty("{0} has no relation to the case", who);
        }
    }

    [Fact]
    public void After_the_interview_the_beneficiary_may_continue_or_stop_and_once_continued_only_stop()
    {
        var coachingCase = InterviewHeld();
        coachingCase.AvailableTriggers(Beneficiary).Should().Equal(CaseTrigger.Continue, CaseTrigger.Stop);

        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();

        coachingCase.AvailableTriggers(Beneficiary).Should().Equal(CaseTrigger.Stop);
    }

    [Fact]
    public void The_intervener_before_the_interview_may_record_it_or_exclude()
    {
        ReadyForInterview().AvailableTriggers(Intervener).Should().Equal(CaseTrigger.DeclareConflict, CaseTrigger.RecordInterview, CaseTrigger.Exclude);
        InterviewHeld().AvailableTriggers(Intervener).Should().Equal(CaseTrigger.RecordVerdict, CaseTrigger.Exclude);
    }

    [Fact]
    public void The_assigned_intervener_declares_before_recording_the_interview()
    {
        WithIntervener().AvailableTriggers(Intervener).Should().Equal(CaseTrigger.DeclareNoConflict, CaseTrigger.DeclareConflict, CaseTrigger.Exclude);
        InPreliminaryInterview().AvailableTriggers(Intervener).Should().Equal(CaseTrigger.DeclareNoConflict, CaseTrigger.DeclareConflict, CaseTrigger.Exclude);
    }

    [Fact]
    public void A_declared_conflict_offers_hr_to_override_it_or_reassign_and_the_intervener_to_take_it_back_or_describe_it_again()
    {
        var coachingCase = WithDeclaredConflict();

        coachingCase.AvailableTriggers(Hr).Should().Equal(
            CaseTrigger.AssignIntervener, CaseTrigger.OverrideDeclaredConflict, CaseTrigger.Cancel, CaseTrigger.Exclude, CaseTrigger.SetBudget);
        coachingCase.AvailableTriggers(Intervener).Should().Equal(CaseTrigger.DeclareNoConflict, CaseTrigger.DeclareConflict, CaseTrigger.Exclude);
        coachingCase.AvailableTriggers(Beneficiary).Should().Equal(CaseTrigger.Stop);
    }

    [Fact]
    public void Under_discussion_a_party_that_has_ruled_may_no_longer_rule()
    {
        var coachingCase = UnderDiscussion();
        coachingCase.AvailableTriggers(Hr).Should().Equal(
            CaseTrigger.Cancel, CaseTrigger.RuleAccept, CaseTrigger.RuleDecline, CaseTrigger.Exclude, CaseTrigger.SetBudget);

        coachingCase.RuleAccept(Hr, Now).ShouldSucceed();

        coachingCase.AvailableTriggers(Hr).Should().Equal(CaseTrigger.Cancel, CaseTrigger.Exclude, CaseTrigger.SetBudget);
        coachingCase.AvailableTriggers(Intervener).Should().Equal(CaseTrigger.RuleAccept, CaseTrigger.RuleDecline, CaseTrigger.Exclude);
    }

    [Fact]
    public void In_sessions_the_intervener_works_hr_waits_for_an_extension_request_and_the_beneficiary_may_stop()
    {
        var coachingCase = InSessions();

        coachingCase.AvailableTriggers(Intervener).Should().Equal(
            CaseTrigger.DraftObjectives, CaseTrigger.LogSession, CaseTrigger.WriteSessionNote, CaseTrigger.RequestExtension, CaseTrigger.Close);
        coachingCase.AvailableTriggers(Hr).Should().BeEmpty();
        coachingCase.AvailableTriggers(Beneficiary).Should().Equal(
            CaseTrigger.Stop, CaseTrigger.SetObjectives, CaseTrigger.ShareObjectives, CaseTrigger.RateObjectives);

        coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now).ShouldSucceed();

        coachingCase.AvailableTriggers(Hr).Should().Equal(CaseTrigger.ApproveExtension, CaseTrigger.RejectExtension);
        coachingCase.AvailableTriggers(Intervener).Should().NotContain(CaseTrigger.RequestExtension);
    }

    [Fact]
    public void On_a_closed_case_only_the_beneficiary_may_still_share_rate_and_answer_the_satisfaction_question()
    {
        var coachingCase = Closed();

        coachingCase.AvailableTriggers(Beneficiary).Should().Equal(CaseTrigger.ShareObjectives, CaseTrigger.RateObjectives, CaseTrigger.DraftCompanyText, CaseTrigger.RateSatisfaction);
        coachingCase.AvailableTriggers(Intervener).Should().Equal(CaseTrigger.DraftCompanyText);
        coachingCase.AvailableTriggers(Hr).Should().BeEmpty();
        coachingCase.AvailableTriggers(Manager).Should().BeEmpty();
    }

    [Fact]
    public void Automatic_triggers_and_creation_are_never_offered_to_anyone()
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Hr, Now).ShouldSucceed();

        foreach (var who in Enum.GetValues<Who>())
        {
            coachingCase.AvailableTriggers(Of(who)).Should().NotContain(t => t.IsAutomatic() || t == CaseTrigger.Propose);
        }
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.InPreliminaryInterview)]
    [InlineData(CaseStep.ReadyForInterview)]
    [InlineData(CaseStep.WithDeclaredConflict)]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.Continued)]
    [InlineData(CaseStep.UnderDiscussion)]
    [InlineData(CaseStep.Accepted)]
    [InlineData(CaseStep.ObjectivesSet)]
    [InlineData(CaseStep.InSessions)]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Declined)]
    [InlineData(CaseStep.Cancelled)]
    public void Every_offered_trigger_succeeds_and_every_other_one_is_refused(CaseStep step)
    {
        var mismatches = new List<string>();
        foreach (var who in Enum.GetValues<Who>())
        {
            var offered = At(step).AvailableTriggers(Of(who));
            foreach (var trigger in CaseTriggers.UserTriggers)
            {
                var result = Perform(At(step), trigger, Of(who));
                if (result.IsSuccess != offered.Contains(trigger))
                {
                    mismatches.Add($"{who} {trigger}: offered {offered.Contains(trigger)}, performed {result.Error?.Code ?? "ok"}");
                }
            }
        }

        mismatches.Should().BeEmpty();
    }

    /// <summary>Fires the operation behind a trigger with valid input, so that only role, relation and state can refuse it.</summary>
    internal static Result Perform(CoachingCase c, CaseTrigger trigger, Actor actor) => trigger switch
    {
        CaseTrigger.AssignIntervener => c.AssignIntervener(actor, Candidate("intervener-3"), ManagerId, Now),
        CaseTrigger.DeclareNoConflict => c.DeclareNoConflict(actor, Now),
        CaseTrigger.DeclareConflict => c.DeclareConflict(actor, ConflictDescription, Now),
        CaseTrigger.OverrideDeclaredConflict => c.OverrideDeclaredConflict(actor, "Lien ancien", Now),
        CaseTrigger.AgreeToMeet => c.AgreeToMeet(actor, Now),
        CaseTrigger.Decline => c.Decline(actor, Now),
        CaseTrigger.Withdraw => c.Withdraw(actor, Now),
        CaseTrigger.Cancel => c.Cancel(actor, null, Now),
        CaseTrigger.RecordInterview => c.RecordInterview(actor, Today, 60, Now),
        CaseTrigger.Continue => c.Continue(actor, Now),
        CaseTrigger.Stop => c.Stop(actor, Now),
        CaseTrigger.RecordVerdict => c.RecordVerdict(actor,
            actor.Role == Role.HR ? AcceptanceCriterion.AffectsWork : AcceptanceCriterion.PersonInvolved, true, null, Now),
        CaseTrigger.RuleAccept => c.RuleAccept(actor, Now),
        CaseTrigger.RuleDecline => c.RuleDecline(actor, Now),
        CaseTrigger.Exclude => c.Exclude(actor, new Referral(ReferralKind.Other, "Orientation"), Now),
        CaseTrigger.SetBudget => c.SetBudget(actor, 240, BudgetBounds.Default, Now),
        CaseTrigger.DraftObjectives => c.DraftObjectives(actor, Objectives, Now),
        CaseTrigger.SetObjectives => c.SetObjectives(actor, Objectives, StartingScores(Objectives), Now),
        CaseTrigger.ShareObjectives => c.ShareObjectives(actor, true, Now),
        CaseTrigger.LogSession => c.LogSession(actor, Today, 15, SessionMode.Video, Now),
        CaseTrigger.WriteSessionNote => c.WriteSessionNote(actor, c.Sessions.FirstOrDefault()?.Id ?? Guid.NewGuid(), "Note", Now),
        CaseTrigger.RequestExtension => c.RequestExtension(actor, 15, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now),
        CaseTrigger.ApproveExtension => c.ApproveExtension(actor, Now),
        CaseTrigger.RejectExtension => c.RejectExtension(actor, Now),
        CaseTrigger.Close => c.Close(actor, "Synthèse", Now),
        CaseTrigger.DraftCompanyText => c.DraftCompanyText(actor, "Texte pour l'entreprise", Now),
        CaseTrigger.ApproveCompanyText => c.ApproveCompanyText(actor, Now),
        CaseTrigger.WithdrawCompanyTextApproval => c.WithdrawCompanyTextApproval(actor, Now),
        CaseTrigger.AcceptAgreement => c.AcceptAgreement(actor, Now),
        CaseTrigger.RateObjectives => c.RateObjectives(actor,
            new Dictionary<Guid, ObjectiveAssessment> { [c.Objectives.FirstOrDefault()?.Id ?? Guid.NewGuid()] = new(ObjectiveRating.Reached, 7) }, Now),
        CaseTrigger.RateSatisfaction => c.RateSatisfaction(actor, 9, null, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "not a trigger a person fires"),
    };
}
