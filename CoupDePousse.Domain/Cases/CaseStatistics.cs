using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// The facts HR's statistics count, shared by <paramref name="Cases"/> cases (one, or a group a query counted); the
/// department is the beneficiary's.
/// </summary>
public sealed record CaseFact(CaseState State, CaseOutcome? Outcome, WaitingParty? WaitingOn, string Department, int Cases = 1);

/// <summary>One count HR's statistics may show: a group of cases, named by what they share.</summary>
public sealed record CaseFigure(string Group, string? Department = null)
{
    public static CaseFigure All { get; } = new("all");

    public static CaseFigure Active { get; } = new("active");

    public static CaseFigure Ended { get; } = new("ended");

    /// <summary>Declined or cancelled: ended without being closed.</summary>
    public static CaseFigure EndedOtherwise { get; } = new("ended-otherwise");

    public static CaseFigure WaitingOnNobody { get; } = new("waiting.none");

    public static CaseFigure InState(CaseState state) => new($"state.{state}");

    public static CaseFigure WithOutcome(CaseOutcome? outcome) => new($"outcome.{outcome?.ToString() ?? "none"}");

    public static CaseFigure WaitingOn(WaitingParty party) => new($"waiting.{party}");

    public static CaseFigure InDepartment(string department) => new("department", department);

    public static CaseFigure ActiveIn(string department) => new("department.active", department);

    public static CaseFigure ClosedIn(string department) => new("department.closed", department);

    public static CaseFigure EndedOtherwiseIn(string department) => new("department.ended-otherwise", department);
}

/// <summary>
/// Every count HR's statistics show over a set of cases, with the sums a reader could subtract: the total by state,
/// by active or ended, by outcome, by waiting party, and by department crossed with active, closed and ended otherwise.
/// </summary>
public static class CaseStatistics
{
    public static StatisticsTable<CaseFigure> Tabulate(IReadOnlyCollection<CaseFact> cases)
    {
        var table = new StatisticsTable<CaseFigure>();
        var states = Enum.GetValues<CaseState>();
        var active = cases.Where(c => c.State.IsActive()).ToList();
        var ended = cases.Where(c => c.State.IsEnded()).ToList();
        static int Total(IEnumerable<CaseFact> facts) => facts.Sum(f => f.Cases);
        CaseOutcome?[] outcomes = [.. Enum.GetValues<CaseOutcome>().Select(o => (CaseOutcome?)o), null];
        var parties = Enum.GetValues<WaitingParty>();
        var departments = cases.Select(c => c.Department).Distinct().Order(StringComparer.Ordinal).ToList();

        table.Count(CaseFigure.All, Total(cases))
            .Count(CaseFigure.Active, Total(active))
            .Count(CaseFigure.Ended, Total(ended))
            .Count(CaseFigure.EndedOtherwise, Total(ended.Where(c => c.State != CaseState.Closed)));
        foreach (var state in states)
        {
            table.Count(CaseFigure.InState(state), Total(cases.Where(c => c.State == state)));
        }

        foreach (var outcome in outcomes)
        {
            table.Count(CaseFigure.WithOutcome(outcome), Total(ended.Where(c => c.Outcome == outcome)));
        }

        foreach (var party in parties)
        {
            table.Count(CaseFigure.WaitingOn(party), Total(active.Where(c => c.WaitingOn == party)));
        }

        table.Count(CaseFigure.WaitingOnNobody, Total(active.Where(c => c.WaitingOn is null)));
        foreach (var department in departments)
        {
            var inDepartment = cases.Where(c => c.Department == department).ToList();
            table.Count(CaseFigure.InDepartment(department), Total(inDepartment))
                .Count(CaseFigure.ActiveIn(department), Total(inDepartment.Where(c => c.State.IsActive())))
                .Count(CaseFigure.ClosedIn(department), Total(inDepartment.Where(c => c.State == CaseState.Closed)))
                .Count(CaseFigure.EndedOtherwiseIn(department), Total(inDepartment.Where(c => c.State.IsEnded() && c.State != CaseState.Closed)))
                .Sum(CaseFigure.InDepartment(department), [CaseFigure.ActiveIn(department), CaseFigure.ClosedIn(department), CaseFigure.EndedOtherwiseIn(department)]);
        }

        return table
            .Sum(CaseFigure.All, states.Select(CaseFigure.InState))
            .Sum(CaseFigure.All, [CaseFigure.Active, CaseFigure.Ended])
            .Sum(CaseFigure.Active, states.Where(s => s.IsActive()).Select(CaseFigure.InState))
            .Sum(CaseFigure.Ended, states.Where(s => s.IsEnded()).Select(CaseFigure.InState))
            .Sum(CaseFigure.Ended, [CaseFigure.InState(CaseState.Closed), CaseFigure.EndedOtherwise])
            .Sum(CaseFigure.EndedOtherwise, states.Where(s => s.IsEnded() && s != CaseState.Closed).Select(CaseFigure.InState))
            .Sum(CaseFigure.Ended, outcomes.Select(CaseFigure.WithOutcome))
            .Sum(CaseFigure.Active, [.. parties.Select(CaseFigure.WaitingOn), CaseFigure.WaitingOnNobody])
            .Sum(CaseFigure.All, departments.Select(CaseFigure.InDepartment))
            .Sum(CaseFigure.Active, departments.Select(CaseFigure.ActiveIn))
            .Sum(CaseFigure.InState(CaseState.Closed), departments.Select(CaseFigure.ClosedIn))
            .Sum(CaseFigure.EndedOtherwise, departments.Select(CaseFigure.EndedOtherwiseIn));
    }
}
