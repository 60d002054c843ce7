using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>One row of a list of cases: who, state, hours, and the facts that say whose move it is.</summary>
public sealed record CaseRow(
    Guid Id,
    string BeneficiaryId,
    string ProposedById,
    string? IntervenerId,
    CaseState State,
    CaseOutcome? Outcome,
    IReadOnlyList<CoachingDomain> Domains,
    DateTimeOffset ProposedAt,
    DateTimeOffset StateEnteredAt,
    HoursBudget Hours,
    CaseProgress Progress);

/// <summary>The queries several features share: loading a case, names, intervener loads, list rows.</summary>
public static class CaseQueries
{
    /// <summary>The whole aggregate, tracked. Session notes are not part of it and never load with it.</summary>
    public static Task<CoachingCase?> LoadCaseAsync(this AppDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        db.Cases.WholeAggregates().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Cases with every child collection of the aggregate, one query per collection.</summary>
    public static IQueryable<CoachingCase> WholeAggregates(this IQueryable<CoachingCase> cases) =>
        cases
            .Include(c => c.Verdicts)
            .Include(c => c.Objectives.OrderBy(o => o.Position))
            .Include(c => c.ObjectiveDrafts.OrderBy(d => d.Position))
            .Include(c => c.ObjectiveRevisions.OrderBy(r => r.Number))
            .Include(c => c.Sessions.OrderBy(s => s.LoggedAt))
            .Include(c => c.Extensions.OrderBy(e => e.RequestedAt))
            .Include(c => c.History.OrderBy(h => h.Id))
            .Include(c => c.AgreementVersions.OrderBy(v => v.Number))
            .Include(c => c.AgreementAcceptances.OrderBy(a => a.AcceptedAt))
            .AsSplitQuery();

    /// <summary>Display names of the given users, for read models.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(this AppDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>How many active cases each intervener holds, leaving one case out (the one being assigned).</summary>
    public static Task<Dictionary<string, int>> IntervenerLoadsAsync(this AppDbContext db, Guid? exceptCaseId = null, CancellationToken cancellationToken = default) =>
        db.Cases.Active().Where(c => c.IntervenerId != null && c.Id != exceptCaseId)
            .GroupBy(c => c.IntervenerId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>For each given user that exists: whether they hold the Intervener role and their account is enabled.</summary>
    public static async Task<Dictionary<string, IntervenerAccount>> IntervenerAccountsAsync(this AppDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        var intervener = nameof(Role.Intervener);
        var accounts = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                Enabled = u.DisabledAt == null,
                IsIntervener = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == intervener)),
            })
            .ToListAsync(cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => new IntervenerAccount(a.IsIntervener, a.Enabled));
    }

    /// <summary>
    /// Interveners as the domain weighs them for one case: profile, load of active cases (that case left out) and account;
    /// all of them, or the one given.
    /// </summary>
    public static async Task<List<IntervenerCandidate>> IntervenerCandidatesAsync(this AppDbContext db, Guid caseId, string? onlyUserId = null, CancellationToken cancellationToken = default)
    {
        var profiles = await db.IntervenerProfiles.AsNoTracking()
            .Where(p => onlyUserId == null || p.UserId == onlyUserId)
            .ToListAsync(cancellationToken);
        var loads = await db.IntervenerLoadsAsync(caseId, cancellationToken);
        var accounts = await db.IntervenerAccountsAsync(profiles.Select(p => p.UserId), cancellationToken);
        var beneficiaryId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.BeneficiaryId).SingleOrDefaultAsync(cancellationToken);
        var beneficiary = beneficiaryId is null ? null : await db.BeneficiaryOfAsync(beneficiaryId, cancellationToken);
        var followed = beneficiary is null ? [] : await db.FollowedCasesAsync(profiles.Select(p => p.UserId), cancellationToken);
        return profiles
            .Select(p => new IntervenerCandidate(p, loads.GetValueOrDefault(p.UserId), accounts.GetValueOrDefault(p.UserId, IntervenerAccount.Gone),
                beneficiary is null ? [] : ConflictDetection.Detect(caseId, beneficiary, followed.Where(f => f.IntervenerId == p.UserId).Select(f => f.Case))))
            .ToList();
    }

    /// <summary>The active cases these interveners follow, with each beneficiary's current manager: the inputs of the conflict rule.</summary>
    public static async Task<List<(string IntervenerId, FollowedCase Case)>> FollowedCasesAsync(this AppDbContext db, IEnumerable<string> intervenerIds, CancellationToken cancellationToken = default)
    {
        var ids = intervenerIds.Distinct().ToList();
        var rows = await db.Cases.Active().Where(c => c.IntervenerId != null && ids.Contains(c.IntervenerId))
            .Select(c => new { IntervenerId = c.IntervenerId!, c.Id, c.BeneficiaryId, ManagerId = db.Users.Where(u => u.Id == c.BeneficiaryId).Select(u => u.ManagerId).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.IntervenerId, new FollowedCase(r.Id, r.BeneficiaryId, r.ManagerId))).ToList();
    }

    /// <summary>The beneficiary of a case as the domain checks an intervener's independence: who they are and who manages them.</summary>
    public static async Task<BeneficiaryRef> BeneficiaryOfAsync(this AppDbContext db, string beneficiaryId, CancellationToken cancellationToken = default) =>
        new(beneficiaryId, await db.Users.Where(u => u.Id == beneficiaryId).Select(u => u.ManagerId).SingleOrDefaultAsync(cancellationToken));

    /// <summary>Cases that still occupy an intervener's capacity: not in one of the domain's ended states.</summary>
    public static IQueryable<CoachingCase> Active(this IQueryable<CoachingCase> cases) =>
        cases.Where(c => !CaseStates.Ended.Contains(c.State));

    /// <summary>The cases where the actor is the beneficiary or the assigned intervener.</summary>
    public static IQueryable<CoachingCase> WithParticipant(this IQueryable<CoachingCase> cases, Actor actor) =>
        actor.Role == Role.Intervener
            ? cases.Where(c => c.BeneficiaryId == actor.UserId || c.IntervenerId == actor.UserId)
            : cases.Where(c => c.BeneficiaryId == actor.UserId);

    /// <summary>The rows of these cases, in the given order, reading only the columns a list shows (never any text).</summary>
    public static async Task<List<CaseRow>> ToRowsAsync(this IQueryable<CoachingCase> cases, CancellationToken cancellationToken = default)
    {
        var facts = await cases.Select(c => new
        {
            c.Id,
            c.BeneficiaryId,
            c.ProposedById,
            c.IntervenerId,
            c.State,
            c.Outcome,
            c.Domains,
            c.ProposedAt,
            c.StateEnteredAt,
            c.BudgetMinutes,
            c.ApprovedExtensionMinutes,
            c.UsedMinutes,
            InterviewHeld = c.Interview != null,
            c.BeneficiaryContinued,
            CompanyVerdicts = c.Verdicts.Count(v => v.Party == Party.Company),
            IntervenerVerdicts = c.Verdicts.Count(v => v.Party == Party.Intervener),
            c.CompanyRuling,
            c.IntervenerRuling,
            ExtensionPending = c.Extensions.Any(e => e.Status == ExtensionStatus.Pending),
            c.ConflictDeclaration,
            c.AgreementAwaitingParties,
        }).ToListAsync(cancellationToken);

        return facts.Select(f =>
        {
            var hours = new HoursBudget(f.BudgetMinutes, f.ApprovedExtensionMinutes, f.UsedMinutes);
            var progress = new CaseProgress(f.State, f.IntervenerId is not null, f.InterviewHeld, f.BeneficiaryContinued, f.CompanyVerdicts,
                f.IntervenerVerdicts, f.CompanyRuling, f.IntervenerRuling, f.ExtensionPending, hours.IsNearLimit,
                f.ConflictDeclaration, f.AgreementAwaitingParties);
            return new CaseRow(f.Id, f.BeneficiaryId, f.ProposedById, f.IntervenerId, f.State, f.Outcome, f.Domains, f.ProposedAt, f.StateEnteredAt, hours, progress);
        }).ToList();
    }

    /// <summary>One page of rows, newest proposal first, with the total.</summary>
    public static async Task<PagedResult<CaseRow>> PageOfRowsAsync(this IQueryable<CoachingCase> cases, PageRequest page, CancellationToken cancellationToken = default)
    {
        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases.OrderByDescending(c => c.ProposedAt).Skip(page.Skip).Take(page.SafePageSize).ToRowsAsync(cancellationToken);
        return new PagedResult<CaseRow>(rows, total, page.SafePage, page.SafePageSize);
    }
}
