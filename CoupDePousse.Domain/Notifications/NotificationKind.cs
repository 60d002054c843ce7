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
}
