using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Sessions;

/// <summary>A private note as its author reads it back.</summary>
public sealed record SessionNoteView(Guid Id, Guid SessionId, string Text, DateTimeOffset WrittenAt);

/// <summary>
/// Sessions, extensions and the intervener's private notes. Notes are read here and nowhere else,
/// and only by their author.
/// </summary>
public sealed class SessionService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseCommandRunner runner,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    public Task<Result> LogSessionAsync(Actor actor, Guid caseId, int? expectedVersion, LogSessionCommand command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, caseId, expectedVersion, command, cancellationToken);

    public Task<Result> RequestExtensionAsync(Actor actor, Guid caseId, int? expectedVersion, RequestExtensionCommand command, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, caseId, expectedVersion, command, cancellationToken);

    public Task<Result> DecideExtensionAsync(Actor actor, Guid caseId, int? expectedVersion, bool approve, CancellationToken cancellationToken = default) =>
        runner.RunAsync(actor, caseId, expectedVersion, approve ? new ApproveExtensionCommand() : new RejectExtensionCommand(), cancellationToken);

    public async Task<Result> WriteNoteAsync(Actor actor, Guid caseId, Guid sessionId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coachingCase = await db.LoadCaseAsync(caseId, cancellationToken);
        if (coachingCase is null || !CaseVisibility.For(actor, coachingCase).CanReach)
        {
            return Refuse(actor, caseId, "WriteSessionNote", AppErrors.NotFound);
        }

        var note = coachingCase.WriteSessionNote(actor, sessionId, text, clock.GetLocalNow());
        if (note.IsFailure)
        {
            return Refuse(actor, caseId, "WriteSessionNote", note.Error!);
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
            Refuse(actor, caseId, "ReadSessionNotes", AppErrors.NotFound);
            return [];
        }

        return await db.SessionNotes.AsNoTracking()
            .Where(n => n.CaseId == caseId && n.AuthorId == actor.UserId)
            .OrderBy(n => n.WrittenAt)
            .Select(n => new SessionNoteView(n.Id, n.SessionId, n.Text, n.WrittenAt))
            .ToListAsync(cancellationToken);
    }

    private Error Refuse(Actor actor, Guid caseId, string operation, Error error) =>
        logger.LogRefusal(actor, operation, error, caseId);
}
