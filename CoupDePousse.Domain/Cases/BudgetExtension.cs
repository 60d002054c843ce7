namespace CoupDePousse.Domain.Cases;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Why the intervener asks for more hours, in words HR may read; the beneficiary sees it too.</summary>
public enum ExtensionCategory
{
    MoreSessionsNeeded,
    ObjectivesWidened,
    ContextChanged,
    Other,
}

/// <summary>
/// Extra minutes requested by the intervener, counted only once HR approves. The category is for everyone involved;
/// the optional comment only for HR and its author (<see cref="CaseVisibility.SeesExtensionComments"/>).
/// </summary>
public sealed class BudgetExtension
{
    private BudgetExtension()
    {
    }

    internal BudgetExtension(int minutes, ExtensionCategory category, string? comment, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7();
        Minutes = minutes;
        Category = category;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Status = ExtensionStatus.Pending;
    }

    public Guid Id { get; private set; }

    public int Minutes { get; private set; }

    public ExtensionCategory Category { get; private set; }

    public string? Comment { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public ExtensionStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    internal void EraseComment() => Comment = null;

    internal void ReplacePeople(string requestedBy, string? decidedBy)
    {
        RequestedBy = requestedBy;
        DecidedBy = decidedBy;
    }

    internal void Decide(bool approve, string decidedBy, DateTimeOffset decidedAt)
    {
        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }
}
