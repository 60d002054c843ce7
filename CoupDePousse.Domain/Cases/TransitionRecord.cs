using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// One line of a case's history: who did what, when, from which state to which, with typed details.
/// It holds no text a person wrote: such text lives on the case, with its own visibility.
/// </summary>
public sealed class TransitionRecord
{
    private TransitionRecord()
    {
    }

    internal TransitionRecord(DateTimeOffset at, string userId, Role role, CaseState from, CaseState to, CaseTrigger trigger, TransitionDetail detail, int caseVersion = 0)
    {
        CaseVersion = caseVersion;
        At = at;
        UserId = userId;
        Role = role;
        From = from;
        To = to;
        Trigger = trigger;
        Detail = detail;
    }

    public int Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; } = "";

    public Role Role { get; private set; }

    public CaseState From { get; private set; }

    public CaseState To { get; private set; }

    public CaseTrigger Trigger { get; private set; }

    public TransitionDetail Detail { get; private set; } = TransitionDetail.None;

    /// <summary>The version the case reached with this change (0 on lines written before it was kept): says which changes came after a version a person saw.</summary>
    public int CaseVersion { get; private set; }

    internal void ReplaceUser(string userId) => UserId = userId;

    public bool ChangedState => From != To;
}
