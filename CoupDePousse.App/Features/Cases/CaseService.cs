using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>Proposing, listing, reading and acting on cases, each call authorized for its actor.</summary>
public sealed class CaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseCommandRunner runner,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    /// <summary>The people this actor may propose a coup de pousse for.</summary>
    public async Task<IReadOnlyList<PersonOption>> ProposableBeneficiariesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var employees = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id &&
            db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Beneficiary || r.Name == Roles.Manager))));
        var people = actor.Role switch
        {
            Role.HR => employees,
            Role.Manager => employees.Where(u => u.ManagerId == actor.UserId || u.Id == actor.UserId),
            Role.Beneficiary => db.Users.Where(u => u.Id == actor.UserId),
            _ => db.Users.Where(_ => false),
        };
        return await people.OrderBy(u => u.DisplayName)
            .Select(u => new PersonOption(u.Id, u.DisplayName, u.Department))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<Guid>> ProposeAsync(Actor actor, string beneficiaryId, CaseProposal proposal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var beneficiary = await db.Users.Where(u => u.Id == beneficiaryId)
            .Select(u => new
            {
                Ref = new BeneficiaryRef(u.Id, u.ManagerId),
                IsEmployee = db.UserRoles.Any(ur => ur.UserId == u.Id &&
                    db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Beneficiary || r.Name == Roles.Manager || r.Name == Roles.HR))),
            })
            .SingleOrDefaultAsync(cancellationToken);

        if (beneficiary is null)
        {
            return LogRefusedProposal(actor, AppErrors.UnknownPerson);
        }

        var proposed = CoachingCase.Propose(actor, beneficiary.Ref, proposal, await db.BudgetBoundsAsync(cancellationToken), clock.GetLocalNow());
        if (proposed.IsFailure)
        {
            return LogRefusedProposal(actor, proposed.Error!);
        }

        // Coaching is for the company's employees: never an intervener's or an admin's account.
        if (!beneficiary.IsEmployee)
        {
            return LogRefusedProposal(actor, AppErrors.NotAnEmployee);
        }

        db.Cases.Add(proposed.Value);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Case {CaseId} proposed by user {UserId} ({Role})", proposed.Value.Id, actor.UserId, actor.Role);
        return proposed.Value.Id;
    }

    private Error LogRefusedProposal(Actor actor, Error error) => logger.LogRefusal(actor, "Propose", error);

    /// <summary>The cases where the actor is the beneficiary or the assigned intervener, newest first.</summary>
    public async Task<PagedResult<CaseListItem>> ListMyCasesAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Cases.Where(c => c.BeneficiaryId == actor.UserId || (actor.Role == Role.Intervener && c.IntervenerId == actor.UserId));
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(c => c.ProposedAt).Skip(page.Skip).Take(page.SafePageSize)
            .Select(c => new
            {
                c.Id, c.BeneficiaryId, c.IntervenerId, c.State, c.Domains, c.ProposedAt, c.StateEnteredAt, c.BudgetMinutes,
                Used = c.Sessions.Sum(s => s.DurationMinutes),
                Extra = c.Extensions.Where(e => e.Status == ExtensionStatus.Approved).Sum(e => e.Minutes),
            })
            .ToListAsync(cancellationToken);
        var names = await db.NamesAsync(rows.SelectMany(r => new[] { r.BeneficiaryId, r.IntervenerId }), cancellationToken);
        var items = rows.Select(r => new CaseListItem(r.Id, names.GetValueOrDefault(r.BeneficiaryId, "?"),
            r.IntervenerId is null ? null : names.GetValueOrDefault(r.IntervenerId), r.State, r.Domains, r.ProposedAt,
            r.StateEnteredAt, r.Used, r.BudgetMinutes + r.Extra)).ToList();
        return new PagedResult<CaseListItem>(items, total, page.SafePage, page.SafePageSize);
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
        var beneficiaryName = names.GetValueOrDefault(coachingCase.BeneficiaryId, "?");

        return visibility.Relation switch
        {
            CaseRelation.Proposer => new ProposerCaseView(coachingCase.Id, beneficiaryName, coachingCase.ProposedAt, coachingCase.State.ToCoarseStatus(),
                coachingCase.AvailableTriggers(actor)),
            CaseRelation.Company => await CompanyViewAsync(db, actor, coachingCase, visibility, names, cancellationToken),
            _ => EngagementView(actor, coachingCase, visibility, names),
        };
    }

    /// <summary>
    /// Performs one operation; refused operations change nothing and say why. The expected version is the one
    /// the actor saw; null only for a proposer, who is never shown it (the database still settles races).
    /// </summary>
    public Task<Result> PerformAsync(Actor actor, Guid caseId, int? expectedVersion, CaseCommand command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, caseId, expectedVersion, command, cancellationToken);

    private static CaseHeader Header(Actor actor, CoachingCase c, CaseVisibility visibility, IReadOnlyDictionary<string, string> names) => new(
        c.Version,
        c.State,
        c.Outcome,
        c.StateEnteredAt,
        names.GetValueOrDefault(c.ProposedById, "?"),
        c.Domains,
        c.TopicCodes,
        c.Description,
        c.WishedTiming,
        c.IntervenerId is null ? null : names.GetValueOrDefault(c.IntervenerId, "?"),
        c.Interview,
        c.BeneficiaryContinued,
        c.Hours,
        c.Sessions.OrderBy(s => s.Date).Select(s => new SessionView(s.Id, s.Date, s.DurationMinutes, s.Mode)).ToList(),
        c.Extensions.OrderBy(e => e.RequestedAt).Select(e => new ExtensionView(e.Id, e.Minutes, e.Reason, e.Status, e.RequestedAt)).ToList(),
        c.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HistoryEntry(h.At, names.GetValueOrDefault(h.UserId, "?"), h.Role, h.From, h.To, h.Trigger, h.Detail)).ToList(),
        visibility.SeesCancellationReason ? c.CancellationReason : null,
        c.AvailableTriggers(actor));

    private static IReadOnlyList<ObjectiveView> ObjectiveViews(CoachingCase c) =>
        c.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveView(o.Id, o.Statement, o.SuccessMeasure, o.Rating)).ToList();

    private static EngagementCaseView EngagementView(Actor actor, CoachingCase c, CaseVisibility visibility, IReadOnlyDictionary<string, string> names) => new(
        c.Id,
        names.GetValueOrDefault(c.BeneficiaryId, "?"),
        c.ProposedAt,
        visibility.Relation,
        Header(actor, c, visibility, names),
        c.Verdicts.Select(v => new VerdictView(v.Criterion, v.Party, v.Validated, v.Comment)).ToList(),
        c.CompanyRuling,
        c.IntervenerRuling,
        ObjectiveViews(c),
        c.ObjectiveDrafts.OrderBy(d => d.Position).Select(d => new ObjectiveInput(d.Statement, d.SuccessMeasure)).ToList(),
        c.ObjectiveRevisions.OrderBy(r => r.Number).Select(r => new ObjectiveRevisionView(r.Number, r.SetAt, r.Objectives)).ToList(),
        c.ObjectivesShared,
        c.Referral,
        c.ClosingSummary);

    private static async Task<CompanyCaseView> CompanyViewAsync(AppDbContext db, Actor actor, CoachingCase c, CaseVisibility visibility, IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        var department = await db.Users.Where(u => u.Id == c.BeneficiaryId).Select(u => u.Department).SingleOrDefaultAsync(cancellationToken);
        var rate = c.IntervenerId is null ? 0
            : await db.IntervenerProfiles.Where(p => p.UserId == c.IntervenerId).Select(p => p.HourlyRateCents).SingleOrDefaultAsync(cancellationToken);
        return new CompanyCaseView(
            c.Id,
            names.GetValueOrDefault(c.BeneficiaryId, "?"),
            c.ProposedAt,
            department,
            Header(actor, c, visibility, names),
            c.Verdicts.Where(v => v.Party == Party.Company).Select(v => new VerdictView(v.Criterion, v.Party, v.Validated, v.Comment)).ToList(),
            c.Verdicts.Where(v => v.Party == Party.Intervener).Select(v => new VerdictOutcomeView(v.Criterion, v.Party, v.Validated)).ToList(),
            c.CompanyRuling,
            c.IntervenerRuling,
            Money.CostCents(rate, c.Hours.UsedMinutes),
            c.ObjectivesShared,
            visibility.SeesObjectives ? ObjectiveViews(c) : []);
    }
}
