using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>Hours of a case, derived from its sessions and approved extensions; the case stores the two sums for lists (decision 017).</summary>
public sealed record HoursBudget(int InitialMinutes, int ApprovedExtensionMinutes, int UsedMinutes)
{
    public const int DefaultMinutes = 6 * 60;

    /// <summary>The largest extension that can ever fit: half of the largest budget the admin may allow.</summary>
    public const int MaxExtensionMinutes = BudgetBounds.CeilingMinutes / 2;

    /// <summary>An extension request's minutes as every layer checks them.</summary>
    public static NumberRule ExtensionRule { get; } = NumberRule.Minutes(MaxExtensionMinutes);

    /// <summary>From this share of the budget on, the intervener is warned.</summary>
    public const int WarningPercentage = 80;

    /// <summary>Which extensions count in the budget: approved ones. Lists read the result, stored by the case (<see cref="CoachingCase.ApprovedExtensionMinutes"/>).</summary>
    public static bool CountsInBudget(BudgetExtension extension) => extension.Status == ExtensionStatus.Approved;

    public static HoursBudget Of(int initialMinutes, IEnumerable<BudgetExtension> extensions, IEnumerable<CoachingSession> sessions) =>
        new(initialMinutes, extensions.Where(CountsInBudget).Sum(e => e.Minutes), sessions.Sum(s => s.DurationMinutes));

    public int TotalMinutes => InitialMinutes + ApprovedExtensionMinutes;

    public int RemainingMinutes => Math.Max(0, TotalMinutes - UsedMinutes);

    public int Percentage => TotalMinutes == 0 ? 0 : (int)Math.Round(100.0 * UsedMinutes / TotalMinutes);

    /// <summary>Compared exactly, not on the rounded percentage: 79.5 % is not yet 80 %.</summary>
    public bool IsNearLimit => TotalMinutes > 0 && UsedMinutes * 100L >= TotalMinutes * (long)WarningPercentage;

    /// <summary>Extensions may never take the total past one and a half times the initial budget.</summary>
    public int MaximumTotalMinutes => (int)Math.Min(int.MaxValue, InitialMinutes * 3L / 2);

    /// <summary>How many minutes extensions may still add, computed without ever adding a requested amount.</summary>
    public int ExtensionRoomMinutes => Math.Max(0, MaximumTotalMinutes - TotalMinutes);
}

/// <summary>Bounds the admin sets for a case's initial budget.</summary>
public sealed record BudgetBounds(int MinimumMinutes, int MaximumMinutes)
{
    public const int CeilingMinutes = 40 * 60;

    public static BudgetBounds Default { get; } = new(2 * 60, 12 * 60);

    /// <summary>Each bound as the admin types it: hours in quarters, up to the ceiling.</summary>
    public static NumberRule BoundRule { get; } = NumberRule.Hours(Durations.StepMinutes, CeilingMinutes);

    /// <summary>A case's budget as HR types it: hours in quarters, within these bounds.</summary>
    public NumberRule BudgetRule => NumberRule.Hours(MinimumMinutes, MaximumMinutes);

    /// <summary>Bounds as the admin sets them: whole quarters of an hour, minimum first.</summary>
    public static Result<BudgetBounds> Create(int minimumMinutes, int maximumMinutes) =>
        BoundRule.Allows(minimumMinutes) && BoundRule.Allows(maximumMinutes) && minimumMinutes <= maximumMinutes
            ? new BudgetBounds(minimumMinutes, maximumMinutes)
            : CaseErrors.InvalidBounds;

    public bool Contains(int minutes) => minutes >= MinimumMinutes && minutes <= MaximumMinutes;

    /// <summary>The default budget, pulled inside the bounds when the admin moved them past it.</summary>
    public int DefaultBudget => Math.Clamp(HoursBudget.DefaultMinutes, MinimumMinutes, MaximumMinutes);
}
