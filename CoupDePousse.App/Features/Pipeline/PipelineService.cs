using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Pipeline;

/// <summary>HR's steering: the pipeline with its figures, and HR's own to-do list.</summary>
public sealed class PipelineService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<PipelineService> logger)
{
    public async Task<Result<PipelineOverview>> GetOverviewAsync(Actor actor, PipelineFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadPipeline", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = Filter(db, filter);
        var (total, pageCases) = filter.WaitingOn is { } party
            ? await WaitingOnAsync(cases, party, page, cancellationToken)
            : (await cases.CountAsync(cancellationToken),
               await cases.OrderByDescending(c => c.StateEnteredAt).Skip(page.Skip).Take(page.SafePageSize).ToRowsAsync(cancellationToken));

        // The page's interveners are named even once they lost their profile: their cases stay theirs.
        var onPage = pageCases.SelectMany(c => new[] { c.BeneficiaryId, c.IntervenerId }).OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => onPage.Contains(u.Id) || db.IntervenerProfiles.Any(p => p.UserId == u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Department })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var rates = await db.IntervenerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.HourlyRateCents, cancellationToken);
        var now = clock.GetUtcNow();

        var rows = pageCases.Select(c =>
        {
            var hours = c.Hours;
            return new PipelineRow(
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
                hours.UsedMinutes,
                hours.TotalMinutes,
                Money.CostCents(c.IntervenerId is null ? 0 : rates.GetValueOrDefault(c.IntervenerId), hours.UsedMinutes));
        }).ToList();

        // Figures describe the cases matching state, domain, department and intervener; "waiting on" narrows the rows only.
        var matching = filter.WaitingOn is null ? total : await cases.CountAsync(cancellationToken);
        var statistics = SmallGroups.CanShow(matching)
            ? await StatisticsAsync(db, cases, matching, rates, cancellationToken)
            : null;

        var departments = await db.Users.Where(u => u.Department != null).Select(u => u.Department!).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);
        var intervenerOptions = rates.Keys.Select(id => new IntervenerFilterOption(id, people.GetValueOrDefault(id)?.DisplayName ?? "?"))
            .OrderBy(i => i.Name).ToList();

        return new PipelineOverview(total, statistics, new PagedResult<PipelineRow>(rows, total, page.SafePage, page.SafePageSize), departments, intervenerOptions);
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

    // Whose move it is is a rule of the domain, applied in memory to the projected facts of the active cases, longest waiting first.
    private static async Task<(int Total, List<CaseRow> Page)> WaitingOnAsync(IQueryable<CoachingCase> cases, WaitingParty party, PageRequest page, CancellationToken cancellationToken)
    {
        var waiting = (await cases.Active().ToRowsAsync(cancellationToken))
            .Where(c => c.Progress.WaitingOn == party)
            .OrderBy(c => c.StateEnteredAt)
            .ToList();
        return (waiting.Count, waiting.Skip(page.Skip).Take(page.SafePageSize).ToList());
    }

    private static async Task<PipelineStatistics> StatisticsAsync(
        AppDbContext db,
        IQueryable<CoachingCase> cases,
        int total,
        IReadOnlyDictionary<string, int> rates,
        CancellationToken cancellationToken)
    {
        var byState = await cases.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byOutcome = await cases.Where(c => c.Outcome != null).GroupBy(c => c.Outcome!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var active = await cases.Active().ToRowsAsync(cancellationToken);
        var waiting = active.Select(c => c.Progress.WaitingOn).OfType<WaitingParty>()
            .GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());

        var figures = await cases.Select(c => new
        {
            Department = db.Users.Where(u => u.Id == c.BeneficiaryId).Select(u => u.Department).FirstOrDefault(),
            c.IntervenerId,
            c.State,
            c.BudgetMinutes,
            ApprovedMinutes = c.Extensions.AsQueryable().Where(HoursBudget.CountsInBudget).Sum(e => e.Minutes),
            UsedMinutes = c.Sessions.Sum(s => s.DurationMinutes),
        }).ToListAsync(cancellationToken);
        var hours = figures.Select(f => (f.IntervenerId, Hours: new HoursBudget(f.BudgetMinutes, f.ApprovedMinutes, f.UsedMinutes))).ToList();

        var byDepartment = figures
            .GroupBy(f => f.Department ?? "—")
            .OrderBy(g => g.Key)
            .Select(g => SmallGroups.CanShow(g.Count())
                ? new DepartmentStatistics(g.Key, true, g.Count(), g.Count(f => f.State.IsActive()), g.Count(f => f.State == CaseState.Closed))
                : new DepartmentStatistics(g.Key, false, null, null, null))
            .ToList();

        return new PipelineStatistics(
            total,
            byState,
            byOutcome,
            waiting,
            hours.Sum(h => h.Hours.UsedMinutes),
            hours.Sum(h => h.Hours.TotalMinutes),
            hours.Sum(h => Money.CostCents(h.IntervenerId is null ? 0 : rates.GetValueOrDefault(h.IntervenerId), h.Hours.UsedMinutes)),
            byDepartment);
    }
}
