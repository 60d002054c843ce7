namespace CoupDePousse.Domain.Cases;

/// <summary>
/// What a history line says beyond its trigger, as typed values stored one nullable column each: never text to parse.
/// </summary>
public sealed record TransitionDetail
{
    public static readonly TransitionDetail None = new();

    private TransitionDetail()
    {
    }

    /// <summary>The criterion a verdict was recorded on, with <see cref="Validated"/>; never the verdict's comment.</summary>
    public AcceptanceCriterion? Criterion { get; private init; }

    public bool? Validated { get; private init; }

    /// <summary>A duration in whole minutes: a session, an extension, a budget.</summary>
    public int? Minutes { get; private init; }

    /// <summary>The number of the objectives' revision the beneficiary set.</summary>
    public int? ObjectivesRevision { get; private init; }

    /// <summary>Whether the beneficiary shared their objectives with the company, or took them back.</summary>
    public bool? ObjectivesShared { get; private init; }

    /// <summary>The version of the three-way agreement a party accepted.</summary>
    public int? AgreementVersion { get; private init; }

    public static TransitionDetail Agreement(int version) => new() { AgreementVersion = version };

    public static TransitionDetail Verdict(AcceptanceCriterion criterion, bool validated) => new() { Criterion = criterion, Validated = validated };

    public static TransitionDetail Duration(int minutes) => new() { Minutes = minutes };

    public static TransitionDetail Revision(int number) => new() { ObjectivesRevision = number };

    public static TransitionDetail Sharing(bool shared) => new() { ObjectivesShared = shared };
}
