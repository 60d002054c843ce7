using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// The one door to cases: proposing, listing, reading and every command on a case, each call authorized for its actor.
/// Private session notes keep their own narrow door, <see cref="SessionNoteService"/>.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseCommandRunner runner,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    /// <summary>The people this actor may propose a coup de pousse for, from the domain's proposal scope.</summary>
    public async Task<IReadOnlyList<PersonOption>> ProposableBeneficiariesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var employeeRoles = Proposing.EmployeeRoles.Select(r => r.ToString()).ToList();
        var employees = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id &&
            db.Roles.Any(r => r.Id == ur.RoleId && employeeRoles.Contains(r.Name!))));
        var people = actor.Role.ProposalScopeOf() switch
        {
            ProposalScope.AnyEmployee => employees,
            ProposalScope.TeamAndSelf => employees.Where(u => u.ManagerId == actor.UserId || u.Id == actor.UserId),
            ProposalScope.Self => employees.Where(u => u.Id == actor.UserId),
            _ => employees.Where(_ => false),
        };
        return await people.OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.Department))
            .ToListAsync(cancellationToken);
    }

    public Task<Result<Guid>> ProposeAsync(Actor actor, string beneficiaryId, CaseProposal proposal, CancellationToken cancellationToken = default) =>
        ProposeAsync(actor, beneficiaryId, proposal, requestId: null, cancellationToken);

    /// <summary>
    /// Proposes a case once per request id (decision 045): the form draws one when it opens, and a second submit of it,
    /// even at the same moment, answers with the case the first created.
    /// </summary>
    public async Task<Result<Guid>> ProposeAsync(Actor actor, string beneficiaryId, CaseProposal proposal, Guid? requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (requestId is { } request && await EarlierProposalAsync(db, actor, request, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var beneficiary = await db.Users.Where(u => u.Id == beneficiaryId)
            .Select(u => new
            {
                u.Id,
                u.ManagerId,
                u.Department,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (beneficiary is null)
        {
            return logger.LogRefusal(actor, "Propose", AppErrors.UnknownPerson);
        }

        var role = Enum.TryParse<Role>(beneficiary.Role, out var parsed) ? parsed : (Role?)null;
        var proposed = CoachingCase.Propose(actor, new BeneficiaryRef(beneficiary.Id, beneficiary.ManagerId, role, beneficiary.Department), proposal,
            await db.BudgetBoundsAsync(cancellationToken), clock.GetLocalNow());
        if (proposed.IsFailure)
        {
            return logger.LogRefusal(actor, "Propose", proposed.Error!);
        }

        db.Cases.Add(proposed.Value);
        if (requestId is { } id)
        {
            db.ProposalRequests.Add(new ProposalRequest { Id = id, CaseId = proposed.Value.Id });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (requestId is { } lost)
        {
            // The same request saved first from another submit: answer with its case.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await EarlierProposalAsync(fresh, actor, lost, cancellationToken) ?? throw new InvalidOperationException("A proposal failed to save.");
        }

        logger.LogInformation("Case {CaseId} proposed by user {UserId} ({Role})", proposed.Value.Id, actor.UserId, actor.Role);
        return proposed.Value.Id;
    }

    // A request id answers only the person who sent it: another's id names no case for them.
    private static async Task<Result<Guid>?> EarlierProposalAsync(AppDbContext db, Actor actor, Guid requestId, CancellationToken cancellationToken)
    {
        var earlier = await db.ProposalRequests.Where(r => r.Id == requestId)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { c.Id, c.ProposedById })
            .SingleOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return earlier.ProposedById == actor.UserId ? Result<Guid>.Success(earlier.Id) : Result<Guid>.Failure(AppErrors.NotFound);
    }

    /// <summary>The cases where the actor is the beneficiary or the assigned intervener, newest first.</summary>
    public async Task<PagedResult<CaseListItem>> ListMyCasesAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Cases.AsNoTracking().WithParticipant(actor).PageOfRowsAsync(page, cancellationToken);
        var names = await db.NamesAsync(rows.Items.SelectMany(r => new[] { r.BeneficiaryId, r.IntervenerId, r.ProposedById }), cancellationToken);
        var items = rows.Items.Select(r => new CaseListItem(
            r.Id,
            names.GetValueOrDefault(r.BeneficiaryId, "?"),
            r.IntervenerId is null ? null : names.GetValueOrDefault(r.IntervenerId),
            names.GetValueOrDefault(r.ProposedById, "?"),
            r.ProposedById != r.BeneficiaryId,
            r.State,
            r.Domains,
            r.ProposedAt,
            r.StateEnteredAt,
            r.Hours.UsedMinutes,
            r.Hours.TotalMinutes,
            r.Hours.IsNearLimit,
            r.IntervenerId == actor.UserId ? r.Progress.ForIntervener : null)).ToList();
        return new PagedResult<CaseListItem>(items, rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>A manager's own proposals with a coarse status, and nothing else.</summary>
    public async Task<PagedResult<ProposalListItem>> ListMyProposalsAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Cases.Where(c => c.ProposedById == actor.UserId && c.BeneficiaryId != actor.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(c => c.ProposedAt).Skip(page.Skip).Take(page.SafePageSize)
            .Select(c => new { c.Id, c.BeneficiaryId, c.ProposedAt, c.State })
            .ToListAsync(cancellationToken);
        var names = await db.NamesAsync(rows.Select(r => r.BeneficiaryId), cancellationToken);
        var items = rows.Select(r => new ProposalListItem(r.Id, names.GetValueOrDefault(r.BeneficiaryId, "?"), r.ProposedAt, r.State.ToCoarseStatus())).ToList();
        return new PagedResult<ProposalListItem>(items, total, page.SafePage, page.SafePageSize);
    }

    /// <summary>The case as this actor may see it, or null exactly as if it did not exist.</summary>
    public async Task<CaseView?> GetAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One connection for the aggregate's split queries and the facts around it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var coachingCase = await db.LoadCaseAsync(caseId, cancellationToken);
        var visibility = coachingCase is null ? null : CaseVisibility.For(actor, coachingCase);
        if (coachingCase is null || visibility is null || !visibility.CanReach)
        {
            logger.LogRefusal(actor, "ReadCase", AppErrors.NotFound, caseId);
            return null;
        }

        var names = await db.NamesAsync(
            coachingCase.History.Select(h => h.UserId).Append(coachingCase.BeneficiaryId).Append(coachingCase.IntervenerId).Append(coachingCase.ProposedById),
            cancellationToken);
        var views = new CaseViewBuilder(actor, coachingCase, visibility, names);
        return visibility.Relation switch
        {
            CaseRelation.Proposer => views.Proposer(),
            CaseRelation.Company => views.Company(await CompanyFactsAsync(db, coachingCase, actor, clock.GetUtcNow(), cancellationToken)),
            _ => views.Engagement(),
        };
    }

    /// <summary>
    /// Performs one operation; refused operations change nothing and say why. The expected version is the one
    /// the actor saw; null only for a proposer, who is never shown it (the database still settles races).
    /// </summary>
    public Task<Result> PerformAsync(Actor actor, Guid caseId, int? expectedVersion, CaseCommand command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, caseId, expectedVersion, command, cancellationToken);

    /// <summary>Interveners who fit the case (the domain's rule: a domain covered and room left), least loaded first.</summary>
    public async Task<Result<IReadOnlyList<IntervenerOption>>> CandidatesAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListCandidates", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.Domains, c.BeneficiaryId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return AppErrors.NotFound;
        }

        return Result.Success(await CandidatesAsync(db, caseId, found.Domains, found.BeneficiaryId, cancellationToken));
    }

    private static async Task<IReadOnlyList<IntervenerOption>> CandidatesAsync(AppDbContext db, Guid caseId, IReadOnlyList<Domain.Catalogue.CoachingDomain> domains, string beneficiaryId, CancellationToken cancellationToken)
    {
        var candidates = await db.IntervenerCandidatesAsync(caseId, cancellationToken: cancellationToken);
        var names = await db.NamesAsync(candidates.Select(c => c.Profile.UserId), cancellationToken);
        var beneficiary = await db.BeneficiaryOfAsync(beneficiaryId, cancellationToken);
        return candidates
            .Where(c => c.Fits(domains, beneficiary).IsSuccess)
            .Select(c => new IntervenerOption(c.Profile.UserId, names.GetValueOrDefault(c.Profile.UserId, "?"), c.Profile.Domains, c.ActiveCases, c.Profile.MaxActiveCases, c.Profile.HourlyRateCents, c.KnownConflicts))
            .OrderBy(o => (double)o.ActiveCases / o.MaxActiveCases).ThenBy(o => o.Name)
            .ToList();
    }

    private static async Task<CompanyFacts> CompanyFactsAsync(AppDbContext db, CoachingCase c, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rate = c.IntervenerId is null ? 0
            : await db.IntervenerProfiles.Where(p => p.UserId == c.IntervenerId).Select(p => p.HourlyRateCents).SingleOrDefaultAsync(cancellationToken);
        var candidates = c.CanPerform(actor, CaseTrigger.AssignIntervener).IsSuccess
            ? await CandidatesAsync(db, c.Id, c.Domains, c.BeneficiaryId, cancellationToken)
            : [];
        var bounds = await db.BudgetBoundsAsync(cancellationToken);
        var intervenerActive = c.IntervenerId is null
            || (await db.IntervenerAccountsAsync([c.IntervenerId], cancellationToken)).GetValueOrDefault(c.IntervenerId, IntervenerAccount.Gone).IsActive;
        return new CompanyFacts(c.Department, rate, candidates, bounds, intervenerActive, await db.MeetingSummaryAsync(c.Id, now, cancellationToken));
    }
}
