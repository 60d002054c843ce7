using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Notifications;

/// <summary>Who, in relation to a case, is told something; HR stands for every HR member.</summary>
public enum NotifiedParty
{
    Beneficiary,
    Intervener,
    HR,
    Proposer,
}

/// <summary>One party told one kind of thing about an act of <paramref name="ActorId"/>, who is never told of it.</summary>
public sealed record PartyNotice(NotifiedParty Party, NotificationKind Kind, string ActorId);

/// <summary>One person told one kind of thing.</summary>
public sealed record Addressee(string UserId, NotificationKind Kind);

/// <summary>The case after a change, as far as who is told depends on it.</summary>
public sealed record NotifiedCase(Guid Id, CaseState State, string BeneficiaryId, string? IntervenerId, string ProposedById, Role ProposedByRole, CaseProgress Progress)
{
    public static NotifiedCase Of(CoachingCase coachingCase) => new(
        coachingCase.Id,
        coachingCase.State,
        coachingCase.BeneficiaryId,
        coachingCase.IntervenerId,
        coachingCase.ProposedById,
        coachingCase.ProposedByRole,
        coachingCase.Progress);

    /// <summary>A manager proposed it for someone else: that manager is told the coarse moves, and only those.</summary>
    public bool HasProposingManager => ProposedByRole == Role.Manager && ProposedById != BeneficiaryId;
}

/// <summary>
/// Who is told what when a case changes: whoever the case now waits on learns what to do, the people of the case learn
/// when it ends, and a proposing manager learns only that their proposal is in progress or has ended (never why).
/// </summary>
public static class CaseNotifications
{
    /// <summary>The parties to tell about the transitions one change recorded, given the case after it.</summary>
    public static IReadOnlyList<PartyNotice> Derive(IReadOnlyList<TransitionRecord> transitions, NotifiedCase after)
    {
        var notices = transitions.SelectMany(t => ForAct(t, after).Select(told => new PartyNotice(told.Party, told.Kind, t.UserId))).ToList();
        if (after.HasProposingManager)
        {
            if (transitions.FirstOrDefault(t => t.From.ToCoarseStatus() == CoarseStatus.Proposed && t.To.ToCoarseStatus() == CoarseStatus.InProgress) is { } started)
            {
                notices.Add(new PartyNotice(NotifiedParty.Proposer, NotificationKind.ProposalInProgress, started.UserId));
            }

            // One kind for every ending: declined, stopped, excluded, cancelled or closed read the same to a manager.
            if (transitions.FirstOrDefault(t => !t.From.IsEnded() && t.To.IsEnded()) is { } ended)
            {
                notices.Add(new PartyNotice(NotifiedParty.Proposer, NotificationKind.ProposalEnded, ended.UserId));
            }
        }

        return notices.Distinct().ToList();
    }

    /// <summary>
    /// The people behind the parties: never the actor of what they would be told, never an HR member about a case where
    /// they are the beneficiary, nobody for a party the case does not have (no intervener yet, no proposing manager).
    /// </summary>
    public static IReadOnlyList<Addressee> Address(IEnumerable<PartyNotice> notices, NotifiedCase after, IReadOnlyCollection<string> hrUserIds) =>
        notices
            .SelectMany(notice => PeopleOf(notice.Party, after, hrUserIds).Where(userId => userId != notice.ActorId).Select(userId => new Addressee(userId, notice.Kind)))
            .Distinct()
            .ToList();

    private static IEnumerable<string> PeopleOf(NotifiedParty party, NotifiedCase after, IReadOnlyCollection<string> hrUserIds) => party switch
    {
        NotifiedParty.Beneficiary => [after.BeneficiaryId],
        NotifiedParty.Intervener when after.IntervenerId is { } intervenerId => [intervenerId],
        NotifiedParty.HR => hrUserIds.Where(id => id != after.BeneficiaryId),
        NotifiedParty.Proposer when after.HasProposingManager => [after.ProposedById],
        _ => [],
    };

    private static IEnumerable<(NotifiedParty Party, NotificationKind Kind)> ForAct(TransitionRecord transition, NotifiedCase after)
    {
        switch (transition.Trigger)
        {
            case CaseTrigger.Propose:
                yield return (NotifiedParty.HR, NotificationKind.InterveningToAssign);
                if (transition.UserId != after.BeneficiaryId)
                {
                    yield return (NotifiedParty.Beneficiary, NotificationKind.ProposalToAnswer);
                }

                break;
            case CaseTrigger.AssignIntervener:
                yield return (NotifiedParty.Intervener, NotificationKind.IntervenerAssigned);

                // Before the beneficiary agreed to meet, the assignment is what they now answer.
                yield return (NotifiedParty.Beneficiary, transition.From == CaseState.Proposed ? NotificationKind.ProposalToAnswer : NotificationKind.IntervenerAssigned);
                break;
            case CaseTrigger.DeclareConflict:
                yield return (NotifiedParty.HR, NotificationKind.ConflictToDecide);
                break;
            case CaseTrigger.DraftCompanyText:
                // The beneficiary is never told of their own draft (the actor is never told), only of the intervener's.
                yield return (NotifiedParty.Beneficiary, NotificationKind.CompanyTextToApprove);
                break;
            case CaseTrigger.AgreeToMeet:
                yield return (NotifiedParty.Intervener, NotificationKind.InterviewToPlan);
                break;
            case CaseTrigger.RecordInterview:
                yield return (NotifiedParty.Beneficiary, NotificationKind.DecisionToMake);
                break;
            case CaseTrigger.Continue when after.State == CaseState.PreliminaryInterview:
                if (!after.Progress.CompanyVerdictsComplete)
                {
                    yield return (NotifiedParty.HR, NotificationKind.VerdictNeeded);
                }

                if (!after.Progress.IntervenerVerdictsComplete)
                {
                    yield return (NotifiedParty.Intervener, NotificationKind.VerdictNeeded);
                }

                break;
            case CaseTrigger.CriterionRefused:
                // Under discussion, HR and the intervener each rule.
                yield return (NotifiedParty.HR, NotificationKind.VerdictNeeded);
                yield return (NotifiedParty.Intervener, NotificationKind.VerdictNeeded);
                break;
            case CaseTrigger.AllCriteriaValidated or CaseTrigger.DiscussionAccepted:
                yield return (NotifiedParty.Beneficiary, NotificationKind.CaseAccepted);
                yield return (NotifiedParty.Intervener, NotificationKind.CaseAccepted);

                // The agreement drawn up on acceptance: the beneficiary and the intervener read it with the acceptance; HR is told apart.
                yield return (NotifiedParty.HR, NotificationKind.AgreementToAccept);
                break;
            case CaseTrigger.SetBudget or CaseTrigger.ApproveExtension when after.Progress.AgreementAwaiting.HasFlag(AgreementParties.Beneficiary)
                && transition.From is CaseState.Accepted or CaseState.ObjectivesSet or CaseState.InSessions:
                // A new budget amends the agreement: the beneficiary accepts the amendment.
                yield return (NotifiedParty.Beneficiary, NotificationKind.AgreementToAccept);
                if (transition.Trigger == CaseTrigger.ApproveExtension)
                {
                    yield return (NotifiedParty.Intervener, NotificationKind.ExtensionDecided);
                }

                break;
            case CaseTrigger.SetObjectives when transition.From == CaseState.Accepted:
                yield return (NotifiedParty.Intervener, NotificationKind.SessionsToPlan);
                break;
            case CaseTrigger.DraftObjectives:
                yield return (NotifiedParty.Beneficiary, NotificationKind.ObjectivesToSet);
                break;
            case CaseTrigger.RequestExtension:
                yield return (NotifiedParty.HR, NotificationKind.ExtensionToDecide);
                break;
            case CaseTrigger.ApproveExtension or CaseTrigger.RejectExtension:
                yield return (NotifiedParty.Intervener, NotificationKind.ExtensionDecided);
                break;
            case CaseTrigger.Close:
                yield return (NotifiedParty.Beneficiary, NotificationKind.ObjectivesToRate);
                break;
            default:
                if (!transition.From.IsEnded() && transition.To.IsEnded())
                {
                    yield return (NotifiedParty.Beneficiary, NotificationKind.CaseEnded);
                    yield return (NotifiedParty.Intervener, NotificationKind.CaseEnded);
                }

                break;
        }
    }
}
