using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Pipeline;

/// <summary>
/// HR's steering: the pipeline with its figures, and HR's own to-do list, every figure under the small-group rule.
/// Each call reads what it shows: figures are counted by the database over one covering index, rows are one page.
/// </summary>
public sealed partial class PipelineService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<PipelineService> logger)
{
    /// <summary>How many of the cases waiting on HR its home lists, longest waiting first; the pipeline has them all.</summary>
    public const int DashboardListSize = 10;

    private const string NoDepartment = "—";

    public async Task<Result<PipelineOverview>> GetOverviewAsync(Actor actor, PipelineFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadPipeline", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One connection for the page's few queries, rather than one opened (and set up) for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var threshold = await db.SmallGroupThresholdAsync(cancellationToken);
        var stalling = await db.StallingRulesAsync(cancellationToken);

        // Every filter, "waiting on" and "stalled" included, defines the matching cases: the rows and the figures describe the same group.
        var matching = Filter(db.Cases.AsNoTracking(), filter, stalling, clock.GetUtcNow());
        var interveners = await IntervenersAsync(db, cancellationToken);
        var figures = await FiguresAsync(db, filter, matching, interveners, cancellationToken);
        var ordered = Ordered(matching, filter);
        var rows = page.Skip < figures.CaseCount
            ? await RowsAsync(db, ordered.Skip(page.Skip).Take(page.SafePageSize), stalling, cancellationToken)
            : [];
        var statistics = threshold.CanShow(figures.CaseCount) && figures.CaseCount > 0 ? Statistics(figures, threshold) : null;
        var measures = statistics is not null && string.IsNullOrEmpty(filter.IntervenerId) && !filter.StalledOnly
            ? await MeasuresAsync(db, filter, threshold, cancellationToken)
            : null;

        return new PipelineOverview(
            threshold.CanShow(figures.CaseCount) ? figures.CaseCount : null,
            threshold.Value,
            statistics,
            new PagedResult<PipelineRow>(rows, figures.CaseCount, page.SafePage, page.SafePageSize),
            await DepartmentsAsync(db, cancellationToken),
            interveners.Select(i => new IntervenerFilterOption(i.Id, i.Name)).OrderBy(i => i.Name).ToList(),
            measures);
    }

    /// <summary>
    /// HR's home: the cases waiting longest on HR (its working list, always shown, <see cref="DashboardListSize"/> of them),
    /// its to-do counts and the programme's headline figures, all under the small-group rule.
    /// </summary>
    public async Task<Result<HrDashboardView>> GetHrDashboardAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadPipeline", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One connection for the page's few queries, rather than one opened (and set up) for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var threshold = await db.SmallGroupThresholdAsync(cancellationToken);
        var stalling = await db.StallingRulesAsync(cancellationToken);
        var figures = await FiguresAsync(db, new PipelineFilter(), db.Cases.AsNoTracking(), await IntervenersAsync(db, cancellationToken), cancellationToken);
        var longestWaiting = await RowsAsync(db,
            db.Cases.AsNoTracking().Where(c => c.WaitingOn == WaitingParty.HR).OrderBy(c => c.StateEnteredAt).Take(DashboardListSize),
            stalling, cancellationToken);

        // The kept counts do not know a declared conflict: a proposed case waiting on HR is to assign only while it has no
        // intervener (else a conflict awaits HR's decision), counted over the covering index (State, IntervenerId, ...).
        var toAssign = await db.Cases.CountAsync(c => c.State == CaseState.Proposed && c.IntervenerId == null, cancellationToken);

        // The to-do counts are figures too: the total waiting on HR and its parts by next step are suppressed as one table.
        const string Waiting = "waiting";
        var waitingOnHr = figures.Groups.Where(g => g.WaitingOn == WaitingParty.HR).ToList();
        var proposedWaiting = waitingOnHr.Where(g => g.State == CaseState.Proposed).Sum(g => g.Cases);
        var steps = Enum.GetValues<NextStep>();
        var todo = new StatisticsTable<string>().Count(Waiting, waitingOnHr.Sum(g => g.Cases));
        foreach (var step in steps)
        {
            todo.Count(step.ToString(), step switch
            {
                NextStep.AssignIntervener => toAssign,
                NextStep.DecideConflict => proposedWaiting - toAssign,
                _ => waitingOnHr.Where(g => CaseProgress.CompanyStep(g.State, g.WaitingOn) == step).Sum(g => g.Cases),
            });
        }

        var shownTodo = todo.Sum(Waiting, steps.Select(s => s.ToString())).Suppress(threshold);
        var statistics = threshold.CanShow(figures.CaseCount) && figures.CaseCount > 0 ? Statistics(figures, threshold) : null;

        return new HrDashboardView(
            threshold.Value,
            longestWaiting,
            shownTodo[Waiting],
            shownTodo[nameof(NextStep.DecideExtension)],
            shownTodo[nameof(NextStep.AssignIntervener)],
            statistics?.ActiveCount,
            statistics?.UsedMinutes,
            statistics?.CostCents);
    }

    private static IQueryable<CoachingCase> Filter(IQueryable<CoachingCase> cases, PipelineFilter filter, StallingRules stalling, DateTimeOffset now)
    {
        // The domain's rule as SQL: for each waiting state, entered before its threshold (each an index seek on (State, StateEnteredAt)).
        if (filter.StalledOnly)
        {
            cases = cases.Where(stalling.Stalled(now));
        }

        if (filter.State is { } state)
        {
            cases = cases.Where(c => c.State == state);
        }

        if (filter.Domain is { } domain)
        {
            var flag = domain.Flag();
            cases = cases.Where(c => (c.DomainFlags & flag) != 0);
        }

        if (!string.IsNullOrEmpty(filter.IntervenerId))
        {
            cases = cases.Where(c => c.IntervenerId == filter.IntervenerId);
        }

        if (!string.IsNullOrEmpty(filter.Department))
        {
            cases = cases.Where(c => c.Department == filter.Department);
        }

        if (filter.WaitingOn is { } party)
        {
            cases = cases.Where(c => c.WaitingOn == party);
        }

        return cases;
    }

    /// <summary>The list's order: newest state first, or longest waiting first under "waiting on" and "stalled".</summary>
    private static IOrderedQueryable<CoachingCase> Ordered(IQueryable<CoachingCase> matching, PipelineFilter filter) =>
        filter.WaitingOn is null && !filter.StalledOnly
            ? matching.OrderByDescending(c => c.StateEnteredAt)
            : matching.OrderBy(c => c.StateEnteredAt);

    /// <summary>One page of rows: the case's own columns, the two names and the rate, never any text of the case.</summary>
    private async Task<List<PipelineRow>> RowsAsync(AppDbContext db, IQueryable<CoachingCase> page, StallingRules stalling, CancellationToken cancellationToken)
    {
        var facts = await Facts(db, page).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return facts.Select(f => ToRow(f, stalling, now)).ToList();
    }

    /// <summary>What a row is made of, read by the database: the case's own columns, the two names and the rate, never any text of the case.</summary>
    private static IQueryable<RowFacts> Facts(AppDbContext db, IQueryable<CoachingCase> cases) =>
        cases.Select(c => new RowFacts(
            c.Id,
            db.Users.Where(u => u.Id == c.BeneficiaryId).Select(u => u.DisplayName).FirstOrDefault(),
            c.Department,
            c.State,
            c.Outcome,
            c.Domains,
            db.Users.Where(u => u.Id == c.IntervenerId).Select(u => u.DisplayName).FirstOrDefault(),
            db.IntervenerProfiles.Where(p => p.UserId == c.IntervenerId).Select(p => p.HourlyRateCents).FirstOrDefault(),
            c.WaitingOn,
            c.ConflictDeclaration,
            c.StateEnteredAt,
            c.BudgetMinutes,
            c.ApprovedExtensionMinutes,
            c.UsedMinutes));

    private static PipelineRow ToRow(RowFacts f, StallingRules stalling, DateTimeOffset now)
    {
        var hours = new HoursBudget(f.BudgetMinutes, f.ApprovedExtensionMinutes, f.UsedMinutes);
        return new PipelineRow(
            f.Id,
            f.BeneficiaryName ?? "?",
            f.Department,
            f.State,
            f.Outcome,
            f.Domains,
            f.IntervenerName,
            f.WaitingOn,
            CaseProgress.CompanyStep(f.State, f.WaitingOn, f.ConflictDeclaration),
            f.StateEnteredAt,
            (int)(now - f.StateEnteredAt).TotalDays,
            hours.UsedMinutes,
            hours.TotalMinutes,
            Money.CostCents(f.Rate, hours.UsedMinutes),
            stalling.IsStalled(f.State, f.StateEnteredAt, now) ? StallingRules.DaysWithoutMovement(f.StateEnteredAt, now) : null);
    }

    /// <summary>
    /// The matching cases by state, outcome, party waited on and department, with their hours: read from the counts kept
    /// with every change (as many rows as combinations, whatever the number of cases), or counted over the intervener's
    /// own index when the filter names one. The cost adds up each case's cost as its row shows it, from the minutes each
    /// intervener logged counted by case, along an index in that order.
    /// </summary>
    private static async Task<Figures> FiguresAsync(
        AppDbContext db, PipelineFilter filter, IQueryable<CoachingCase> matching, IReadOnlyList<Intervener> interveners, CancellationToken cancellationToken)
    {
        // The kept counts know every filter's fact but the intervener and the time a case stalls: those are counted over their own index.
        var groups = string.IsNullOrEmpty(filter.IntervenerId) && !filter.StalledOnly
            ? (await Counts(db, filter)
                    .GroupBy(c => new { c.State, c.Outcome, c.WaitingOn, c.Department })
                    .Select(g => new { g.Key, Cases = g.Sum(c => c.Cases), UsedMinutes = g.Sum(c => c.UsedMinutes), BudgetMinutes = g.Sum(c => c.BudgetMinutes) })
                    .ToListAsync(cancellationToken))
                .Select(g => new FigureGroup(
                    Enum.Parse<CaseState>(g.Key.State),
                    g.Key.Outcome.Length == 0 ? null : Enum.Parse<CaseOutcome>(g.Key.Outcome),
                    g.Key.WaitingOn.Length == 0 ? null : Enum.Parse<WaitingParty>(g.Key.WaitingOn),
                    g.Key.Department.Length == 0 ? null : g.Key.Department,
                    g.Cases,
                    g.UsedMinutes,
                    g.BudgetMinutes))
                .ToList()
            : await matching
                .GroupBy(c => new { c.State, c.Outcome, c.WaitingOn, c.Department })
                .Select(g => new FigureGroup(
                    g.Key.State,
                    g.Key.Outcome,
                    g.Key.WaitingOn,
                    g.Key.Department,
                    g.Count(),
                    g.Sum(c => (long)c.UsedMinutes),
                    g.Sum(c => (long)c.BudgetMinutes + c.ApprovedExtensionMinutes)))
                .ToListAsync(cancellationToken);
        var logged = await matching
            .Where(c => c.IntervenerId != null && c.UsedMinutes > 0)
            .GroupBy(c => new { c.IntervenerId, c.UsedMinutes })
            .Select(g => new { g.Key.IntervenerId, g.Key.UsedMinutes, Cases = g.Count() })
            .ToListAsync(cancellationToken);
        var rates = interveners.ToDictionary(i => i.Id, i => i.HourlyRateCents);
        var cost = logged.Sum(l => Money.CostCents(rates.GetValueOrDefault(l.IntervenerId!), l.UsedMinutes) * l.Cases);
        return new Figures(groups, cost);
    }

    /// <summary>
    /// The before/after and satisfaction averages of the matching closed cases, overall, by department and by domain, read
    /// from the counts kept with every change (never a per-case score), under the small-group rule (decision 029). Not
    /// offered under an intervener's filter, which would make them a rating of that person, nor under "stalled".
    /// </summary>
    private static async Task<MeasureSummary> MeasuresAsync(AppDbContext db, PipelineFilter filter, SmallGroupThreshold threshold, CancellationToken cancellationToken)
    {
        // One row per kept combination of a closed state (a few thousand at most), added up here: no temporary tree to group them.
        var closed = nameof(CaseState.Closed);
        var rows = await Counts(db, filter)
            .Where(c => c.State == closed && (c.MeasuredCases != 0 || c.SatisfactionAnswers != 0))
            .Select(c => new { c.Department, c.DomainFlags, c.MeasuredCases, c.MeasuredObjectives, c.ScoreChange, c.SatisfactionAnswers, c.SatisfactionTotal, c.Recommending })
            .ToListAsync(cancellationToken);
        var facts = rows
            .GroupBy(r => (Department: r.Department.Length == 0 ? NoDepartment : r.Department, r.DomainFlags))
            .Select(g => new MeasureFact(
                g.Key.Department, g.Key.DomainFlags,
                g.Sum(r => r.MeasuredCases), g.Sum(r => r.MeasuredObjectives), g.Sum(r => r.ScoreChange),
                g.Sum(r => r.SatisfactionAnswers), g.Sum(r => r.SatisfactionTotal), g.Sum(r => r.Recommending)))
            .ToList();
        return MeasureStatistics.Summarise(facts, threshold);
    }

    /// <summary>The counts of the combinations the filter keeps (every filter but the intervener is a fact they are kept by).</summary>
    private static IQueryable<CaseCount> Counts(AppDbContext db, PipelineFilter filter)
    {
        var counts = db.CaseCounts.AsNoTracking().Where(c => c.Cases != 0);
        if (filter.State is { } state)
        {
            var name = state.ToString();
            counts = counts.Where(c => c.State == name);
        }

        if (filter.Domain is { } domain)
        {
            var flag = domain.Flag();
            counts = counts.Where(c => (c.DomainFlags & flag) != 0);
        }

        if (!string.IsNullOrEmpty(filter.Department))
        {
            counts = counts.Where(c => c.Department == filter.Department);
        }

        if (filter.WaitingOn is { } party)
        {
            var name = party.ToString();
            counts = counts.Where(c => c.WaitingOn == name);
        }

        return counts;
    }

    /// <summary>Every intervener with a profile: their name for the filter, their rate for the cost.</summary>
    private static async Task<List<Intervener>> IntervenersAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await (from p in db.IntervenerProfiles
               join u in db.Users on p.UserId equals u.Id into users
               from u in users.DefaultIfEmpty()
               select new Intervener(p.UserId, u == null ? "?" : u.DisplayName, p.HourlyRateCents))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The options of the department filter: every department someone belongs to, read as a loose index scan (one seek
    /// per department rather than a read of every person).
    /// </summary>
    private static Task<List<string>> DepartmentsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>(
            """
            WITH RECURSIVE "Departments"("Value") AS (
                SELECT MIN("Department") FROM "AspNetUsers"
                UNION ALL
                SELECT (SELECT MIN("Department") FROM "AspNetUsers" WHERE "Department" > "Value") FROM "Departments" WHERE "Value" IS NOT NULL)
            SELECT "Value" FROM "Departments" WHERE "Value" IS NOT NULL
            """).ToListAsync(cancellationToken);

    // The counts go through the domain's suppression; the sums of hours and cost cover the whole matching group, never fewer than the threshold.
    private static PipelineStatistics Statistics(Figures figures, SmallGroupThreshold threshold)
    {
        var facts = figures.Groups.Select(g => new CaseFact(g.State, g.Outcome, g.WaitingOn, g.Department ?? NoDepartment, g.Cases)).ToList();
        var shown = CaseStatistics.Tabulate(facts).Suppress(threshold);
        var byDepartment = facts.Select(f => f.Department).Distinct().Order(StringComparer.Ordinal)
            .Select(d => new DepartmentStatistics(d, shown[CaseFigure.InDepartment(d)], shown[CaseFigure.ActiveIn(d)], shown[CaseFigure.ClosedIn(d)]))
            .ToList();

        return new PipelineStatistics(
            figures.CaseCount,
            shown[CaseFigure.Active],
            Enum.GetValues<CaseState>().ToDictionary(s => s, s => shown[CaseFigure.InState(s)]),
            Enum.GetValues<CaseOutcome>().ToDictionary(o => o, o => shown[CaseFigure.WithOutcome(o)]),
            Enum.GetValues<WaitingParty>().ToDictionary(p => p, p => shown[CaseFigure.WaitingOn(p)]),
            (int)figures.Groups.Sum(g => g.UsedMinutes),
            (int)figures.Groups.Sum(g => g.BudgetMinutes),
            figures.CostCents,
            byDepartment);
    }

    private sealed record RowFacts(
        Guid Id, string? BeneficiaryName, string? Department, CaseState State, CaseOutcome? Outcome, List<CoachingDomain> Domains,
        string? IntervenerName, int Rate, WaitingParty? WaitingOn, ConflictDeclarationStatus ConflictDeclaration, DateTimeOffset StateEnteredAt,
        int BudgetMinutes, int ApprovedExtensionMinutes, int UsedMinutes);

    private sealed record Intervener(string Id, string Name, int HourlyRateCents);

    private sealed record FigureGroup(CaseState State, CaseOutcome? Outcome, WaitingParty? WaitingOn, string? Department, int Cases, long UsedMinutes, long BudgetMinutes);

    private sealed record Figures(IReadOnlyList<FigureGroup> Groups, long CostCents)
    {
        public int CaseCount { get; } = Groups.Sum(g => g.Cases);
    }
}
