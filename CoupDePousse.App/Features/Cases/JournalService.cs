using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>An entry as its author reads it back.</summary>
public sealed record JournalEntryView(Guid Id, string Text, DateTimeOffset WrittenAt, DateTimeOffset? EditedAt, bool SharedWithIntervener);

/// <summary>The beneficiary's journal on one case: their entries, and whether they may still write.</summary>
public sealed record JournalView(IReadOnlyList<JournalEntryView> Entries, bool IsOpen);

/// <summary>An entry the beneficiary shared, as the intervener reads it: no sharing switch, nothing to change.</summary>
public sealed record SharedJournalEntryView(Guid Id, string Text, DateTimeOffset WrittenAt, DateTimeOffset? EditedAt);

/// <summary>
/// The beneficiary's journal, kept apart from the case like the session notes (decisions 002 and 025): read here and nowhere else,
/// by its author, and by the case's intervener for the entries shared with them.
/// </summary>
public sealed class JournalService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<JournalService> logger)
{
    /// <summary>The beneficiary's own entries on their case; anyone else gets null (not found).</summary>
    public async Task<JournalView?> MyJournalAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.BeneficiaryId == actor.UserId)
            .Select(c => new { c.EndedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (coachingCase is null)
        {
            logger.LogRefusal(actor, "ReadJournal", AppErrors.NotFound, caseId);
            return null;
        }

        var entries = await db.JournalEntries.AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .Where(JournalEntry.ReadableBy(actor.UserId, isCaseIntervener: false))
            .OrderByDescending(e => e.WrittenAt)
            .Select(e => new JournalEntryView(e.Id, e.Text, e.WrittenAt, e.EditedAt, e.SharedWithIntervener))
            .ToListAsync(cancellationToken);
        var isOpen = coachingCase.EndedAt is not { } ended || clock.GetUtcNow() <= ended + JournalEntry.OpenAfterEnd;
        return new JournalView(entries, isOpen);
    }

    /// <summary>The entries the beneficiary shared with the actor, when the actor is the case's intervener; nobody else gets any.</summary>
    public async Task<IReadOnlyList<SharedJournalEntryView>> SharedWithMeAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isCaseIntervener = actor.Role == Role.Intervener
            && await db.Cases.AnyAsync(c => c.Id == caseId && c.IntervenerId == actor.UserId && c.BeneficiaryId != actor.UserId, cancellationToken);
        if (!isCaseIntervener)
        {
            logger.LogRefusal(actor, "ReadSharedJournal", AppErrors.NotFound, caseId);
            return [];
        }

        return await db.JournalEntries.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.AuthorId != actor.UserId)
            .Where(JournalEntry.ReadableBy(actor.UserId, isCaseIntervener: true))
            .OrderByDescending(e => e.WrittenAt)
            .Select(e => new SharedJournalEntryView(e.Id, e.Text, e.WrittenAt, e.EditedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result> WriteAsync(Actor actor, Guid caseId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (coachingCase is null || !coachingCase.IsBeneficiary(actor))
        {
            return logger.LogRefusal(actor, "WriteJournalEntry", AppErrors.NotFound, caseId);
        }

        var entry = JournalEntry.Write(coachingCase, actor, text, clock.GetUtcNow());
        if (entry.IsFailure)
        {
            return logger.LogRefusal(actor, "WriteJournalEntry", entry.Error!, caseId);
        }

        db.JournalEntries.Add(entry.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public Task<Result> EditAsync(Actor actor, Guid caseId, Guid entryId, string text, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, caseId, entryId, "EditJournalEntry", (_, coachingCase, entry) => entry.Edit(coachingCase, actor, text, clock.GetUtcNow()), cancellationToken);

    /// <summary>The author shares an entry with the case's intervener (or takes it back); the intervener is told once per entry, in the same save.</summary>
    public Task<Result> ShareAsync(Actor actor, Guid caseId, Guid entryId, bool shared, CancellationToken cancellationToken = default)
    {
        Addressee? told = null;
        return ChangeAsync(actor, caseId, entryId, "ShareJournalEntry",
            (_, coachingCase, entry) =>
            {
                var wasShared = entry.SharedWithIntervener;
                var result = entry.Share(coachingCase, actor, shared, clock.GetUtcNow());
                told = result.IsSuccess ? JournalNotifications.ForSharing(entry, wasShared, coachingCase.IntervenerId) : null;
                return result;
            },
            cancellationToken,
            async (db, coachingCase, entry) =>
            {
                if (told is not { } addressee)
                {
                    return;
                }

                var key = JournalNotifications.SharingKey(entry.Id);
                var enabled = await db.Users.AnyAsync(u => u.Id == addressee.UserId && u.DisabledAt == null, cancellationToken);
                var toldBefore = await db.Notifications.AnyAsync(n => n.RecipientId == addressee.UserId && n.DedupKey == key, cancellationToken);
                if (enabled && !toldBefore)
                {
                    db.Notifications.Add(new Notification
                    {
                        RecipientId = addressee.UserId,
                        Kind = addressee.Kind,
                        CaseId = coachingCase.Id,
                        CreatedAt = clock.GetUtcNow(),
                        DedupKey = key,
                    });
                }
            });
    }

    public Task<Result> DeleteAsync(Actor actor, Guid caseId, Guid entryId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, caseId, entryId, "DeleteJournalEntry", (db, coachingCase, entry) =>
        {
            var allowed = entry.CanDelete(coachingCase, actor);
            if (allowed.IsSuccess)
            {
                db.JournalEntries.Remove(entry);
            }

            return allowed;
        }, cancellationToken);

    /// <summary>Loads the case and the actor's own entry (not found for anyone else), applies the change and saves.</summary>
    private async Task<Result> ChangeAsync(Actor actor, Guid caseId, Guid entryId, string operation, Func<AppDbContext, CoachingCase, JournalEntry, Result> change,
        CancellationToken cancellationToken, Func<AppDbContext, CoachingCase, JournalEntry, Task>? alsoSave = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var entry = coachingCase is null || !coachingCase.IsBeneficiary(actor)
            ? null
            : await db.JournalEntries
                .Where(e => e.Id == entryId && e.CaseId == caseId)
                .Where(JournalEntry.ReadableBy(actor.UserId, isCaseIntervener: false))
                .SingleOrDefaultAsync(cancellationToken);
        if (coachingCase is null || entry is null)
        {
            return logger.LogRefusal(actor, operation, AppErrors.NotFound, caseId);
        }

        var result = change(db, coachingCase, entry);
        if (result.IsFailure)
        {
            return logger.LogRefusal(actor, operation, result.Error!, caseId);
        }

        if (alsoSave is not null)
        {
            await alsoSave(db, coachingCase, entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
