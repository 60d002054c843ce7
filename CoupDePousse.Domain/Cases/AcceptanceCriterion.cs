namespace CoupDePousse.Domain.Cases;

/// <summary>The two parties who validate acceptance criteria.</summary>
public enum Party
{
    Company,
    Intervener,
}

/// <summary>The seven acceptance criteria of the concept, numbered as there.</summary>
public enum AcceptanceCriterion
{
    FitsShortFormat = 1,
    AffectsWork = 2,
    FullyAccepted = 3,
    RealisticObjectives = 4,
    PersonInvolved = 5,
    ImprovementInProspect = 6,
    TimelyAvailability = 7,
}

public sealed record CriterionInfo(AcceptanceCriterion Criterion, IReadOnlyList<Party> Owners, string French, string English);

public static class AcceptanceCriteria
{
    public static IReadOnlyList<CriterionInfo> All { get; } =
    [
        new(AcceptanceCriterion.FitsShortFormat, [Party.Company, Party.Intervener],
            "Le traitement de la problématique semble compatible avec la durée d’un « Coup de pousse » (pas de problème « lourd »)",
            "The problem fits the length of a coup de pousse (no heavy problem)"),
        new(AcceptanceCriterion.AffectsWork, [Party.Company],
            "La problématique a un impact sur l’activité professionnelle et/ou sur le fonctionnement de l’unité",
            "The problem affects the work or the functioning of the unit"),
        new(AcceptanceCriterion.FullyAccepted, [Party.Company, Party.Intervener],
            "Acceptation pleine et entière de la démarche par l’intéressé",
            "The person fully accepts the approach"),
        new(AcceptanceCriterion.RealisticObjectives, [Party.Company, Party.Intervener],
            "Accord des parties sur des objectifs réalistes",
            "The parties agree on realistic objectives"),
        new(AcceptanceCriterion.PersonInvolved, [Party.Intervener],
            "Implication de l’intéressé dans la démarche « Coup de pousse »",
            "The person is involved in the approach"),
        new(AcceptanceCriterion.ImprovementInProspect, [Party.Intervener],
            "Perspective d’amélioration en rapport avec la capacité démontrée de modifier ses représentations et/ou ses conduites",
            "Improvement is in prospect, given the person's shown ability to change views or conduct"),
        new(AcceptanceCriterion.TimelyAvailability, [Party.Company],
            "Disponibilité du bénéficiaire dans un timing crédible avec les contraintes du problème",
            "The beneficiary is available in a timing credible with the problem's constraints"),
    ];

    public static CriterionInfo Describe(AcceptanceCriterion criterion) => All.Single(c => c.Criterion == criterion);

    public static bool IsOwnedBy(this AcceptanceCriterion criterion, Party party) => Describe(criterion).Owners.Contains(party);

    public static IEnumerable<AcceptanceCriterion> OwnedBy(Party party) =>
        All.Where(c => c.Owners.Contains(party)).Select(c => c.Criterion);

    /// <summary>Every (criterion, party) pair that must be validated before acceptance.</summary>
    public static IEnumerable<(AcceptanceCriterion Criterion, Party Party)> RequiredVerdicts =>
        All.SelectMany(c => c.Owners.Select(p => (c.Criterion, p)));
}

/// <summary>One party's verdict on one criterion; the latest one counts.</summary>
public sealed class CriterionVerdict
{
    private CriterionVerdict()
    {
    }

    internal CriterionVerdict(AcceptanceCriterion criterion, Party party, bool validated, string? comment, string recordedBy, DateTimeOffset recordedAt)
    {
        Criterion = criterion;
        Party = party;
        Update(validated, comment, recordedBy, recordedAt);
    }

    public int Id { get; private set; }

    public AcceptanceCriterion Criterion { get; private set; }

    public Party Party { get; private set; }

    public bool Validated { get; private set; }

    public string? Comment { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Update(bool validated, string? comment, string recordedBy, DateTimeOffset recordedAt)
    {
        Validated = validated;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    internal void EraseComment() => Comment = null;

    internal void ReplaceRecorder(string userId) => RecordedBy = userId;
}
