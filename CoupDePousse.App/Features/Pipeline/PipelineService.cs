using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Pipeline;

/// <summary>HR's steering: the pipeline with its figures, and HR's own to-do list, every figure under the small-group rule.</summary>
public sealed class PipelineService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<PipelineService> logger)
{
    private const string NoDepartment = "—";

    public async Task<Result<PipelineOverview>> GetOverviewAsync(Actor actor, PipelineFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadPipeline", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var threshold = await db.SmallGroupThresholdAsync(cancellationToken);
        var people = await PeopleAsync(db, cancellationToken);
        var rates = await db.IntervenerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.HourlyRateCents, cancellationToken);

        // Every filter, "waiting on" included, defines the matching cases: the rows and the figures describe the same group.
        var matching = await MatchingAsync(db, filter, cancellationToken);
        var ordered = filter.WaitingOn is null
            ? matching.OrderByDescending(c => c.StateEnteredAt)
            : matching.OrderBy(c => c.StateEnteredAt);
        var rows = ordered.Skip(page.Skip).Take(page.SafePageSize).Select(c => Row(c, people, rates, clock.GetUtcNow())).ToList();
        var statistics = threshold.CanShow(matching.Count) && matching.Count > 0
            ? Statistics(matching, people, rates, threshold)
            : null;

        var departments = people.Values.Select(p => p.Department).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var intervenerOptions = rates.Keys.Select(id => new IntervenerFilterOption(id, people.GetValueOrDefault(id)?.DisplayName ?? "?"))
            .OrderBy(i => i.Name).ToList();

        return new PipelineOverview(
            threshold.CanShow(matching.Count) ? matching.Count : null,
            threshold.Value,
            statistics,
            new PagedResult<PipelineRow>(rows, matching.Count, page.SafePage, page.SafePageSize),
            departments,
            intervenerOptions);
    }

    /// <summary>HR's home: the cases waiting on HR (its working list), its to-do counts and the programme's headline figures, all under the small-group rule.</summary>
    public async Task<Result<HrDashboardView>> GetHrDashboardAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadPipeline", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var threshold = await db.SmallGroupThresholdAsync(cancellationToken);
        var people = await PeopleAsync(db, cancellationToken);
        var rates = await db.IntervenerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.HourlyRateCents, cancellationToken);
        var all = await MatchingAsync(db, new PipelineFilter(), cancellationToken);
        var waitingOnHr = all.Where(c => c.Progress.WaitingOn == WaitingParty.HR)
            .OrderBy(c => c.StateEnteredAt).Select(c => Row(c, people, rates, clock.GetUtcNow())).ToList();

        // The to-do counts are figures too: the total waiting on HR and its parts by next step are suppressed as one table.
        const string Waiting = "waiting";
        var steps = Enum.GetValues<NextStep>();
        var todo = new StatisticsTable<string>().Count(Waiting, waitingOnHr.Count);
        foreach (var step in steps)
        {
            todo.Count(step.ToString(), waitingOnHr.Count(r => r.NextStep == step));
        }

        var shownTodo = todo.Sum(Waiting, steps.Select(s => s.ToString())).Suppress(threshold);
        var statistics = threshold.CanShow(all.Count) && all.Count > 0 ? Statistics(all, people, rates, threshold) : null;

        return new HrDashboardView(
            threshold.Value,
            waitingOnHr,
            shownTodo[Waiting],
            shownTodo[nameof(NextStep.DecideExtension)],
            shownTodo[nameof(NextStep.AssignIntervener)],
            statistics?.ActiveCount,
            statistics?.UsedMinutes,
            statistics?.CostCents);
    }

    private static PipelineRow Row(CaseRow c, IReadOnlyDictionary<string, Person> people, IReadOnlyDictionary<string, int> rates, DateTimeOffset now) => new(
        c.Id,
        people.GetValueOrDefault(c.BeneficiaryId)?.DisplayName ?? "?",
        people.GetValueOrDefault(c.BeneficiaryId)?.Department,
        c.State,
        c.Outcome,
        c.Domains,
        c.IntervenerId is null ? null : people.GetValueOrDefault(c.IntervenerId)?.DisplayName,
        c.Progress.WaitingOn,
        c.Progress.ForCompany,
        c.StateEnteredAt,
        (int)(now - c.StateEnteredAt).TotalDays,
        c.Hours.UsedMinutes,
        c.Hours.TotalMinutes,
        Cost(c, rates));

    private static long Cost(CaseRow c, IReadOnlyDictionary<string, int> rates) =>
        Money.CostCents(c.IntervenerId is null ? 0 : rates.GetValueOrDefault(c.IntervenerId), c.Hours.UsedMinutes);

    private static async Task<Dictionary<string, Person>> PeopleAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Select(u => new Person(u.Id, u.DisplayName, u.Department))
            .ToDictionaryAsync(u => u.Id, cancellationToken);

    // Whose move it is is a rule of the domain, applied in memory to the projected facts of the filtered cases.
    private static async Task<List<CaseRow>> MatchingAsync(AppDbContext db, PipelineFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Filter(db, filter).ToRowsAsync(cancellationToken);
        return filter.WaitingOn is { } party
            ? rows.Where(c => c.State.IsActive() && c.Progress.WaitingOn == party).ToList()
            : rows;
    }

    private static IQueryable<CoachingCase> Filter(AppDbContext db, PipelineFilter filter)
    {
        var cases = db.Cases.AsNoTracking();
        if (filter.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        if (filter.Domain is { } domain)
        {
            cases = cases.Where(c => c.Domains.Contains(domain));
        }

        if (!string.IsNullOrEmpty(filter.IntervenerId))
        {
            cases = cases.Where(c => c.IntervenerId == filter.IntervenerId);
        }

        if (!string.IsNullOrEmpty(filter.Department))
        {
            cases = cases.Where(c => db.Users.Any(u => u.Id == c.BeneficiaryId && u.Department == filter.Department));
        }

        return cases;
    }

    // The counts go through the domain's suppression; the sums of hours and cost cover the whole matching group, never fewer than the threshold.
    private static PipelineStatistics Statistics(
        IReadOnlyList<CaseRow> cases,
        IReadOnlyDictionary<string, Person> people,
        IReadOnlyDictionary<string, int> rates,
        SmallGroupThreshold threshold)
    {
        var facts = cases.Select(c => new CaseFact(c.State, c.Outcome, c.Progress.WaitingOn, DepartmentOf(c, people))).ToList();
        var shown = CaseStatistics.Tabulate(facts).Suppress(threshold);
        var byDepartment = facts.Select(f => f.Department).Distinct().Order(StringComparer.Ordinal)
            .Select(d => new DepartmentStatistics(d, shown[CaseFigure.InDepartment(d)], shown[CaseFigure.ActiveIn(d)], shown[CaseFigure.ClosedIn(d)]))
            .ToList();

        return new PipelineStatistics(
            cases.Count,
            shown[CaseFigure.Active],
            Enum.GetValues<CaseState>().ToDictionary(s => s, s => shown[CaseFigure.InState(s)]),
            Enum.GetValues<CaseOutcome>().ToDictionary(o => o, o => shown[CaseFigure.WithOutcome(o)]),
            Enum.GetValues<WaitingParty>().ToDictionary(p => p, p => shown[CaseFigure.WaitingOn(p)]),
            cases.Sum(c => c.Hours.UsedMinutes),
            cases.Sum(c => c.Hours.TotalMinutes),
            cases.Sum(c => Cost(c, rates)),
            byDepartment);
    }

    private static string DepartmentOf(CaseRow c, IReadOnlyDictionary<string, Person> people) =>
        people.GetValueOrDefault(c.BeneficiaryId)?.Department ?? NoDepartment;

    private sealed record Person(string Id, string DisplayName, string? Department);
}
