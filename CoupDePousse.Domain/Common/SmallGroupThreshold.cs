namespace CoupDePousse.Domain.Common;

/// <summary>The smallest group a statistic may describe, so that nobody can be singled out; the admin sets it, never below the floor.</summary>
public sealed record SmallGroupThreshold
{
    public const int Default = 5;

    /// <summary>Below three, a figure and its neighbour could name a pair of people.</summary>
    public const int Minimum = 3;

    public const int Maximum = 50;

    public static NumberRule Rule { get; } = NumberRule.Whole(Minimum, Maximum);

    public static readonly Error Invalid = new("statistics.invalid_threshold",
        "Le seuil des petits groupes doit être un nombre entier entre 3 et 50 dossiers.",
        "The small-group threshold must be a whole number between 3 and 50 cases.");

    private SmallGroupThreshold(int value) => Value = value;

    public static SmallGroupThreshold Standard { get; } = new(Default);

    public int Value { get; }

    public static Result<SmallGroupThreshold> Create(int value) =>
        Rule.Allows(value) ? new SmallGroupThreshold(value) : Invalid;

    /// <summary>A count may stand alone when it describes nobody or at least a whole group.</summary>
    public bool CanShow(int caseCount) => caseCount == 0 || caseCount >= Value;

    /// <summary>A count under the threshold that is not zero: someone could be singled out.</summary>
    public bool IsSmall(int caseCount) => caseCount > 0 && caseCount < Value;
}
