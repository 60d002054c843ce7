using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// One line of a case's history: who did what, when, from which state to which.
/// The reason is never confidential text: it is a short, non-personal label.
/// </summary>
public sealed class TransitionRecord
{
    private TransitionRecord()
    {
    }

    internal TransitionRecord(DateTimeOffset at, string userId, Role role, CaseState from, CaseState to, CaseTrigger trigger, string? reason)
    {
        At = at;
        UserId = userId;
        Role = role;
        From = from;
        To = to;
        Trigger = trigger;
        Reason = reason;
    }

    public int Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; } = "";

    public Role Role { get; private set; }

    public CaseState From { get; private set; }

    public CaseState To { get; private set; }

    public CaseTrigger Trigger { get; private set; }

    public string? Reason { get; private set; }

    public bool ChangedState => From != To;
}
