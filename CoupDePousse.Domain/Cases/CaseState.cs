namespace CoupDePousse.Domain.Cases;

public enum CaseState
{
    Proposed,
    PreliminaryInterview,
    UnderDiscussion,
    Accepted,
    ObjectivesSet,
    InSessions,
    Closed,
    Declined,
    Cancelled,
}

/// <summary>How a case ended; set exactly when it reaches Closed, Declined or Cancelled.</summary>
public enum CaseOutcome
{
    DeclinedByBeneficiary,
    StoppedAfterInterview,
    RefusedAfterDiscussion,
    ExcludedWithReferral,
    Cancelled,
    Completed,
    InterruptedByBeneficiary,
}

/// <summary>What a manager may know of a case they proposed, and nothing finer.</summary>
public enum CoarseStatus
{
    Proposed,
    InProgress,
    Ended,
}

public static class CaseStates
{
    /// <summary>The ends of a case: the one definition, also used to build SQL filters.</summary>
    public static IReadOnlyList<CaseState> Ended { get; } = [CaseState.Closed, CaseState.Declined, CaseState.Cancelled];

    /// <summary>States where the engagement was accepted and the hours budget is in play.</summary>
    public static IReadOnlyList<CaseState> Engaged { get; } = [CaseState.Accepted, CaseState.ObjectivesSet, CaseState.InSessions, CaseState.Closed];

    public static bool IsEnded(this CaseState state) => Ended.Contains(state);

    /// <summary>States where the case still occupies its intervener's capacity.</summary>
    public static bool IsActive(this CaseState state) => !state.IsEnded();

    public static bool IsEngaged(this CaseState state) => Engaged.Contains(state);

    public static bool IsBeforeAcceptance(this CaseState state) =>
        state is CaseState.Proposed or CaseState.PreliminaryInterview or CaseState.UnderDiscussion;

    public static CoarseStatus ToCoarseStatus(this CaseState state) => state switch
    {
        CaseState.Proposed => CoarseStatus.Proposed,
        _ when state.IsEnded() => CoarseStatus.Ended,
        _ => CoarseStatus.InProgress,
    };
}
