using System.Linq.Expressions;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// An intervener's private note on a session. Deliberately not part of the case aggregate:
/// loading a case never loads a note, and only the author may read one.
/// </summary>
public sealed class SessionNote
{
    private SessionNote()
    {
    }

    internal SessionNote(Guid caseId, Guid sessionId, string authorId, string text, DateTimeOffset writtenAt)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        SessionId = sessionId;
        AuthorId = authorId;
        Text = text;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid SessionId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>Only the author reads a note: the filter every query of notes applies.</summary>
    public static Expression<Func<SessionNote, bool>> ReadableBy(string userId) => note => note.AuthorId == userId;
}
