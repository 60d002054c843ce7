namespace CoupDePousse.Domain.Cases;

public enum SessionMode
{
    OnSite,
    Video,
    Phone,
}

/// <summary>One meeting counted in the hours budget. Its private notes live apart (SessionNote).</summary>
public sealed class CoachingSession
{
    private CoachingSession()
    {
    }

    internal CoachingSession(DateOnly date, int durationMinutes, SessionMode mode, string loggedBy, DateTimeOffset loggedAt, bool missed = false)
    {
        Missed = missed;
        Id = Guid.CreateVersion7();
        Date = date;
        DurationMinutes = durationMinutes;
        Mode = mode;
        LoggedBy = loggedBy;
        LoggedAt = loggedAt;
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public int DurationMinutes { get; private set; }

    public SessionMode Mode { get; private set; }

    public string LoggedBy { get; private set; } = "";

    public DateTimeOffset LoggedAt { get; private set; }

    internal void ReplaceLogger(string userId) => LoggedBy = userId;

    /// <summary>A planned session the beneficiary missed (no-show or late cancellation), counted because the admin's policy says so.</summary>
    public bool Missed { get; private set; }
}

/// <summary>The free, no-commitment first meeting: recorded, never counted in the budget.</summary>
public sealed record PreliminaryInterviewRecord(DateOnly Date, int DurationMinutes);
