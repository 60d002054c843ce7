using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.App.Features.Pipeline;

public sealed record PipelineFilter(
    CaseState? State = null,
    CoachingDomain? Domain = null,
    string? Department = null,
    string? IntervenerId = null,
    WaitingParty? WaitingOn = null);

/// <summary>One case in HR's pipeline: who, state, on whom it waits, since when, hours and cost.</summary>
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
    long CostCents);

/// <summary>Counts and sums over the filtered cases, present only when the group is large enough.</summary>
public sealed record PipelineStatistics(
    int CaseCount,
    IReadOnlyDictionary<CaseState, int> ByState,
    IReadOnlyDictionary<CaseOutcome, int> ByOutcome,
    IReadOnlyDictionary<WaitingParty, int> WaitingOn,
    int UsedMinutes,
    int BudgetMinutes,
    long CostCents,
    IReadOnlyList<DepartmentStatistics> ByDepartment)
{
    /// <summary>Cases not yet ended, from the domain's definition of an ended state.</summary>
    public int ActiveCount => ByState.Where(s => s.Key.IsActive()).Sum(s => s.Value);
}

/// <summary>A department's figures; its counts are withheld when it has fewer than five cases.</summary>
public sealed record DepartmentStatistics(string Department, bool Shown, int? CaseCount, int? Active, int? Completed);

public sealed record PipelineOverview(
    int MatchingCases,
    PipelineStatistics? Statistics,
    PagedResult<PipelineRow> Rows,
    IReadOnlyList<string> Departments,
    IReadOnlyList<IntervenerFilterOption> Interveners);

public sealed record IntervenerFilterOption(string Id, string Name);
