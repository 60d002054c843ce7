using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Notifications;

/// <summary>
/// What a person is told, in the app (the bell) and by mail. A kind names only what to do or what happened, never a case's
/// content; the names are stable (stored as text, shown in hooks as notification-{Kind}).
/// </summary>
public enum NotificationKind
{
    /// <summary>A coup de pousse is offered to the beneficiary, who may agree to meet or decline.</summary>
    ProposalToAnswer,

    /// <summary>HR: a new proposal needs an intervener.</summary>
    InterveningToAssign,

    /// <summary>The beneficiary and the intervener: an intervener has been assigned.</summary>
    IntervenerAssigned,

    MeetingProposed,
    OtherSlotsRequested,
    MeetingConfirmed,
    MeetingMoved,
    MeetingCancelled,

    /// <summary>The day before a confirmed meeting.</summary>
    MeetingReminder,

    /// <summary>The beneficiary, after the interview: continue or stop.</summary>
    DecisionToMake,

    /// <summary>HR or the intervener: acceptance verdicts (or a ruling) wait on them.</summary>
    VerdictNeeded,

    /// <summary>The beneficiary: objectives drafted with the intervener wait to be set.</summary>
    ObjectivesToSet,

    /// <summary>HR: an extension request waits on a decision.</summary>
    ExtensionToDecide,

    /// <summary>The intervener: HR decided the extension they asked for.</summary>
    ExtensionDecided,

    /// <summary>The beneficiary: the case is closed and their objectives wait on their own rating.</summary>
    ObjectivesToRate,

    /// <summary>The beneficiary and the intervener: the case has ended.</summary>
    CaseEnded,

    /// <summary>The proposing manager, coarse only: their proposal is now in progress.</summary>
    ProposalInProgress,

    /// <summary>The proposing manager, coarse only: their proposal has ended (never why).</summary>
    ProposalEnded,

    /// <summary>A nudge: a case has waited on this person for several days.</summary>
    CaseWaiting,

    /// <summary>The intervener: the person agreed to meet, times for the preliminary interview are theirs to offer.</summary>
    InterviewToPlan,

    /// <summary>The beneficiary and the intervener: the case is accepted, objectives are next.</summary>
    CaseAccepted,

    /// <summary>The intervener: objectives are set, sessions are theirs to offer.</summary>
    SessionsToPlan,

    /// <summary>HR: the intervener declared a conflict of interest; HR lets it go or assigns someone else.</summary>
    ConflictToDecide,

    /// <summary>The beneficiary: a text meant for the company waits on their approval.</summary>
    CompanyTextToApprove,

    /// <summary>The intervener: the beneficiary shared a journal entry with them.</summary>
    JournalEntryShared,

    /// <summary>The beneficiary, the intervener or HR: a version of the three-way agreement waits on their acceptance.</summary>
    AgreementToAccept,
}

/// <summary>Which page a notification leads to.</summary>
public enum NotificationTarget
{
    /// <summary>The person's home: a proposing manager reaches no case page, only their proposals' coarse status.</summary>
    Home,
    Case,
    CaseMeetings,
    Notifications,
}

public static class NotificationKinds
{
    private static readonly NotificationKind[] MeetingKinds =
    [
        NotificationKind.MeetingProposed, NotificationKind.OtherSlotsRequested, NotificationKind.MeetingConfirmed,
        NotificationKind.MeetingMoved, NotificationKind.MeetingCancelled, NotificationKind.MeetingReminder,
    ];

    private static readonly NotificationKind[] ToBeneficiary =
    [
        NotificationKind.ProposalToAnswer, NotificationKind.IntervenerAssigned, NotificationKind.MeetingProposed, NotificationKind.MeetingConfirmed,
        NotificationKind.MeetingMoved, NotificationKind.MeetingCancelled, NotificationKind.MeetingReminder, NotificationKind.DecisionToMake,
        NotificationKind.CaseAccepted, NotificationKind.ObjectivesToSet, NotificationKind.ObjectivesToRate, NotificationKind.CompanyTextToApprove,
        NotificationKind.CaseEnded, NotificationKind.CaseWaiting, NotificationKind.AgreementToAccept,
    ];

    private static readonly NotificationKind[] ToIntervener =
    [
        NotificationKind.IntervenerAssigned, NotificationKind.InterviewToPlan, NotificationKind.OtherSlotsRequested, NotificationKind.MeetingConfirmed,
        NotificationKind.MeetingMoved, NotificationKind.MeetingCancelled, NotificationKind.MeetingReminder, NotificationKind.VerdictNeeded,
        NotificationKind.CaseAccepted, NotificationKind.SessionsToPlan, NotificationKind.JournalEntryShared, NotificationKind.ExtensionDecided,
        NotificationKind.CaseEnded, NotificationKind.CaseWaiting, NotificationKind.AgreementToAccept,
    ];

    private static readonly NotificationKind[] ToHr =
    [
        NotificationKind.InterveningToAssign, NotificationKind.ConflictToDecide, NotificationKind.VerdictNeeded, NotificationKind.ExtensionToDecide, NotificationKind.CaseWaiting,
        NotificationKind.AgreementToAccept,
    ];

    private static readonly NotificationKind[] ToProposer = [NotificationKind.ProposalInProgress, NotificationKind.ProposalEnded];

    /// <summary>
    /// What a person of this role can be told, in the order a case lives it: an intervener as the intervener, HR as HR and,
    /// since every employee may be helped, as a beneficiary too; a manager also as the proposer of a case.
    /// </summary>
    public static IReadOnlyList<NotificationKind> For(Role role) => role switch
    {
        Role.Intervener => ToIntervener,
        Role.Beneficiary => ToBeneficiary,
        Role.HR => [.. ToHr, .. ToBeneficiary.Except(ToHr)],
        Role.Manager => [.. ToProposer, .. ToBeneficiary],
        _ => [],
    };

    public static bool IsAboutAMeeting(this NotificationKind kind) => MeetingKinds.Contains(kind);

    /// <summary>Where the bell's line and the mail's link lead.</summary>
    public static NotificationTarget TargetOf(NotificationKind kind, Guid? caseId) => kind switch
    {
        NotificationKind.ProposalInProgress or NotificationKind.ProposalEnded => NotificationTarget.Home,
        _ when caseId is null => NotificationTarget.Notifications,
        _ when kind.IsAboutAMeeting() => NotificationTarget.CaseMeetings,
        _ => NotificationTarget.Case,
    };
}
