namespace CoupDePousse.Domain.Cases;

/// <summary>Everything that can happen to a case. The names are shown in hooks (action-{Trigger}).</summary>
public enum CaseTrigger
{
    Propose,
    AssignIntervener,

    /// <summary>The assigned intervener declares, before the interview, that they have no conflict of interest with the person, or describes one.</summary>
    DeclareNoConflict,
    DeclareConflict,

    /// <summary>HR lets the intervener go on despite the conflict they declared, with a reason kept in the security audit.</summary>
    OverrideDeclaredConflict,
    AgreeToMeet,
    Decline,
    Withdraw,
    Cancel,
    RecordInterview,
    Continue,
    Stop,
    RecordVerdict,
    RuleAccept,
    RuleDecline,
    Exclude,
    SetBudget,
    DraftObjectives,
    SetObjectives,
    ShareObjectives,
    LogSession,

    /// <summary>A missed session (the beneficiary's no-show or late cancellation) taken from the budget, as the admin's policy says.</summary>
    RecordMissedSession,
    WriteSessionNote,
    RequestExtension,
    ApproveExtension,
    RejectExtension,
    Close,
    RateObjectives,

    /// <summary>The short text meant for the company after closing: drafted by the intervener or the beneficiary, read by the company only once the beneficiary approved it.</summary>
    DraftCompanyText,
    ApproveCompanyText,
    WithdrawCompanyTextApproval,

    /// <summary>The beneficiary's satisfaction at closing (0–10) with an optional word for the intervener.</summary>
    RateSatisfaction,

    /// <summary>The beneficiary, the intervener or HR for the company accepts the current version of the three-way agreement.</summary>
    AcceptAgreement,

    // Fired by the case itself when its conditions are met, never by a person.
    AllCriteriaValidated,
    CriterionRefused,
    DiscussionAccepted,
}

public static class CaseTriggers
{
    public static bool IsAutomatic(this CaseTrigger trigger) =>
        trigger is CaseTrigger.AllCriteriaValidated or CaseTrigger.CriterionRefused or CaseTrigger.DiscussionAccepted;

    /// <summary>Creation is recorded in the history but is not a transition of an existing case.</summary>
    public static bool IsLifecycleTrigger(this CaseTrigger trigger) => trigger != CaseTrigger.Propose;

    /// <summary>Recorded as the consequence of a meeting's outcome (through the meeting, in the same save), never offered as an action of its own.</summary>
    public static bool FollowsAMeeting(this CaseTrigger trigger) => trigger == CaseTrigger.RecordMissedSession;

    /// <summary>A step of the intervener's conflict-of-interest declaration: shown in the history only to those who see its status.</summary>
    public static bool IsAboutConflictDeclaration(this CaseTrigger trigger) =>
        trigger is CaseTrigger.DeclareNoConflict or CaseTrigger.DeclareConflict or CaseTrigger.OverrideDeclaredConflict;

    /// <summary>
    /// Triggers that change only their actor's own part of a case (a party's verdict, ruling or acceptance, the beneficiary's
    /// satisfaction) or add to it (a session), with every condition checked again on the case as it stands: applied after
    /// another person's such change, they still mean what their author meant, so a version moved by one does not refuse
    /// the other (decision 045). Anything that ends, assigns, decides between two people or rewrites a shared text (the
    /// budget amends the agreement) is left out.
    /// </summary>
    public static bool CommutesWithOthers(this CaseTrigger trigger) =>
        trigger is CaseTrigger.RecordVerdict or CaseTrigger.RuleAccept or CaseTrigger.AcceptAgreement
            or CaseTrigger.LogSession or CaseTrigger.RateSatisfaction;

    public static IReadOnlyList<CaseTrigger> UserTriggers { get; } =
        Enum.GetValues<CaseTrigger>().Where(t => !t.IsAutomatic() && t.IsLifecycleTrigger() && !t.FollowsAMeeting()).ToArray();
}
