using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>A private note as its author reads it back.</summary>
public sealed record SessionNoteView(Guid Id, Guid SessionId, string Text, DateTimeOffset WrittenAt);

/// <summary>
/// The intervener's private notes, kept apart from the case (decision 002): read here and nowhere else, and only by their author.
/// </summary>
public sealed class SessionNoteService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, SecurityAudit audit, ILogger<SessionNoteService> logger)
{
    public async Task<Result> WriteNoteAsync(Actor actor, Guid caseId, Guid sessionId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.LoadCaseAsync(caseId, cancellationToken);
        if (coachingCase is null || !CaseVisibility.For(actor, coachingCase).CanReach)
        {
            return logger.LogRefusal(actor, "WriteSessionNote", AppErrors.NotFound, caseId);
        }

        var note = coachingCase.WriteSessionNote(actor, sessionId, text, clock.GetLocalNow());
        if (note.IsFailure)
        {
            return logger.LogRefusal(actor, "WriteSessionNote", note.Error!, caseId);
        }

        db.SessionNotes.Add(note.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The actor's own notes on a case they are the intervener of; nobody else gets any.</summary>
    public async Task<IReadOnlyList<SessionNoteView>> MyNotesAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isAssigned = actor.Role == Role.Intervener
            && await db.Cases.AnyAsync(c => c.Id == caseId && c.IntervenerId == actor.UserId, cancellationToken);
        if (!isAssigned)
        {
            logger.LogRefusal(actor, "ReadSessionNotes", AppErrors.NotFound, caseId);
            return [];
        }

        return await db.SessionNotes.AsNoTracking()
            .Where(n => n.CaseId == caseId)
            .Where(SessionNote.ReadableBy(actor.UserId))
            .OrderBy(n => n.WrittenAt)
            .Select(n => new SessionNoteView(n.Id, n.SessionId, n.Text, n.WrittenAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The case's intervener hands their own notes of that case to its beneficiary, who asked for them (decision 038): the notes
    /// leave the app through this call only, and the audit trail records who, which case and how many, never the text.
    /// Anyone else, HR and the admin included, gets null as for a missing case.
    /// </summary>
    public async Task<NotesExport?> ExportForBeneficiaryAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = actor.Role == Role.Intervener ? await db.LoadCaseAsync(caseId, cancellationToken) : null;
        if (coachingCase is null || !coachingCase.IsAssignedIntervener(actor) || coachingCase.IsBeneficiary(actor))
        {
            logger.LogRefusal(actor, "ExportSessionNotes", AppErrors.NotFound, caseId);
            return null;
        }

        var notes = await db.SessionNotes.AsNoTracking()
            .Where(n => n.CaseId == caseId)
            .Where(SessionNote.ReadableBy(actor.UserId))
            .Select(n => new { n.SessionId, n.WrittenAt, n.Text })
            .ToListAsync(cancellationToken);
        var sessionDates = coachingCase.Sessions.ToDictionary(s => s.Id, s => s.Date);
        var lines = notes
            .Select(n => new NotesExportLine(sessionDates.TryGetValue(n.SessionId, out var date) ? date : null, n.WrittenAt, n.Text))
            .OrderBy(n => n.SessionDate).ThenBy(n => n.WrittenAt)
            .ToList();
        var names = await db.NamesAsync([coachingCase.BeneficiaryId, actor.UserId], cancellationToken);
        await audit.RecordAsync(SecurityEventKind.NotesExported, actor.UserId, coachingCase.BeneficiaryId,
            newValue: FormattableString.Invariant($"case {caseId}; {lines.Count} notes"), cancellationToken: cancellationToken);
        return new NotesExport(caseId, names.GetValueOrDefault(coachingCase.BeneficiaryId, "?"), names.GetValueOrDefault(actor.UserId, "?"), clock.GetUtcNow(), lines);
    }
}
