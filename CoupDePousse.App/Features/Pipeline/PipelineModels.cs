using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Programme;

namespace CoupDePousse.App.Features.Pipeline;

public sealed record PipelineFilter(
    CaseState? State = null,
    CoachingDomain? Domain = null,
    string? Department = null,
    string? IntervenerId = null,
    WaitingParty? WaitingOn = null,
    bool StalledOnly = false);

/// <summary>One case in HR's pipeline: who, state, on whom it waits, since when, hours and cost; the days without movement when it is stalled.</summary>
public sealed record PipelineRow(
    Guid Id,
    string BeneficiaryName,
    string? Department,
    CaseState State,
    CaseOutcome? Outcome,
    IReadOnlyList<CoachingDomain> Domains,
    string? IntervenerName,
    WaitingParty? WaitingOn,
    NextStep NextStep,
    DateTimeOffset StateEnteredAt,
    int DaysInState,
    int UsedMinutes,
    int BudgetMinutes,
    long CostCents,
    int? StalledDays = null)
{
    /// <summary>No movement past its state's threshold (the admin's stalling rules): HR sees the flag, nothing more.</summary>
    public bool IsStalled => StalledDays is not null;
}

/// <summary>
/// Counts and sums over the matching cases, present only when they are at least the small-group threshold. A null count
/// is withheld: under the threshold, or hidden so that no other count can be recovered by subtraction.
/// </summary>
public sealed record PipelineStatistics(
    int CaseCount,
    int? ActiveCount,
    IReadOnlyDictionary<CaseState, int?> ByState,
    IReadOnlyDictionary<CaseOutcome, int?> ByOutcome,
    IReadOnlyDictionary<WaitingParty, int?> WaitingOn,
    int UsedMinutes,
    int BudgetMinutes,
    long CostCents,
    IReadOnlyList<DepartmentStatistics> ByDepartment);

/// <summary>A department's figures (cases, active, closed); each is null where withheld.</summary>
public sealed record DepartmentStatistics(string Department, int? CaseCount, int? Active, int? Completed)
{
    public bool Shown => CaseCount is not null;
}

/// <summary>The pipeline: the matching count only from the threshold (null below it), the figures, one page of rows; the before/after and satisfaction averages, never a case's own scores.</summary>
public sealed record PipelineOverview(
    int? MatchingCases,
    int SmallGroupThreshold,
    PipelineStatistics? Statistics,
    PagedResult<PipelineRow> Rows,
    IReadOnlyList<string> Departments,
    IReadOnlyList<IntervenerFilterOption> Interveners,
    MeasureSummary? Measures = null);

/// <summary>HR's home: its working list in full, and counts that are null where the small-group rule withholds them.</summary>
public sealed record HrDashboardView(
    int SmallGroupThreshold,
    IReadOnlyList<PipelineRow> WaitingOnHr,
    int? WaitingOnHrCount,
    int? PendingExtensions,
    int? ToAssign,
    int? ActiveCount,
    int? UsedMinutes,
    long? CostCents);

public sealed record IntervenerFilterOption(string Id, string Name);

/// <summary>
/// HR's budget card: the year's envelope (null when none is set, then no remaining nor level), committed, consumed and
/// the forecast at the current pace, in cents (decision 031).
/// </summary>
public sealed record EnvelopeView(int Year, long? EnvelopeCents, long CommittedCents, long ConsumedCents, long ForecastCents, long? RemainingCents,
    int CommittedPercentage, EnvelopeLevel Level)
{
    /// <summary>The departments' envelopes of the year (decision 034).</summary>
    public IReadOnlyList<DepartmentEnvelopeView> Departments { get; init; } = [];

    /// <summary>The departments' envelopes add up to more than the company's: said, not refused.</summary>
    public bool DepartmentsExceedCompany { get; init; }

    /// <summary>The small-group threshold the department lines obey (decision 015).</summary>
    public int SmallGroupThreshold { get; init; }
}

/// <summary>A department's envelope and its figures; <see cref="Figures"/> is null when they would describe a small group (withheld, decision 015).</summary>
public sealed record DepartmentEnvelopeView(string Department, long EnvelopeCents, DepartmentEnvelopeFiguresView? Figures);

public sealed record DepartmentEnvelopeFiguresView(long CommittedCents, long ConsumedCents, long ForecastCents, long RemainingCents, int CommittedPercentage, EnvelopeLevel Level);
