using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// Erases a person (decision 039): their identity becomes a pseudonym everywhere, what they wrote or what was written about
/// them goes, their account stays as a disabled pseudonymous shell so that every figure keeps its count, hours and cost.
/// One transaction: all of it or nothing. Also deletes an unused invitation's account, with the same care for the audit trail.
/// </summary>
public sealed class PersonErasure(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>Erases the person; <paramref name="actorUserId"/> is the admin, or null for a scheduled erasure run by the daily job.</summary>
    public async Task<Result<Pseudonym>> EraseAsync(string userId, string? actorUserId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.WritesNotifications = false;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        if (user.ErasedAt is not null)
        {
            return ErasureRules.AlreadyErased;
        }

        var active = await db.Cases.CountAsync(c => c.EndedAt == null && (c.BeneficiaryId == userId || c.IntervenerId == userId), cancellationToken);
        var allowed = ErasureRules.MayErase(active);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var pseudonym = Pseudonym.New();
        var identity = Identity(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Their cases as beneficiary: every free text of them is theirs or about them; the figures stay.
        var ownCases = db.Cases.Where(c => c.BeneficiaryId == userId).Select(c => c.Id);
        Guid? after = null;
        while (true)
        {
            var batch = await db.Cases.WholeAggregates().Where(c => c.BeneficiaryId == userId && (after == null || c.Id.CompareTo(after.Value) > 0))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var coachingCase in batch)
            {
                coachingCase.EraseBeneficiaryTexts();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }

        // As intervener: their declarations of a conflict of interest describe their own relations.
        foreach (var coachingCase in await db.Cases.Where(c => c.IntervenerId == userId && c.ConflictDescription != null).ToListAsync(cancellationToken))
        {
            coachingCase.EraseConflictDescription();
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Notes about them (their cases) and notes they wrote; their journal; the action items and places of their meetings.
        await db.SessionNotes.Where(n => ownCases.Contains(n.CaseId) || n.AuthorId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.JournalEntries.Where(e => ownCases.Contains(e.CaseId) || e.AuthorId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ActionItems.Where(i => ownCases.Contains(i.CaseId) || i.AuthorId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Meetings.Where(m => m.BeneficiaryId == userId || m.IntervenerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Place, (string?)null).SetProperty(m => m.Link, (string?)null), cancellationToken);

        await DeletePersonalRowsAsync(db, userId, cancellationToken);

        // Tracked afresh (the batches above cleared the tracker), so that its concurrency stamp is checked against the stored one.
        user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.DisplayName = pseudonym.DisplayName;
        user.Email = user.UserName = pseudonym.Email(Guid.NewGuid());
        user.NormalizedEmail = user.NormalizedUserName = user.Email.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.TimeZoneId = null;
        user.Language = null;
        user.ManagerId = null;
        user.DisabledAt ??= now;
        user.ErasureDueAt = null;
        user.ErasedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        await ScrubAuditAsync(db, userId, identity, pseudonym.DisplayName, cancellationToken);
        db.SecurityEvents.Add(new SecurityEvent(now, SecurityEventKind.PersonErased, actorUserId, userId, null, pseudonym.DisplayName));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pseudonym;
    }

    /// <summary>Deletes the account of an invitation never used; nothing refers to it (see <see cref="RetentionQueries.Invitations"/>).</summary>
    internal async Task DeleteUnusedInvitationAsync(AppDbContext db, ApplicationUser user, CancellationToken cancellationToken)
    {
        await DeletePersonalRowsAsync(db, user.Id, cancellationToken);
        await ScrubAuditAsync(db, user.Id, Identity(user), "(invitation deleted)", cancellationToken);
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(cancellationToken);
    }

    private static IReadOnlyList<string> Identity(ApplicationUser user) =>
        new[] { user.Email, user.UserName, user.DisplayName, user.PhoneNumber }
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(v => v.Length).ToList();

    private static async Task DeletePersonalRowsAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        await db.Notifications.Where(n => n.RecipientId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.MailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Audit rows keep their ids (the pseudonymous account) but no value may go on naming the person: each mention of their
    /// email or name in an old or new value is replaced, under the guard lifted for this transaction only.
    /// </summary>
    private static async Task ScrubAuditAsync(AppDbContext db, string userId, IReadOnlyList<string> identity, string replacement, CancellationToken cancellationToken)
    {
        if (identity.Count == 0)
        {
            return;
        }

        var candidates = db.SecurityEvents.Where(e => e.SubjectUserId == userId || e.ActorUserId == userId);
        foreach (var value in identity)
        {
            candidates = candidates.Union(db.SecurityEvents.Where(e => (e.OldValue != null && e.OldValue.Contains(value)) || (e.NewValue != null && e.NewValue.Contains(value))));
            var lower = value.ToLowerInvariant();
            candidates = candidates.Union(db.SecurityEvents.Where(e => (e.OldValue != null && e.OldValue.ToLower().Contains(lower)) || (e.NewValue != null && e.NewValue.ToLower().Contains(lower))));
        }

        var rows = await candidates.AsNoTracking().Select(e => new { e.Id, e.OldValue, e.NewValue }).ToListAsync(cancellationToken);
        var changes = rows.Select(r => (r.Id, Old: Scrub(r.OldValue, identity, replacement), New: Scrub(r.NewValue, identity, replacement), r.OldValue, r.NewValue))
            .Where(r => r.Old != r.OldValue || r.New != r.NewValue).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        await AuditTrailGuard.LiftAsync(db, cancellationToken);
        foreach (var change in changes)
        {
            await db.SecurityEvents.Where(e => e.Id == change.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.OldValue, change.Old).SetProperty(e => e.NewValue, change.New), cancellationToken);
        }

        await AuditTrailGuard.RestoreAsync(db, cancellationToken);
    }

    internal static string? Scrub(string? value, IReadOnlyList<string> identity, string replacement) =>
        value is null ? null : identity.Aggregate(value, (text, mention) => Regex.Replace(text, Regex.Escape(mention), replacement, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
