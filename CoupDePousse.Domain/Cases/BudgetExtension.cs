namespace CoupDePousse.Domain.Cases;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Extra minutes requested by the intervener, counted only once HR approves.</summary>
public sealed class BudgetExtension
{
    private BudgetExtension()
    {
    }

    internal BudgetExtension(int minutes, string reason, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7();
        Minutes = minutes;
        Reason = reason.Trim();
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Status = ExtensionStatus.Pending;
    }

    public Guid Id { get; private set; }

    public int Minutes { get; private set; }

    public string Reason { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public ExtensionStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(bool approve, string decidedBy, DateTimeOffset decidedAt)
    {
        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }
}
