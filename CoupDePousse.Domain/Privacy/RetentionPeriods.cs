using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Privacy;

/// <summary>The kinds of data the retention job removes, each on its own period.</summary>
public enum RetentionKind
{
    /// <summary>The intervener's private notes, some months after their case ends.</summary>
    SessionNotes,

    /// <summary>An ended case reduced to what statistics need, with its journal, meetings and between-session items.</summary>
    EndedCases,

    SecurityEvents,

    /// <summary>Accounts created by an invitation never used, once the link has expired.</summary>
    Invitations,

    Notifications,

    /// <summary>Disabled accounts the admin scheduled for erasure (someone who left), once the delay has passed.</summary>
    ScheduledErasures,
}

/// <summary>The defaults written down in docs/privacy.md (decision 039).</summary>
public static class RetentionDefaults
{
    public const int SessionNoteMonths = 6;
    public const int EndedCaseMonths = 36;
    public const int SecurityEventMonths = 60;
    public const int NotificationMonths = 12;

    /// <summary>Days after the invitation link expired; 0 deletes the unused account at expiry.</summary>
    public const int InvitationDays = 0;

    /// <summary>Months between disabling a leaver's account and its scheduled erasure.</summary>
    public const int LeaverErasureMonths = 6;

    public static RetentionPeriods Periods { get; } = RetentionPeriods.Create(
        SessionNoteMonths, EndedCaseMonths, SecurityEventMonths, NotificationMonths, InvitationDays, LeaverErasureMonths).Value;
}

/// <summary>The admin's retention periods, each within its bounds (a period too short would destroy what the programme still needs).</summary>
public sealed record RetentionPeriods
{
    public static readonly (int Min, int Max) SessionNoteBounds = (1, 60);
    public static readonly (int Min, int Max) EndedCaseBounds = (12, 120);
    public static readonly (int Min, int Max) SecurityEventBounds = (12, 120);
    public static readonly (int Min, int Max) NotificationBounds = (1, 60);
    public static readonly (int Min, int Max) InvitationBounds = (0, 90);
    public static readonly (int Min, int Max) LeaverErasureBounds = (0, 60);

    private RetentionPeriods(int sessionNoteMonths, int endedCaseMonths, int securityEventMonths, int notificationMonths, int invitationDays, int leaverErasureMonths)
    {
        SessionNoteMonths = sessionNoteMonths;
        EndedCaseMonths = endedCaseMonths;
        SecurityEventMonths = securityEventMonths;
        NotificationMonths = notificationMonths;
        InvitationDays = invitationDays;
        LeaverErasureMonths = leaverErasureMonths;
    }

    public int SessionNoteMonths { get; }

    public int EndedCaseMonths { get; }

    public int SecurityEventMonths { get; }

    public int NotificationMonths { get; }

    public int InvitationDays { get; }

    public int LeaverErasureMonths { get; }

    /// <summary>Each value checked against its bounds; the first one out of them is the refusal, naming its field.</summary>
    public static Result<RetentionPeriods> Create(int sessionNoteMonths, int endedCaseMonths, int securityEventMonths, int notificationMonths, int invitationDays, int leaverErasureMonths)
    {
        var refusal = Check(RetentionField.SessionNoteMonths, sessionNoteMonths)
            ?? Check(RetentionField.EndedCaseMonths, endedCaseMonths)
            ?? Check(RetentionField.SecurityEventMonths, securityEventMonths)
            ?? Check(RetentionField.NotificationMonths, notificationMonths)
            ?? Check(RetentionField.InvitationDays, invitationDays)
            ?? Check(RetentionField.LeaverErasureMonths, leaverErasureMonths);
        if (refusal is not null)
        {
            return refusal;
        }

        // Notes never outlive the case they belong to: the case's anonymisation deletes them anyway.
        if (sessionNoteMonths > endedCaseMonths)
        {
            return RetentionErrors.NotesOutliveCase;
        }

        return new RetentionPeriods(sessionNoteMonths, endedCaseMonths, securityEventMonths, notificationMonths, invitationDays, leaverErasureMonths);
    }

    /// <summary>The refusal of one field's value, or null: what the form shows next to the field, in the domain's words.</summary>
    public static Error? Check(RetentionField field, int value)
    {
        var (min, max) = BoundsOf(field);
        return RuleOf(field).Allows(value) ? null : RetentionErrors.OutOfBounds(field).With(min, max);
    }

    /// <summary>The field's bounds and unit, as the form reads them and the domain checks them.</summary>
    public static NumberRule RuleOf(RetentionField field)
    {
        var (min, max) = BoundsOf(field);
        return NumberRule.Whole(min, max, field == RetentionField.InvitationDays ? NumberUnit.Days : NumberUnit.Months);
    }

    public static (int Min, int Max) BoundsOf(RetentionField field) => field switch
    {
        RetentionField.SessionNoteMonths => SessionNoteBounds,
        RetentionField.EndedCaseMonths => EndedCaseBounds,
        RetentionField.SecurityEventMonths => SecurityEventBounds,
        RetentionField.NotificationMonths => NotificationBounds,
        RetentionField.InvitationDays => InvitationBounds,
        RetentionField.LeaverErasureMonths => LeaverErasureBounds,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>One line for the audit trail: the values, never any data.</summary>
    public string Describe() => FormattableString.Invariant(
        $"notes={SessionNoteMonths}m; cases={EndedCaseMonths}m; audit={SecurityEventMonths}m; notifications={NotificationMonths}m; invitations={InvitationDays}d; leavers={LeaverErasureMonths}m");
}

public enum RetentionField
{
    SessionNoteMonths,
    EndedCaseMonths,
    SecurityEventMonths,
    NotificationMonths,
    InvitationDays,
    LeaverErasureMonths,
}

public static class RetentionErrors
{
    public static Error OutOfBounds(RetentionField field) => field switch
    {
        RetentionField.SessionNoteMonths => new("retention.notes_out_of_bounds",
            "Les notes de séance sont gardées entre {0} et {1} mois après la fin du dossier.",
            "Session notes are kept between {0} and {1} months after the case ends."),
        RetentionField.EndedCaseMonths => new("retention.cases_out_of_bounds",
            "Un dossier terminé est anonymisé entre {0} et {1} mois après sa fin.",
            "An ended case is anonymised between {0} and {1} months after it ends."),
        RetentionField.SecurityEventMonths => new("retention.audit_out_of_bounds",
            "Le journal de sécurité est gardé entre {0} et {1} mois.",
            "The security audit trail is kept between {0} and {1} months."),
        RetentionField.NotificationMonths => new("retention.notifications_out_of_bounds",
            "Les notifications sont gardées entre {0} et {1} mois.",
            "Notifications are kept between {0} and {1} months."),
        RetentionField.InvitationDays => new("retention.invitations_out_of_bounds",
            "Une invitation non utilisée est supprimée entre {0} et {1} jours après son expiration.",
            "An unused invitation is deleted between {0} and {1} days after it expires."),
        RetentionField.LeaverErasureMonths => new("retention.leavers_out_of_bounds",
            "L’effacement programmé d’un compte désactivé a lieu entre {0} et {1} mois après sa programmation.",
            "The scheduled erasure of a disabled account happens between {0} and {1} months after it is scheduled."),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static readonly Error NotesOutliveCase = new("retention.notes_outlive_case",
        "Les notes de séance ne peuvent pas être gardées plus longtemps que le dossier lui-même avant son anonymisation.",
        "Session notes cannot be kept longer than the case itself before its anonymisation.");
}
