using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class HistoryTests
{
    [Fact]
    public void Creation_is_recorded()
    {
        var coachingCase = Proposed();

        var record = coachingCase.History.Should().ContainSingle().Subject;
        record.At.Should().Be(ProposedAt);
        record.UserId.Should().Be(ManagerId);
        record.Role.Should().Be(Role.Manager);
        record.From.Should().Be(CaseState.Proposed);
        record.To.Should().Be(CaseState.Proposed);
        record.Trigger.Should().Be(CaseTrigger.Propose);
        record.Detail.Should().Be(TransitionDetail.None);
        coachingCase.StateEnteredAt.Should().Be(ProposedAt);
    }

    [Fact]
    public void A_transition_records_when_who_with_which_role_from_where_to_where_and_by_which_trigger()
    {
        var coachingCase = WithIntervener();
        var later = Now.AddDays(2);

        coachingCase.AgreeToMeet(Beneficiary, later).ShouldSucceed();

        var record = coachingCase.History[^1];
        record.At.Should().Be(later);
        record.UserId.Should().Be(BeneficiaryId);
        record.Role.Should().Be(Role.Beneficiary);
        record.From.Should().Be(CaseState.Proposed);
        record.To.Should().Be(CaseState.PreliminaryInterview);
        record.Trigger.Should().Be(CaseTrigger.AgreeToMeet);
        record.ChangedState.Should().BeTrue();
        coachingCase.StateEnteredAt.Should().Be(later);
    }

    [Fact]
    public void An_operation_that_keeps_the_state_is_recorded_without_moving_the_state_date()
    {
        var coachingCase = ReadyForInterview();
        var entered = coachingCase.StateEnteredAt;

        coachingCase.RecordInterview(Intervener, Today, 60, Now.AddHours(5)).ShouldSucceed();

        var record = coachingCase.History[^1];
        record.Trigger.Should().Be(CaseTrigger.RecordInterview);
        record.From.Should().Be(CaseState.PreliminaryInterview);
        record.To.Should().Be(CaseState.PreliminaryInterview);
        record.ChangedState.Should().BeFalse();
        record.UserId.Should().Be(IntervenerId);
        record.Role.Should().Be(Role.Intervener);
        coachingCase.StateEnteredAt.Should().Be(entered);
    }

    public static TheoryData<string> Operations => new(AcceptedOperations.Keys);

    private static readonly Dictionary<string, (Func<CoachingCase> Arrange, Func<CoachingCase, Result> Act, CaseTrigger Trigger)> AcceptedOperations = new()
    {
        ["AssignIntervener"] = (() => Proposed(), c => c.AssignIntervener(Hr, Candidate(), ManagerId, Now), CaseTrigger.AssignIntervener),
        ["DeclareNoConflict"] = (WithIntervener, c => c.DeclareNoConflict(Intervener, Now), CaseTrigger.DeclareNoConflict),
        ["DeclareConflict"] = (InPreliminaryInterview, c => c.DeclareConflict(Intervener, ConflictDescription, Now), CaseTrigger.DeclareConflict),
        ["OverrideDeclaredConflict"] = (() => WithDeclaredConflict(), c => c.OverrideDeclaredConflict(Hr, "Lien ancien", Now), CaseTrigger.OverrideDeclaredConflict),
        ["AgreeToMeet"] = (WithIntervener, c => c.AgreeToMeet(Beneficiary, Now), CaseTrigger.AgreeToMeet),
        ["Decline"] = (WithIntervener, c => c.Decline(Beneficiary, Now), CaseTrigger.Decline),
        ["Withdraw"] = (WithIntervener, c => c.Withdraw(Manager, Now), CaseTrigger.Withdraw),
        ["Cancel"] = (InterviewHeld, c => c.Cancel(Hr, null, Now), CaseTrigger.Cancel),
        ["RecordInterview"] = (ReadyForInterview, c => c.RecordInterview(Intervener, Today, 60, Now), CaseTrigger.RecordInterview),
        ["Continue"] = (InterviewHeld, c => c.Continue(Beneficiary, Now), CaseTrigger.Continue),
        ["Stop"] = (() => InSessions(), c => c.Stop(Beneficiary, Now), CaseTrigger.Stop),
        ["RecordVerdict"] = (InterviewHeld, c => c.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, null, Now), CaseTrigger.RecordVerdict),
        ["RuleAccept"] = (UnderDiscussion, c => c.RuleAccept(Hr, Now), CaseTrigger.RuleAccept),
        ["RuleDecline"] = (UnderDiscussion, c => c.RuleDecline(Intervener, Now), CaseTrigger.RuleDecline),
        ["Exclude"] = (InterviewHeld, c => c.Exclude(Intervener, new Referral(ReferralKind.Other, "Orientation"), Now), CaseTrigger.Exclude),
        ["SetBudget"] = (Accepted, c => c.SetBudget(Hr, 240, BudgetBounds.Default, Now), CaseTrigger.SetBudget),
        ["DraftObjectives"] = (Accepted, c => c.DraftObjectives(Intervener, Objectives, Now), CaseTrigger.DraftObjectives),
        ["SetObjectives"] = (Accepted, c => c.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now), CaseTrigger.SetObjectives),
        ["ShareObjectives"] = (ObjectivesSet, c => c.ShareObjectives(Beneficiary, true, Now), CaseTrigger.ShareObjectives),
        ["LogSession"] = (ObjectivesSet, c => c.LogSession(Intervener, Today, 60, SessionMode.Phone, Now), CaseTrigger.LogSession),
        ["RequestExtension"] = (() => InSessions(), c => c.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now), CaseTrigger.RequestExtension),
        ["ApproveExtension"] = (WithPendingExtension, c => c.ApproveExtension(Hr, Now), CaseTrigger.ApproveExtension),
        ["RejectExtension"] = (WithPendingExtension, c => c.RejectExtension(Hr, Now), CaseTrigger.RejectExtension),
        ["Close"] = (() => InSessions(), c => c.Close(Intervener, "Synthèse", Now), CaseTrigger.Close),
        ["DraftCompanyText"] = (Closed, c => c.DraftCompanyText(Intervener, "Texte pour l'entreprise", Now), CaseTrigger.DraftCompanyText),
        ["ApproveCompanyText"] = (() => WithCompanyTextDraft(), c => c.ApproveCompanyText(Beneficiary, Now), CaseTrigger.ApproveCompanyText),
        ["WithdrawCompanyTextApproval"] = (() => WithCompanyTextApproved(), c => c.WithdrawCompanyTextApproval(Beneficiary, Now), CaseTrigger.WithdrawCompanyTextApproval),
        ["RateObjectives"] = (Closed, c => c.RateObjectives(Beneficiary, new Dictionary<Guid, ObjectiveAssessment> { [c.Objectives[0].Id] = new(ObjectiveRating.Reached, 7) }, Now), CaseTrigger.RateObjectives),
        ["RateSatisfaction"] = (Closed, c => c.RateSatisfaction(Beneficiary, 9, "Merci", Now), CaseTrigger.RateSatisfaction),
        ["AcceptAgreement"] = (Accepted, c => c.AcceptAgreement(Beneficiary, Now), CaseTrigger.AcceptAgreement),
    };

    private static CoachingCase WithPendingExtension()
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now).ShouldSucceed();
        return coachingCase;
    }

    [Fact]
    public void Every_trigger_a_person_fires_is_covered_by_the_history_theory()
    {
        AcceptedOperations.Values.Select(o => o.Trigger).Should().BeEquivalentTo(
            CaseTriggers.UserTriggers.Except([CaseTrigger.WriteSessionNote]),
            "every operation must be shown to append to the history; notes are kept apart from the case");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_accepted_operation_appends_one_record_and_bumps_the_version(string operation)
    {
        var (arrange, act, trigger) = AcceptedOperations[operation];
        var coachingCase = arrange();
        var (count, version, state) = (coachingCase.History.Count, coachingCase.Version, coachingCase.State);

        act(coachingCase).ShouldSucceed();

        coachingCase.History.Should().HaveCount(count + 1);
        coachingCase.Version.Should().Be(version + 1);
        var record = coachingCase.History[^1];
        record.Trigger.Should().Be(trigger);
        record.From.Should().Be(state);
        record.To.Should().Be(coachingCase.State);
    }

    [Fact]
    public void Automatic_acceptance_is_recorded_after_the_operation_that_caused_it()
    {
        var coachingCase = InterviewHeld();
        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);
        var count = coachingCase.History.Count;

        coachingCase.Continue(Beneficiary, Now.AddDays(1)).ShouldSucceed();

        coachingCase.History.Skip(count).Select(h => (h.Trigger, h.From, h.To, h.UserId, h.At)).Should().Equal(
            (CaseTrigger.Continue, CaseState.PreliminaryInterview, CaseState.PreliminaryInterview, BeneficiaryId, Now.AddDays(1)),
            (CaseTrigger.AllCriteriaValidated, CaseState.PreliminaryInterview, CaseState.Accepted, BeneficiaryId, Now.AddDays(1)));
    }

    [Fact]
    public void An_automatic_move_to_discussion_is_recorded()
    {
        var coachingCase = Continued();
        var (count, version) = (coachingCase.History.Count, coachingCase.Version);

        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, false, "Commentaire confidentiel", Now).ShouldSucceed();

        coachingCase.History.Skip(count).Select(h => (h.Trigger, h.From, h.To, h.Role)).Should().Equal(
            (CaseTrigger.RecordVerdict, CaseState.PreliminaryInterview, CaseState.PreliminaryInterview, Role.Intervener),
            (CaseTrigger.CriterionRefused, CaseState.PreliminaryInterview, CaseState.UnderDiscussion, Role.Intervener));
        coachingCase.History[count].Detail.Should().Be(TransitionDetail.Verdict(AcceptanceCriterion.PersonInvolved, false), "the detail is the criterion and the verdict, never the comment");
        coachingCase.Version.Should().Be(version + 1, "one operation bumps the version once, however many records it writes");
    }

    [Fact]
    public void An_automatic_acceptance_after_discussion_is_recorded()
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Intervener, Now).ShouldSucceed();
        var count = coachingCase.History.Count;

        coachingCase.RuleAccept(Hr, Now).ShouldSucceed();

        coachingCase.History.Skip(count).Select(h => (h.Trigger, h.From, h.To, h.Role)).Should().Equal(
            (CaseTrigger.RuleAccept, CaseState.UnderDiscussion, CaseState.UnderDiscussion, Role.HR),
            (CaseTrigger.DiscussionAccepted, CaseState.UnderDiscussion, CaseState.Accepted, Role.HR));
    }

    [Fact]
    public void Records_carry_typed_details_where_the_operation_has_one()
    {
        var coachingCase = Accepted();
        coachingCase.SetBudget(Hr, 270, BudgetBounds.Default, Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Duration(270));

        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Revision(1));
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Revision(2));

        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Sharing(true));
        coachingCase.ShareObjectives(Beneficiary, false, Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Sharing(false));

        AcceptAgreementByAll(coachingCase);
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Agreement(2), "the version accepted: the budget change made an amendment");

        coachingCase.LogSession(Intervener, Today, 90, SessionMode.OnSite, Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Duration(90));
    }

    [Fact]
    public void Extension_records_carry_the_minutes_asked_approved_or_rejected()
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 45, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Duration(45));

        coachingCase.RejectExtension(Hr, Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Duration(45));

        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus", Now).ShouldSucceed();
        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();
        coachingCase.History[^1].Detail.Should().Be(TransitionDetail.Duration(60));
    }

    [Fact]
    public void A_history_record_holds_no_text_a_person_wrote()
    {
        // Free text has its own field and visibility on the case; the history is shown to everyone involved.
        typeof(TransitionDetail).GetProperties().Should().NotContain(p => p.PropertyType == typeof(string));
        typeof(TransitionRecord).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)
            .Should().Equal(nameof(TransitionRecord.UserId));
    }

    [Fact]
    public void The_history_of_a_full_case_is_a_continuous_chain_of_states()
    {
        var coachingCase = Closed();

        for (var i = 1; i < coachingCase.History.Count; i++)
        {
            coachingCase.History[i].From.Should().Be(coachingCase.History[i - 1].To, "record {0} starts where record {1} ended", i, i - 1);
        }

        coachingCase.History[0].Trigger.Should().Be(CaseTrigger.Propose);
        coachingCase.History[^1].To.Should().Be(coachingCase.State);
        coachingCase.History.Count(h => h.Trigger.IsAutomatic()).Should().Be(1);
    }
}
