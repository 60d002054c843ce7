using System.Linq.Expressions;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// The admin's delays for cases that stop moving: how many days in each waiting state before HR sees the case flagged as
/// stalled, and how many days a case may wait on the same party before that party is nudged. Ended cases never stall.
/// </summary>
public sealed record StallingRules(
    int ProposedDays,
    int PreliminaryInterviewDays,
    int UnderDiscussionDays,
    int AcceptedDays,
    int ObjectivesSetDays,
    int InSessionsDays,
    int NudgeDays)
{
    public const int MinimumDays = 1;
    public const int MaximumDays = 365;

    public static NumberRule DaysRule { get; } = NumberRule.Whole(MinimumDays, MaximumDays, NumberUnit.Days);

    public static readonly Error InvalidDays = new("stalling.invalid_days",
        $"Un délai doit être un nombre entier de jours entre {MinimumDays} et {MaximumDays}.",
        $"A delay must be a whole number of days between {MinimumDays} and {MaximumDays}.");

    public static StallingRules Default { get; } = new(7, 14, 7, 10, 14, 21, 5);

    /// <summary>The states a case can stall in: the ones still waiting on someone.</summary>
    public static IReadOnlyList<CaseState> WaitingStates { get; } = Enum.GetValues<CaseState>().Where(s => s.IsActive()).ToArray();

    public static bool IsValidDays(int days) => DaysRule.Allows(days);

    public static Result<StallingRules> Create(int proposed, int preliminaryInterview, int underDiscussion, int accepted, int objectivesSet, int inSessions, int nudge) =>
        new[] { proposed, preliminaryInterview, underDiscussion, accepted, objectivesSet, inSessions, nudge }.All(IsValidDays)
            ? new StallingRules(proposed, preliminaryInterview, underDiscussion, accepted, objectivesSet, inSessions, nudge)
            : InvalidDays;

    /// <summary>Days without movement after which a case in this state is stalled; null for an ended case.</summary>
    public int? DaysFor(CaseState state) => state switch
    {
        CaseState.Proposed => ProposedDays,
        CaseState.PreliminaryInterview => PreliminaryInterviewDays,
        CaseState.UnderDiscussion => UnderDiscussionDays,
        CaseState.Accepted => AcceptedDays,
        CaseState.ObjectivesSet => ObjectivesSetDays,
        CaseState.InSessions => InSessionsDays,
        _ => null,
    };

    /// <summary>The latest entry into the state that makes a case stalled now (entered at or before it).</summary>
    public DateTimeOffset? StalledIfEnteredBy(CaseState state, DateTimeOffset now) => DaysFor(state) is { } days ? now.AddDays(-days) : null;

    /// <summary>Whether a case in this state since that instant has not moved for longer than its state allows.</summary>
    public bool IsStalled(CaseState state, DateTimeOffset stateEnteredAt, DateTimeOffset now) =>
        StalledIfEnteredBy(state, now) is { } limit && stateEnteredAt <= limit;

    /// <summary>The same rule as <see cref="IsStalled"/>, as an expression a query can filter on: one (state, entered by) pair per waiting state.</summary>
    public Expression<Func<CoachingCase, bool>> Stalled(DateTimeOffset now)
    {
        var parameter = Expression.Parameter(typeof(CoachingCase), "c");
        Expression? any = null;
        foreach (var state in WaitingStates)
        {
            var limit = new Limit(state, StalledIfEnteredBy(state, now)!.Value);
            Expression<Func<CoachingCase, bool>> one = c => c.State == limit.State && c.StateEnteredAt <= limit.EnteredBy;
            var body = new ParameterSwap(one.Parameters[0], parameter).Visit(one.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }

        return Expression.Lambda<Func<CoachingCase, bool>>(any!, parameter);
    }

    /// <summary>
    /// Whether the party a case waits on is due a nudge: the case still waits on someone and has not moved for
    /// <see cref="NudgeDays"/> days. Once per wait: the app keys the nudge on the case, its entry into the state and the party.
    /// </summary>
    public bool IsDueForNudge(CaseState state, WaitingParty? waitingOn, DateTimeOffset stateEnteredAt, DateTimeOffset now) =>
        waitingOn is not null && state.IsActive() && stateEnteredAt <= NudgeIfEnteredBy(now);

    /// <summary>The latest entry into its state that makes a waiting case due a nudge now.</summary>
    public DateTimeOffset NudgeIfEnteredBy(DateTimeOffset now) => now.AddDays(-NudgeDays);

    /// <summary>The same rule as <see cref="IsDueForNudge"/>, as an expression a query can filter on.</summary>
    public Expression<Func<CoachingCase, bool>> DueForNudge(DateTimeOffset now)
    {
        var enteredBy = NudgeIfEnteredBy(now);
        var ended = CaseStates.Ended.ToList();
        return c => c.WaitingOn != null && !ended.Contains(c.State) && c.StateEnteredAt <= enteredBy;
    }

    /// <summary>Whole days since the case entered its state, as HR's flag shows them.</summary>
    public static int DaysWithoutMovement(DateTimeOffset stateEnteredAt, DateTimeOffset now) => Math.Max(0, (int)(now - stateEnteredAt).TotalDays);

    // Captured as fields of an object, so that a query sends them as parameters rather than literals.
    private sealed record Limit(CaseState State, DateTimeOffset EnteredBy);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
