namespace CoupDePousse.Domain.Cases;

/// <summary>What the beneficiary types or the intervener drafts: a statement and how success will be seen.</summary>
public sealed record ObjectiveInput(string Statement, string SuccessMeasure);

public enum ObjectiveRating
{
    Reached,
    PartlyReached,
    NotReached,
}

/// <summary>An objective set by the beneficiary, rated by them at the end, with where they stood at the start and at the end (0–10).</summary>
public sealed class Objective
{
    private Objective()
    {
    }

    internal Objective(ObjectiveInput input, int position, int startingScore)
    {
        Id = Guid.CreateVersion7();
        Statement = input.Statement.Trim();
        SuccessMeasure = input.SuccessMeasure.Trim();
        Position = position;
        StartingScore = startingScore;
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Statement { get; private set; } = "";

    public string SuccessMeasure { get; private set; } = "";

    public ObjectiveRating? Rating { get; private set; }

    /// <summary>Where the beneficiary stood on it when they set it (0–10); null only for objectives set before it was asked.</summary>
    public int? StartingScore { get; private set; }

    /// <summary>Where the beneficiary stands on it at the end (0–10), given with the closing rating.</summary>
    public int? ClosingScore { get; private set; }

    /// <summary>Both scores are known: the objective counts in the before/after figures.</summary>
    public bool IsMeasured => StartingScore is not null && ClosingScore is not null;

    internal void Rate(ObjectiveAssessment assessment)
    {
        Rating = assessment.Rating;
        ClosingScore = assessment.ClosingScore;
    }

    /// <summary>Retention and erasure: the words go, the rating and scores stay for the figures.</summary>
    internal void EraseTexts()
    {
        Statement = "";
        SuccessMeasure = "";
    }
}

/// <summary>A draft proposed by the intervener; the beneficiary edits it before setting.</summary>
public sealed class ObjectiveDraft
{
    private ObjectiveDraft()
    {
    }

    internal ObjectiveDraft(ObjectiveInput input, int position)
    {
        Statement = input.Statement.Trim();
        SuccessMeasure = input.SuccessMeasure.Trim();
        Position = position;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public string Statement { get; private set; } = "";

    public string SuccessMeasure { get; private set; } = "";
}

/// <summary>One version of the objectives, kept so that revisions never erase history.</summary>
public sealed class ObjectiveRevision
{
    private ObjectiveRevision()
    {
    }

    internal ObjectiveRevision(int number, IReadOnlyList<ObjectiveInput> objectives, DateTimeOffset setAt)
    {
        Number = number;
        SetAt = setAt;
        Objectives = objectives.Select(o => new ObjectiveInput(o.Statement.Trim(), o.SuccessMeasure.Trim())).ToList();
    }

    public int Id { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public List<ObjectiveInput> Objectives { get; private set; } = [];
}
