using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>The 0–10 scale of the before/after measures and of the satisfaction question at closing.</summary>
public static class Scores
{
    public const int Min = 0;
    public const int Max = 10;

    /// <summary>From this satisfaction on, the beneficiary would recommend a coup de pousse (the share HR may see in aggregate).</summary>
    public const int Recommends = 9;

    public static NumberRule Rule { get; } = NumberRule.Whole(Min, Max, NumberUnit.Score);

    public static bool IsValid(int? score) => score is { } value && Rule.Allows(value);
}

/// <summary>The beneficiary's closing rating of one objective and where they stand on it now (0–10).</summary>
public sealed record ObjectiveAssessment(ObjectiveRating Rating, int? ClosingScore);
