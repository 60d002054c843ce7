using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Resources;

/// <summary>Which side of the engagement wrote an action item.</summary>
public enum ActionItemAuthor
{
    Intervener = 1,
    Beneficiary = 2,
}

/// <summary>
/// Something to do between now and the next session, set by the intervener or added by the beneficiary; only the beneficiary ticks it.
/// Outside the aggregate, like the journal: its text is the beneficiary's business and never reaches the company.
/// </summary>
public sealed class ActionItem
{
    private ActionItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ActionItemAuthor Author { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateOnly? DueOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public bool IsDone => DoneAt is not null;

    public static Result<ActionItem> Add(CoachingCase coachingCase, Actor actor, string text, DateOnly? dueOn, DateTimeOffset now)
    {
        var allowed = BetweenSessions.MayChange(coachingCase, actor);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var valid = Validate(text, dueOn, now);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        return new ActionItem
        {
            Id = Guid.CreateVersion7(),
            CaseId = coachingCase.Id,
            Author = BetweenSessions.PartyOf(coachingCase, actor)!.Value,
            AuthorId = actor.UserId,
            Text = text.Trim(),
            DueOn = dueOn,
            CreatedAt = now,
        };
    }

    /// <summary>Each side edits its own items: the intervener of the moment those of the intervener's side, the beneficiary theirs.</summary>
    public Result Edit(CoachingCase coachingCase, Actor actor, string text, DateOnly? dueOn, DateTimeOffset now)
    {
        var allowed = MayChangeThis(coachingCase, actor, Author);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        // A due date already passed may stay as it was; only a new one must lie ahead.
        var valid = Validate(text, dueOn == DueOn ? null : dueOn, now);
        if (valid.IsFailure)
        {
            return valid;
        }

        Text = text.Trim();
        DueOn = dueOn;
        EditedAt = now;
        return Result.Success();
    }

    /// <summary>Only the beneficiary ticks an item off, or back on: the work is theirs.</summary>
    public Result MarkDone(CoachingCase coachingCase, Actor actor, bool done, DateTimeOffset now)
    {
        var allowed = MayChangeThis(coachingCase, actor, ActionItemAuthor.Beneficiary);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        DoneAt = done ? DoneAt ?? now : null;
        return Result.Success();
    }

    public Result CanDelete(CoachingCase coachingCase, Actor actor) => MayChangeThis(coachingCase, actor, Author);

    private Result MayChangeThis(CoachingCase coachingCase, Actor actor, ActionItemAuthor party) =>
        coachingCase.Id != CaseId ? CaseErrors.NotAllowed : BetweenSessions.MayChange(coachingCase, actor, party);

    private static Result Validate(string? text, DateOnly? dueOn, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ResourceErrors.ActionItemRequired;
        }

        if (Common.Text.HasControlCharacter(text))
        {
            return TextErrors.ControlCharacter;
        }

        if (text.Trim().Length > TextLimits.ActionItem)
        {
            return CaseErrors.TextTooLong.With(TextLimits.ActionItem);
        }

        // A day of slack: "today" for a person west of UTC may still be yesterday in UTC.
        return dueOn is { } due && due < DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1) ? ResourceErrors.DueDateInPast : Result.Success();
    }
}
