using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>A resource shared on the case, in the reader's language (the other one when it exists in one only).</summary>
public sealed record SharedResourceView(Guid Id, Guid ResourceId, string Title, string Summary, string? Link, DateTimeOffset SharedAt);

/// <summary>An action item; <paramref name="Mine"/> says whether the reader's side wrote it, and so may change it.</summary>
public sealed record ActionItemView(Guid Id, string Text, DateOnly? DueOn, ActionItemAuthor Author, bool Mine, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt);

/// <summary>A library resource the intervener may share; those of the case's domains and topics come first.</summary>
public sealed record LibraryChoice(Guid Id, string Title, string Summary, CoachingDomain Domain, string? TopicCode, bool FitsCase);

/// <summary>What is between the two parties of a case: each relation gets its own shape.</summary>
public abstract record BetweenSessionsView(IReadOnlyList<SharedResourceView> Resources, IReadOnlyList<ActionItemView> Items, bool IsOpen);

/// <summary>The beneficiary's: what was shared with them and the actions, theirs to tick.</summary>
public sealed record BeneficiaryBetweenSessionsView(IReadOnlyList<SharedResourceView> Resources, IReadOnlyList<ActionItemView> Items, bool IsOpen)
    : BetweenSessionsView(Resources, Items, IsOpen);

/// <summary>The intervener's: the same, and the active library to share from.</summary>
public sealed record IntervenerBetweenSessionsView(IReadOnlyList<SharedResourceView> Resources, IReadOnlyList<ActionItemView> Items, bool IsOpen, IReadOnlyList<LibraryChoice> Library)
    : BetweenSessionsView(Resources, Items, IsOpen);

/// <summary>
/// Resources and action items between sessions (decision 028), kept apart from the case like the journal: read and changed here only,
/// by the case's beneficiary and its intervener of the moment. Anyone else, HR included, gets "not found".
/// </summary>
public sealed class BetweenSessionsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<BetweenSessionsService> logger)
{
    public async Task<BetweenSessionsView?> ForCaseAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (coachingCase is null || !BetweenSessions.MayRead(coachingCase, actor))
        {
            if (coachingCase is null || !BetweenSessions.IsParty(coachingCase, actor))
            {
                logger.LogRefusal(actor, "ReadBetweenSessions", AppErrors.NotFound, caseId);
            }

            return null;
        }

        var english = Language.IsEnglish();
        var party = BetweenSessions.PartyOf(coachingCase, actor)!.Value;
        var resources = (await db.ResourceShares.AsNoTracking()
                .Where(s => s.CaseId == caseId)
                .Join(db.LibraryResources, s => s.ResourceId, r => r.Id, (s, r) => new { s.Id, s.ResourceId, s.SharedAt, r.TitleFrench, r.TitleEnglish, r.SummaryFrench, r.SummaryEnglish, r.Link })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.SharedAt)
            .Select(s => new SharedResourceView(s.Id, s.ResourceId, LibraryResource.Fallback(s.TitleFrench, s.TitleEnglish, english),
                LibraryResource.Fallback(s.SummaryFrench, s.SummaryEnglish, english), s.Link, s.SharedAt))
            .ToList();
        var items = (await db.ActionItems.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(i => i.DoneAt is not null).ThenBy(i => i.DueOn ?? DateOnly.MaxValue).ThenBy(i => i.CreatedAt)
            .Select(i => new ActionItemView(i.Id, i.Text, i.DueOn, i.Author, i.Author == party, i.CreatedAt, i.DoneAt))
            .ToList();
        var isOpen = BetweenSessions.IsOpen(coachingCase);
        if (party == ActionItemAuthor.Beneficiary)
        {
            return new BeneficiaryBetweenSessionsView(resources, items, isOpen);
        }

        var shared = resources.Select(r => r.ResourceId).ToHashSet();
        var library = isOpen
            ? (await db.LibraryResources.AsNoTracking().Where(r => !r.IsArchived).ToListAsync(cancellationToken))
                .Where(r => !shared.Contains(r.Id))
                .Select(r => new LibraryChoice(r.Id, LibraryResource.Fallback(r.TitleFrench, r.TitleEnglish, english), LibraryResource.Fallback(r.SummaryFrench, r.SummaryEnglish, english),
                    r.Domain, r.TopicCode, coachingCase.Domains.Contains(r.Domain) && (r.TopicCode is null || coachingCase.TopicCodes.Contains(r.TopicCode))))
                .OrderByDescending(c => c.FitsCase).ThenBy(c => c.Domain).ThenBy(c => c.Title, StringComparer.CurrentCulture)
                .ToList()
            : [];
        return new IntervenerBetweenSessionsView(resources, items, isOpen, library);
    }

    public Task<Result> ShareAsync(Actor actor, Guid caseId, Guid resourceId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, caseId, "ShareResource", async (db, coachingCase) =>
        {
            var resource = await db.LibraryResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resourceId, cancellationToken);
            if (resource is null)
            {
                return ResourceErrors.NotFound;
            }

            var alreadyShared = await db.ResourceShares.Where(s => s.CaseId == caseId).Select(s => s.ResourceId).ToListAsync(cancellationToken);
            var shared = ResourceShare.Share(coachingCase, actor, resource, alreadyShared, clock.GetUtcNow());
            if (shared.IsSuccess)
            {
                db.ResourceShares.Add(shared.Value);
            }

            return shared;
        }, cancellationToken);

    public Task<Result> WithdrawAsync(Actor actor, Guid caseId, Guid sharedId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, caseId, "WithdrawResource", async (db, coachingCase) =>
        {
            var shared = await db.ResourceShares.SingleOrDefaultAsync(s => s.Id == sharedId && s.CaseId == caseId, cancellationToken);
            if (shared is null)
            {
                return AppErrors.NotFound;
            }

            var allowed = shared.CanWithdraw(coachingCase, actor);
            if (allowed.IsSuccess)
            {
                db.ResourceShares.Remove(shared);
            }

            return allowed;
        }, cancellationToken);

    public Task<Result> AddItemAsync(Actor actor, Guid caseId, string text, DateOnly? dueOn, CancellationToken cancellationToken = default) =>
        RunAsync(actor, caseId, "AddActionItem", (db, coachingCase) =>
        {
            var item = ActionItem.Add(coachingCase, actor, text, dueOn, clock.GetUtcNow());
            if (item.IsSuccess)
            {
                db.ActionItems.Add(item.Value);
            }

            return Task.FromResult<Result>(item);
        }, cancellationToken);

    public Task<Result> EditItemAsync(Actor actor, Guid caseId, Guid itemId, string text, DateOnly? dueOn, CancellationToken cancellationToken = default) =>
        ChangeItemAsync(actor, caseId, itemId, "EditActionItem", (_, coachingCase, item) => item.Edit(coachingCase, actor, text, dueOn, clock.GetUtcNow()), cancellationToken);

    public Task<Result> SetDoneAsync(Actor actor, Guid caseId, Guid itemId, bool done, CancellationToken cancellationToken = default) =>
        ChangeItemAsync(actor, caseId, itemId, "TickActionItem", (_, coachingCase, item) => item.MarkDone(coachingCase, actor, done, clock.GetUtcNow()), cancellationToken);

    public Task<Result> DeleteItemAsync(Actor actor, Guid caseId, Guid itemId, CancellationToken cancellationToken = default) =>
        ChangeItemAsync(actor, caseId, itemId, "DeleteActionItem", (db, coachingCase, item) =>
        {
            var allowed = item.CanDelete(coachingCase, actor);
            if (allowed.IsSuccess)
            {
                db.ActionItems.Remove(item);
            }

            return allowed;
        }, cancellationToken);

    private Task<Result> ChangeItemAsync(Actor actor, Guid caseId, Guid itemId, string operation, Func<AppDbContext, CoachingCase, ActionItem, Result> change,
        CancellationToken cancellationToken) =>
        RunAsync(actor, caseId, operation, async (db, coachingCase) =>
        {
            var item = await db.ActionItems.SingleOrDefaultAsync(i => i.Id == itemId && i.CaseId == caseId, cancellationToken);
            return item is null ? AppErrors.NotFound : change(db, coachingCase, item);
        }, cancellationToken);

    /// <summary>Loads the case (not found for anyone but its two parties), applies the change and saves; a refusal changes nothing.</summary>
    private async Task<Result> RunAsync(Actor actor, Guid caseId, string operation, Func<AppDbContext, CoachingCase, Task<Result>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (coachingCase is null || !BetweenSessions.IsParty(coachingCase, actor))
        {
            return logger.LogRefusal(actor, operation, AppErrors.NotFound, caseId);
        }

        var result = await change(db, coachingCase);
        if (result.IsFailure)
        {
            return logger.LogRefusal(actor, operation, result.Error!, caseId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
