using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// What a retention run removes, per kind, as queries built from the planner's <see cref="RetentionSchedule"/>: the preview
/// counts these, the run deletes them batch by batch, in this order (notifications, notes, cases, audit, invitations,
/// scheduled erasures), so that what the preview counts is what the run removes.
/// </summary>
internal static class RetentionQueries
{
    public static IQueryable<CoachingCase> CasesToAnonymise(AppDbContext db, RetentionSchedule schedule) =>
        db.Cases.Where(schedule.CasesToAnonymise());

    /// <summary>Notifications past their period, and any left on a case about to be anonymised (they tie a person to it).</summary>
    public static IQueryable<Notification> Notifications(AppDbContext db, RetentionSchedule schedule)
    {
        var before = schedule.NotificationsBefore;
        var anonymised = CasesToAnonymise(db, schedule).Select(c => (Guid?)c.Id);
        return db.Notifications.Where(n => n.CreatedAt < before || anonymised.Contains(n.CaseId));
    }

    public static IQueryable<SessionNote> SessionNotes(AppDbContext db, RetentionSchedule schedule)
    {
        var cases = db.Cases.Where(schedule.CasesWithExpiredNotes()).Select(c => c.Id);
        return db.SessionNotes.Where(n => cases.Contains(n.CaseId));
    }

    public static IQueryable<SecurityEvent> SecurityEvents(AppDbContext db, RetentionSchedule schedule)
    {
        var before = schedule.SecurityEventsBefore;
        return db.SecurityEvents.Where(e => e.At < before);
    }

    /// <summary>
    /// Accounts created by an invitation never used (no password), last invited before the cutoff, that nothing refers to:
    /// no case names them and nobody has them as manager. People written by the generator (no invitation) are not invitations.
    /// </summary>
    public static IQueryable<ApplicationUser> Invitations(AppDbContext db, RetentionSchedule schedule)
    {
        var before = schedule.InvitationsIssuedBefore;
        var issued = SecurityEventKind.InvitationIssued;
        return db.Users.Where(u => u.PasswordHash == null && u.ErasedAt == null
            && db.SecurityEvents.Any(e => e.SubjectUserId == u.Id && e.Kind == issued)
            && !db.SecurityEvents.Any(e => e.SubjectUserId == u.Id && e.Kind == issued && e.At >= before)
            && !db.Cases.Any(c => c.BeneficiaryId == u.Id || c.ProposedById == u.Id || c.IntervenerId == u.Id)
            && !db.Users.Any(m => m.ManagerId == u.Id));
    }

    /// <summary>Disabled accounts whose scheduled erasure is due, unless a case of theirs is still in progress (it waits for its end).</summary>
    public static IQueryable<ApplicationUser> ScheduledErasures(AppDbContext db, RetentionSchedule schedule)
    {
        var now = schedule.Now;
        return db.Users.Where(u => u.ErasureDueAt != null && u.ErasureDueAt <= now && u.ErasedAt == null
            && !db.Cases.Any(c => c.EndedAt == null && (c.BeneficiaryId == u.Id || c.IntervenerId == u.Id)));
    }

    /// <summary>The preview: how many of each kind the next run would remove now.</summary>
    public static async Task<IReadOnlyDictionary<RetentionKind, int>> CountAsync(AppDbContext db, RetentionSchedule schedule, CancellationToken cancellationToken) =>
        new Dictionary<RetentionKind, int>
        {
            [RetentionKind.Notifications] = await Notifications(db, schedule).CountAsync(cancellationToken),
            [RetentionKind.SessionNotes] = await SessionNotes(db, schedule).CountAsync(cancellationToken),
            [RetentionKind.EndedCases] = await CasesToAnonymise(db, schedule).CountAsync(cancellationToken),
            [RetentionKind.SecurityEvents] = await SecurityEvents(db, schedule).CountAsync(cancellationToken),
            [RetentionKind.Invitations] = await Invitations(db, schedule).CountAsync(cancellationToken),
            [RetentionKind.ScheduledErasures] = await ScheduledErasures(db, schedule).CountAsync(cancellationToken),
        };
}
