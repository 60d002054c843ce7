using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>Where the assigned intervener's conflict-of-interest declaration stands: HR reads this, never the description.</summary>
public enum ConflictDeclarationStatus
{
    NotDeclared,
    NoConflict,
    ConflictDeclared,
    ConflictOverridden,
}

public static class ConflictDeclarations
{
    /// <summary>The interview may be recorded once the intervener declared no conflict, or HR let a declared one go.</summary>
    public static bool IsSettled(this ConflictDeclarationStatus status) =>
        status is ConflictDeclarationStatus.NoConflict or ConflictDeclarationStatus.ConflictOverridden;
}

public sealed partial class CoachingCase
{
    /// <summary>The assigned intervener's declaration; reset when another intervener is assigned.</summary>
    public ConflictDeclarationStatus ConflictDeclaration { get; private set; }

    /// <summary>The conflict as the intervener described it: theirs alone, read as <see cref="CaseVisibility.SeesConflictDescription"/> says.</summary>
    public string? ConflictDescription { get; private set; }

    /// <summary>The intervener declares no conflict, or takes back a conflict HR has not decided on yet.</summary>
    public Result DeclareNoConflict(Actor actor, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.DeclareNoConflict, now, null, () =>
        {
            ConflictDeclaration = ConflictDeclarationStatus.NoConflict;
            ConflictDescription = null;
        });

    /// <summary>The intervener describes a conflict, at any time before the interview: it waits on HR's decision again.</summary>
    public Result DeclareConflict(Actor actor, string description, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.DeclareConflict, now,
            () => RequireText(description, CaseErrors.ConflictDescriptionRequired, TextLimits.ConflictDescription),
            () =>
            {
                ConflictDeclaration = ConflictDeclarationStatus.ConflictDeclared;
                ConflictDescription = description.Trim();
            });

    /// <summary>HR lets the declared conflict go, with a reason the app keeps in the security audit (not on the case).</summary>
    public Result OverrideDeclaredConflict(Actor actor, string reason, DateTimeOffset now) =>
        Execute(actor, CaseTrigger.OverrideDeclaredConflict, now,
            () => RequireText(reason, CaseErrors.DeclaredConflictOverrideReasonRequired, TextLimits.ConflictOverrideReason),
            () => ConflictDeclaration = ConflictDeclarationStatus.ConflictOverridden);

    private void ResetConflictDeclaration()
    {
        ConflictDeclaration = ConflictDeclarationStatus.NotDeclared;
        ConflictDescription = null;
    }
}
