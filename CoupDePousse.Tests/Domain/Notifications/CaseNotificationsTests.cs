using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Notifications;

/// <summary>Who is told what when a case changes: whoever it now waits on, the people of an ended case, and a manager only coarsely.</summary>
public class CaseNotificationsTests
{
    private const string OtherHrId = "hr-2";
    private static readonly string[] HrMembers = [HrId, OtherHrId];

    private static Addressee To(string userId, NotificationKind kind) => new(userId, kind);

    /// <summary>Runs one operation on the case and returns the people told about the transitions it recorded.</summary>
    private static IReadOnlyList<Addressee> Told(CoachingCase coachingCase, Func<CoachingCase, Result> operation, IReadOnlyCollection<string>? hr = null)
    {
        var before = coachingCase.History.Count;
        operation(coachingCase).ShouldSucceed();
        return Addressed(coachingCase, coachingCase.History.Skip(before).ToList(), hr);
    }

    private static IReadOnlyList<Addressee> Addressed(CoachingCase coachingCase, IReadOnlyList<TransitionRecord> recorded, IReadOnlyCollection<string>? hr = null)
    {
        var after = NotifiedCase.Of(coachingCase);
        return CaseNotifications.Address(CaseNotifications.Derive(recorded, after), after, hr ?? HrMembers);
    }

    private static IReadOnlyList<Addressee> ToldOfProposal(Actor proposer, CoupDePousse.Domain.Cases.BeneficiaryRef beneficiary, IReadOnlyCollection<string>? hr = null)
    {
        var coachingCase = CoachingCase.Propose(proposer, beneficiary, Proposal(), BudgetBounds.Default, ProposedAt).ShouldSucceed();
        return Addressed(coachingCase, coachingCase.History, hr);
    }

    [Fact]
    public void A_manager_s_proposal_asks_every_hr_member_to_assign_and_the_beneficiary_to_answer_and_tells_the_manager_nothing()
    {
        ToldOfProposal(Manager, CaseBuilder.BeneficiaryRef).Should().BeEquivalentTo(
        [
            To(HrId, NotificationKind.InterveningToAssign),
            To(OtherHrId, NotificationKind.InterveningToAssign),
            To(BeneficiaryId, NotificationKind.ProposalToAnswer),
        ]);
    }

    [Fact]
    public void A_request_for_oneself_asks_hr_to_assign_and_has_no_proposer_to_tell()
    {
        ToldOfProposal(Beneficiary, CaseBuilder.BeneficiaryRef).Should().BeEquivalentTo([To(HrId, NotificationKind.InterveningToAssign), To(OtherHrId, NotificationKind.InterveningToAssign)]);
    }

    [Fact]
    public void A_proposal_by_hr_tells_the_other_hr_members_and_the_beneficiary_never_the_hr_member_who_proposed()
    {
        ToldOfProposal(Hr, CaseBuilder.BeneficiaryRef).Should().BeEquivalentTo([To(OtherHrId, NotificationKind.InterveningToAssign), To(BeneficiaryId, NotificationKind.ProposalToAnswer)]);
    }

    [Fact]
    public void An_hr_member_who_is_the_beneficiary_is_never_told_as_hr()
    {
        var told = ToldOfProposal(Manager, CaseBuilder.BeneficiaryRef, hr: [HrId, BeneficiaryId]);

        told.Should().NotContain(To(BeneficiaryId, NotificationKind.InterveningToAssign));
        told.Should().Contain(To(BeneficiaryId, NotificationKind.ProposalToAnswer));
    }

    [Fact]
    public void In_a_change_with_several_authors_each_is_kept_only_from_their_own_acts()
    {
        var coachingCase = WithIntervener();

        // The manager's proposal reaches every HR member, the one who then assigned included; the assignment reaches the others.
        Addressed(coachingCase, coachingCase.History).Should().BeEquivalentTo(
        [
            To(HrId, NotificationKind.InterveningToAssign),
            To(OtherHrId, NotificationKind.InterveningToAssign),
            To(BeneficiaryId, NotificationKind.ProposalToAnswer),
            To(IntervenerId, NotificationKind.IntervenerAssigned),
        ]);
    }

    [Fact]
    public void An_assignment_before_the_beneficiary_agreed_asks_them_to_answer_and_tells_the_intervener()
    {
        Told(Proposed(), c => c.AssignIntervener(Hr, Candidate(), ManagerId, Now)).Should().BeEquivalentTo(
            [To(IntervenerId, NotificationKind.IntervenerAssigned), To(BeneficiaryId, NotificationKind.ProposalToAnswer)]);
    }

    [Fact]
    public void A_new_intervener_after_the_beneficiary_agreed_is_told_to_both()
    {
        Told(InPreliminaryInterview(), c => c.AssignIntervener(Hr, Candidate(OtherIntervenerId), ManagerId, Now))
            .Should().BeEquivalentTo([To(OtherIntervenerId, NotificationKind.IntervenerAssigned), To(BeneficiaryId, NotificationKind.IntervenerAssigned)]);
    }

    [Fact]
    public void Agreeing_to_meet_asks_the_intervener_for_interview_times_and_tells_the_manager_only_that_the_proposal_is_in_progress()
    {
        Told(WithIntervener(), c => c.AgreeToMeet(Beneficiary, Now)).Should().BeEquivalentTo(
            [To(IntervenerId, NotificationKind.InterviewToPlan), To(ManagerId, NotificationKind.ProposalInProgress)]);
    }

    [Fact]
    public void Setting_the_first_objectives_asks_the_intervener_for_session_times()
    {
        Told(Accepted(), c => c.SetObjectives(Beneficiary, [new("Mener l'entretien", "Il a eu lieu")], [4], Now))
            .Should().Equal(To(IntervenerId, NotificationKind.SessionsToPlan));
    }

    [Fact]
    public void After_the_interview_the_beneficiary_has_a_decision_to_make()
    {
        Told(ReadyForInterview(), c => c.RecordInterview(Intervener, Today, 60, Now)).Should().Equal(To(BeneficiaryId, NotificationKind.DecisionToMake));
    }

    [Fact]
    public void A_declared_conflict_asks_every_hr_member_for_a_decision_and_tells_nobody_else()
    {
        Told(InPreliminaryInterview(), c => c.DeclareConflict(Intervener, ConflictDescription, Now))
            .Should().BeEquivalentTo([To(HrId, NotificationKind.ConflictToDecide), To(OtherHrId, NotificationKind.ConflictToDecide)]);
    }

    [Fact]
    public void Declaring_no_conflict_tells_nobody()
    {
        Told(InPreliminaryInterview(), c => c.DeclareNoConflict(Intervener, Now)).Should().BeEmpty();
    }

    [Fact]
    public void A_company_text_the_intervener_drafted_asks_the_beneficiary_for_approval()
    {
        Told(Closed(), c => c.DraftCompanyText(Intervener, "Un accompagnement utile.", Now))
            .Should().Equal(To(BeneficiaryId, NotificationKind.CompanyTextToApprove));
    }

    [Fact]
    public void The_beneficiary_is_not_told_of_a_company_text_they_drafted_themself()
    {
        Told(Closed(), c => c.DraftCompanyText(Beneficiary, "Un accompagnement utile.", Now)).Should().BeEmpty();
    }

    [Fact]
    public void Continuing_asks_hr_and_the_intervener_for_their_verdicts()
    {
        Told(InterviewHeld(), c => c.Continue(Beneficiary, Now)).Should().BeEquivalentTo(
        [
            To(HrId, NotificationKind.VerdictNeeded),
            To(OtherHrId, NotificationKind.VerdictNeeded),
            To(IntervenerId, NotificationKind.VerdictNeeded),
        ]);
    }

    [Fact]
    public void Continuing_asks_only_the_party_whose_verdicts_are_still_missing()
    {
        var coachingCase = InterviewHeld();
        ValidateAll(coachingCase, Party.Intervener);

        Told(coachingCase, c => c.Continue(Beneficiary, Now)).Should().BeEquivalentTo([To(HrId, NotificationKind.VerdictNeeded), To(OtherHrId, NotificationKind.VerdictNeeded)]);
    }

    [Fact]
    public void A_refused_criterion_asks_hr_and_the_intervener_to_rule_except_whoever_refused_it()
    {
        Told(Continued(), c => c.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, false, null, Now))
            .Should().BeEquivalentTo([To(HrId, NotificationKind.VerdictNeeded), To(OtherHrId, NotificationKind.VerdictNeeded)]);
        Told(Continued(), c => c.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, false, null, Now))
            .Should().BeEquivalentTo([To(OtherHrId, NotificationKind.VerdictNeeded), To(IntervenerId, NotificationKind.VerdictNeeded)]);
    }

    [Fact]
    public void A_validated_verdict_tells_nobody()
    {
        Told(Continued(), c => c.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, null, Now)).Should().BeEmpty();
    }

    [Fact]
    public void Drafted_objectives_wait_on_the_beneficiary_to_set_them()
    {
        Told(Accepted(), c => c.DraftObjectives(Intervener, Objectives, Now)).Should().Equal(To(BeneficiaryId, NotificationKind.ObjectivesToSet));
    }

    [Fact]
    public void An_extension_request_goes_to_hr_and_hr_s_decision_to_the_intervener()
    {
        var coachingCase = InSessions();

        Told(coachingCase, c => c.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now))
            .Should().BeEquivalentTo([To(HrId, NotificationKind.ExtensionToDecide), To(OtherHrId, NotificationKind.ExtensionToDecide)]);
        Told(coachingCase, c => c.RejectExtension(Hr, Now)).Should().Equal(To(IntervenerId, NotificationKind.ExtensionDecided));
    }

    [Fact]
    public void Closing_asks_the_beneficiary_to_rate_their_objectives_and_tells_the_manager_it_ended()
    {
        Told(InSessions(), c => c.Close(Intervener, "Bilan.", Now)).Should().BeEquivalentTo(
            [To(BeneficiaryId, NotificationKind.ObjectivesToRate), To(ManagerId, NotificationKind.ProposalEnded)]);
    }

    [Fact]
    public void A_decline_tells_the_intervener_the_case_ended_and_the_manager_only_that_the_proposal_ended()
    {
        Told(WithIntervener(), c => c.Decline(Beneficiary, Now)).Should().BeEquivalentTo(
            [To(IntervenerId, NotificationKind.CaseEnded), To(ManagerId, NotificationKind.ProposalEnded)]);
    }

    [Fact]
    public void A_withdrawal_tells_the_beneficiary_and_the_intervener_never_the_manager_who_withdrew()
    {
        Told(WithIntervener(), c => c.Withdraw(Manager, Now)).Should().BeEquivalentTo(
            [To(BeneficiaryId, NotificationKind.CaseEnded), To(IntervenerId, NotificationKind.CaseEnded)]);
    }

    public static TheoryData<string> Endings => new(EndingsByName.Keys);

    private static readonly Dictionary<string, Func<(CoachingCase Case, Func<CoachingCase, Result> End)>> EndingsByName = new()
    {
        ["declined"] = () => (WithIntervener(), c => c.Decline(Beneficiary, Now)),
        ["stopped after the interview"] = () => (InterviewHeld(), c => c.Stop(Beneficiary, Now)),
        ["excluded"] = () => (InterviewHeld(), c => c.Exclude(Intervener, new Referral(ReferralKind.OccupationalHealth, "Médecine du travail"), Now)),
        ["refused after discussion"] = () => (UnderDiscussion(), c => c.RuleDecline(Hr, Now)),
        ["cancelled by hr"] = () => (WithIntervener(), c => c.Cancel(Hr, null, Now)),
        ["interrupted in sessions"] = () => (InSessions(), c => c.Stop(Beneficiary, Now)),
        ["closed"] = () => (InSessions(), c => c.Close(Intervener, "Bilan.", Now)),
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public void Every_ending_reads_the_same_to_the_manager(string ending)
    {
        var (coachingCase, end) = EndingsByName[ending]();

        Told(coachingCase, end).Where(a => a.UserId == ManagerId).Should().Equal(To(ManagerId, NotificationKind.ProposalEnded));
    }

    [Fact]
    public void Over_a_whole_case_the_manager_is_told_only_the_two_coarse_kinds_once_each_and_nobody_hears_of_their_own_act()
    {
        var coachingCase = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal(), BudgetBounds.Default, ProposedAt).ShouldSucceed();
        var told = new List<Addressee>(Addressed(coachingCase, coachingCase.History));
        var steps = new (Actor Actor, Func<CoachingCase, Result> Step)[]
        {
            (Hr, c => c.AssignIntervener(Hr, Candidate(), ManagerId, Now)),
            (Beneficiary, c => c.AgreeToMeet(Beneficiary, Now)),
            (Intervener, c => c.DeclareNoConflict(Intervener, Now)),
            (Intervener, c => c.RecordInterview(Intervener, Today, 60, Now)),
            (Beneficiary, c => c.Continue(Beneficiary, Now)),
            (Hr, c => { ValidateAll(c, Party.Company); return Result.Success(); }),
            (Intervener, c => { ValidateAll(c, Party.Intervener); return Result.Success(); }),
            (Intervener, c => c.DraftObjectives(Intervener, Objectives, Now)),
            (Beneficiary, c => c.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now)),
            (Beneficiary, c => c.AcceptAgreement(Beneficiary, Now)),
            (Intervener, c => c.AcceptAgreement(Intervener, Now)),
            (Hr, c => c.AcceptAgreement(Hr, Now)),
            (Intervener, c => c.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now)),
            (Intervener, c => c.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now)),
            (Hr, c => c.ApproveExtension(Hr, Now)),
            (Beneficiary, c => c.AcceptAgreement(Beneficiary, Now)),
            (Intervener, c => c.Close(Intervener, "Bilan.", Now)),
        };

        foreach (var (actor, step) in steps)
        {
            var now = Told(coachingCase, step);
            now.Should().NotContain(a => a.UserId == actor.UserId, "nobody is told about their own act");
            told.AddRange(now);
        }

        told.Where(a => a.UserId == ManagerId).Select(a => a.Kind).Should().Equal(NotificationKind.ProposalInProgress, NotificationKind.ProposalEnded);
        told.Where(a => a.UserId == BeneficiaryId).Select(a => a.Kind).Should().Equal(
            NotificationKind.ProposalToAnswer, NotificationKind.ProposalToAnswer, NotificationKind.DecisionToMake, NotificationKind.CaseAccepted, NotificationKind.ObjectivesToSet,
            NotificationKind.AgreementToAccept, NotificationKind.ObjectivesToRate);
        told.Where(a => a.UserId == IntervenerId).Select(a => a.Kind).Should().Equal(
            NotificationKind.IntervenerAssigned, NotificationKind.InterviewToPlan, NotificationKind.VerdictNeeded, NotificationKind.SessionsToPlan, NotificationKind.ExtensionDecided);
        told.Where(a => a.UserId == OtherHrId).Select(a => a.Kind).Should().Equal(
            NotificationKind.InterveningToAssign, NotificationKind.VerdictNeeded, NotificationKind.AgreementToAccept, NotificationKind.ExtensionToDecide);
    }

    [Fact]
    public void Hr_is_told_of_the_agreement_on_acceptance_and_the_beneficiary_of_an_amendment_to_accept()
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        var accepted = Told(coachingCase, c => { ValidateAll(c, Party.Intervener); return Result.Success(); });
        accepted.Should().Contain(To(OtherHrId, NotificationKind.AgreementToAccept));

        var inSessions = InSessions();
        inSessions.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        Told(inSessions, c => c.ApproveExtension(Hr, Now)).Should().Contain(To(BeneficiaryId, NotificationKind.AgreementToAccept));

        var rejected = InSessions();
        rejected.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        Told(rejected, c => c.RejectExtension(Hr, Now)).Should().NotContain(a => a.Kind == NotificationKind.AgreementToAccept, "a rejected extension changes no budget");
    }
}
