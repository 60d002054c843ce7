using System.Linq.Expressions;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// The beneficiary's own note on their case. Like <see cref="SessionNote"/>, not part of the aggregate:
/// only its author reads it, and the case's intervener reads an entry the author chose to share.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>How long after the case ends its beneficiary may still write, edit or share (decision 025).</summary>
    public static readonly TimeSpan OpenAfterEnd = TimeSpan.FromDays(90);

    private JournalEntry()
    {
    }

    private JournalEntry(Guid caseId, string authorId, string text, DateTimeOffset writtenAt)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        AuthorId = authorId;
        Text = text;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The case's beneficiary, always.</summary>
    public string AuthorId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>The author lets the case's intervener read this entry; nobody else ever does.</summary>
    public bool SharedWithIntervener { get; private set; }

    /// <summary>The author reads their entries; the case's intervener reads the shared ones: the filter every query of entries applies.</summary>
    public static Expression<Func<JournalEntry, bool>> ReadableBy(string userId, bool isCaseIntervener) =>
        entry => entry.AuthorId == userId || (isCaseIntervener && entry.SharedWithIntervener);

    /// <summary>The beneficiary writes on their case, from its proposal until <see cref="OpenAfterEnd"/> after it ends.</summary>
    public static Result<JournalEntry> Write(CoachingCase coachingCase, Actor actor, string text, DateTimeOffset now)
    {
        var allowed = MayChange(coachingCase, actor, now);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var valid = RequireText(text);
        return valid.IsFailure ? valid.Error! : new JournalEntry(coachingCase.Id, actor.UserId, text.Trim(), now);
    }

    public Result Edit(CoachingCase coachingCase, Actor actor, string text, DateTimeOffset now)
    {
        var allowed = MayChangeThis(coachingCase, actor, now);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var valid = RequireText(text);
        if (valid.IsFailure)
        {
            return valid;
        }

        Text = text.Trim();
        EditedAt = now;
        return Result.Success();
    }

    public Result Share(CoachingCase coachingCase, Actor actor, bool shared, DateTimeOffset now)
    {
        var allowed = MayChangeThis(coachingCase, actor, now);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        SharedWithIntervener = shared;
        return Result.Success();
    }

    /// <summary>The author may delete an entry at any time, even once the journal is closed: it is their text.</summary>
    public Result CanDelete(CoachingCase coachingCase, Actor actor) =>
        IsAuthor(coachingCase, actor) ? Result.Success() : CaseErrors.NotAllowed;

    /// <summary>Whether the beneficiary may still write on this case.</summary>
    public static bool IsOpen(CoachingCase coachingCase, DateTimeOffset now) =>
        coachingCase.EndedAt is not { } ended || now <= ended + OpenAfterEnd;

    private bool IsAuthor(CoachingCase coachingCase, Actor actor) =>
        coachingCase.Id == CaseId && coachingCase.IsBeneficiary(actor) && actor.UserId == AuthorId;

    private Result MayChangeThis(CoachingCase coachingCase, Actor actor, DateTimeOffset now) =>
        !IsAuthor(coachingCase, actor) ? CaseErrors.NotAllowed : MayChange(coachingCase, actor, now);

    private static Result MayChange(CoachingCase coachingCase, Actor actor, DateTimeOffset now)
    {
        if (!coachingCase.IsBeneficiary(actor))
        {
            return CaseErrors.NotAllowed;
        }

        return IsOpen(coachingCase, now) ? Result.Success() : CaseErrors.JournalClosed;
    }

    private static Result RequireText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CaseErrors.JournalEntryRequired;
        }

        if (Common.Text.HasControlCharacter(text))
        {
            return TextErrors.ControlCharacter;
        }

        return text.Trim().Length > TextLimits.JournalEntry ? CaseErrors.TextTooLong.With(TextLimits.JournalEntry) : Result.Success();
    }
}
