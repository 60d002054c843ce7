using System.Linq.Expressions;
using CoupDePousse.Domain.Cases;

namespace CoupDePousse.Domain.Privacy;

/// <summary>
/// What is due for removal at one instant under the admin's periods: one cutoff per kind of data. The run and its preview
/// both filter with these cutoffs (and these expressions), so the preview counts exactly what the run removes.
/// </summary>
public sealed record RetentionSchedule(
    DateTimeOffset Now,
    DateTimeOffset NotesOfCasesEndedBy,
    DateTimeOffset CasesEndedBy,
    DateTimeOffset SecurityEventsBefore,
    DateTimeOffset NotificationsBefore,
    DateTimeOffset InvitationsIssuedBefore)
{
    /// <summary>Ended cases whose notes are due (anonymised ones have none left).</summary>
    public Expression<Func<CoachingCase, bool>> CasesWithExpiredNotes()
    {
        var cutoff = NotesOfCasesEndedBy;
        return c => c.EndedAt != null && c.EndedAt <= cutoff;
    }

    /// <summary>Ended cases due for anonymisation and not yet anonymised: the filter makes the run idempotent.</summary>
    public Expression<Func<CoachingCase, bool>> CasesToAnonymise()
    {
        var cutoff = CasesEndedBy;
        return c => c.EndedAt != null && c.EndedAt <= cutoff && c.AnonymisedAt == null;
    }

    /// <summary>Whether one item of data is due, described by its kind and the instant its period counts from.</summary>
    /// <remarks>
    /// For a case (and its notes) the instant is its end; for an audit row or a notification, when it was written; for an
    /// invitation, when it was last issued; for a scheduled erasure, when it falls due.
    /// </remarks>
    public bool IsDue(RetentionKind kind, DateTimeOffset instant) => kind switch
    {
        RetentionKind.SessionNotes => instant <= NotesOfCasesEndedBy,
        RetentionKind.EndedCases => instant <= CasesEndedBy,
        RetentionKind.SecurityEvents => instant < SecurityEventsBefore,
        RetentionKind.Notifications => instant < NotificationsBefore,
        RetentionKind.Invitations => instant < InvitationsIssuedBefore,
        RetentionKind.ScheduledErasures => instant <= Now,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>Turns the clock and the periods into what is due; pure.</summary>
public static class RetentionPlanner
{
    /// <param name="invitationLifespan">How long an invitation link stays valid (the app's token lifespan).</param>
    public static RetentionSchedule Plan(DateTimeOffset now, RetentionPeriods periods, TimeSpan invitationLifespan) => new(
        now,
        NotesOfCasesEndedBy: now.AddMonths(-periods.SessionNoteMonths),
        CasesEndedBy: now.AddMonths(-periods.EndedCaseMonths),
        SecurityEventsBefore: now.AddMonths(-periods.SecurityEventMonths),
        NotificationsBefore: now.AddMonths(-periods.NotificationMonths),
        InvitationsIssuedBefore: now - invitationLifespan - TimeSpan.FromDays(periods.InvitationDays));

    /// <summary>When the erasure of a leaver's account scheduled now falls due.</summary>
    public static DateTimeOffset ErasureDueAt(DateTimeOffset scheduledAt, RetentionPeriods periods) => scheduledAt.AddMonths(periods.LeaverErasureMonths);
}
