using CoupDePousse.Domain.Cases;

namespace CoupDePousse.Domain.Programme;

/// <summary>Where a case of the report stands or ended, read from its state and outcome (decision 033).</summary>
public enum CaseEnd
{
    /// <summary>Still open, not yet accepted: proposed, meeting, under discussion.</summary>
    OpenBeforeAcceptance,

    /// <summary>Still open, accepted: objectives or sessions under way.</summary>
    OpenEngaged,

    /// <summary>The person declined the offer, or stopped before the interview was held.</summary>
    Declined,

    /// <summary>The person stopped after the preliminary interview, before acceptance.</summary>
    StoppedAfterInterview,

    /// <summary>HR or the intervener ruled to decline under discussion (the acceptance refused).</summary>
    Refused,

    /// <summary>Excluded as structural or therapeutic and referred elsewhere.</summary>
    Excluded,

    /// <summary>Withdrawn by the proposer or cancelled by HR before acceptance.</summary>
    Cancelled,

    /// <summary>Accepted, then stopped by the person before the intervener closed it.</summary>
    Interrupted,

    /// <summary>Closed by the intervener at the end of the engagement.</summary>
    Completed,
}

/// <summary>How a closed case's objectives were rated by the person, counted per case (decision 033).</summary>
public enum ObjectivesResult
{
    /// <summary>Every rated objective reached.</summary>
    Reached,

    /// <summary>Some reached or partly reached, not all reached.</summary>
    PartlyReached,

    /// <summary>Every rated objective not reached.</summary>
    NotReached,
}

/// <summary>
/// Cases of the report's year that share where they ended and what happened on the way, <paramref name="Cases"/> of them
/// (one, or a group a query counted).
/// </summary>
public sealed record ReportCase(
    CaseState State,
    CaseOutcome? Outcome,
    bool Interviewed,
    bool HadSession,
    bool ExtensionRequested,
    bool ExtensionApproved,
    ObjectivesResult? Objectives,
    int Cases = 1);

/// <summary>Cases proposed in one month of the year (1–12).</summary>
public sealed record MonthVolume(int Month, int Cases);

/// <summary>Cases whose beneficiary is in one department.</summary>
public sealed record DepartmentVolume(string Department, int Cases);

/// <summary>Cases sharing one set of domains (<see cref="Catalogue.CoachingDomains.Flag"/> bits).</summary>
public sealed record DomainVolume(int DomainFlags, int Cases);

/// <summary>Cases for which a delay took that many whole days.</summary>
public sealed record DelayCount(int Days, int Cases);

/// <summary>Ended engaged cases sharing the minutes they used and their budget with approved extensions.</summary>
public sealed record HoursUse(int UsedMinutes, int BudgetMinutes, int Cases);

/// <summary>
/// Everything the report counts over the cases proposed in <paramref name="Year"/>, grouped as a database can group it: each
/// list covers every case of the year once (the delays and the hours only the cases they apply to).
/// </summary>
public sealed record ProgrammeReportFacts(
    int Year,
    IReadOnlyCollection<ReportCase> Cases,
    IReadOnlyCollection<MonthVolume> Months,
    IReadOnlyCollection<DepartmentVolume> Departments,
    IReadOnlyCollection<DomainVolume> Domains,
    IReadOnlyCollection<DelayCount> DaysToInterview,
    IReadOnlyCollection<DelayCount> DaysToFirstSession,
    IReadOnlyCollection<HoursUse> Hours,
    IReadOnlyCollection<MeasureFact> Measures);

public static class CaseEnds
{
    /// <summary>The one mapping from a case's state and outcome to where it ended (decision 033).</summary>
    public static CaseEnd Of(CaseState state, CaseOutcome? outcome) => outcome switch
    {
        null when state.IsBeforeAcceptance() => CaseEnd.OpenBeforeAcceptance,
        null when state.IsActive() => CaseEnd.OpenEngaged,
        CaseOutcome.DeclinedByBeneficiary => CaseEnd.Declined,
        CaseOutcome.StoppedAfterInterview => CaseEnd.StoppedAfterInterview,
        CaseOutcome.RefusedAfterDiscussion => CaseEnd.Refused,
        CaseOutcome.ExcludedWithReferral => CaseEnd.Excluded,
        CaseOutcome.Cancelled => CaseEnd.Cancelled,
        CaseOutcome.InterruptedByBeneficiary => CaseEnd.Interrupted,
        CaseOutcome.Completed => CaseEnd.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), $"An ended case ({state}) has no outcome."),
    };

    /// <summary>Ends that came before any acceptance: the case was decided, not accepted.</summary>
    public static IReadOnlyList<CaseEnd> NotAccepted { get; } = [CaseEnd.Declined, CaseEnd.StoppedAfterInterview, CaseEnd.Refused, CaseEnd.Excluded, CaseEnd.Cancelled];

    /// <summary>Accepted cases that ended: the engagement took place, whole or in part.</summary>
    public static IReadOnlyList<CaseEnd> EndedEngaged { get; } = [CaseEnd.Interrupted, CaseEnd.Completed];

    public static bool WasAccepted(this CaseEnd end) => end == CaseEnd.OpenEngaged || EndedEngaged.Contains(end);
}
