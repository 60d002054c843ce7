using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>
/// Writes the notifications of the changes about to be saved, in the same save: the domain says who is told what
/// (<see cref="CaseNotifications"/>, <see cref="MeetingNotifications"/>), this resolves the people and adds the rows.
/// No command path can forget it, and a refused command, which saves nothing, tells nobody.
/// </summary>
internal static class NotificationRows
{
    /// <summary>Adds the rows of the pending changes to the context; call it before the changes are saved.</summary>
    public static async Task AddAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var told = Told(db);
        if (told.Count == 0)
        {
            return;
        }

        var people = await PeopleAsync(db, told, cancellationToken);
        AddRows(db, told, people);
    }

    /// <summary>The same, for a synchronous save.</summary>
    public static void Add(AppDbContext db)
    {
        var told = Told(db);
        if (told.Count == 0)
        {
            return;
        }

        AddRows(db, told, ToPeople(Candidates(db, told).ToList()));
    }

    /// <summary>What each change tells, before the people are resolved.</summary>
    private sealed record Change(NotifiedCase? Case, IReadOnlyList<PartyNotice> Notices, IReadOnlyList<Addressee> Direct, Guid CaseId, Guid? MeetingId, DateTimeOffset At)
    {
        public bool NeedsHr => Notices.Any(n => n.Party == NotifiedParty.HR);
    }

    /// <summary>The enabled accounts among the people named, and every enabled HR member when someone tells HR.</summary>
    private sealed record People(IReadOnlySet<string> Enabled, IReadOnlyList<string> Hr);

    private static List<Change> Told(AppDbContext db)
    {
        var changes = new List<Change>();
        foreach (var entry in db.ChangeTracker.Entries<CoachingCase>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var coachingCase = entry.Entity;
            var recorded = coachingCase.History.Where(t => db.Entry(t).State == EntityState.Added).ToList();
            if (recorded.Count == 0)
            {
                continue;
            }

            var after = NotifiedCase.Of(coachingCase);
            var notices = CaseNotifications.Derive(recorded, after);
            if (notices.Count > 0)
            {
                changes.Add(new Change(after, notices, [], coachingCase.Id, null, recorded.Max(t => t.At)));
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Meeting>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var meeting = entry.Entity;
            if (MeetingNotifications.For(meeting) is { } addressee)
            {
                changes.Add(new Change(null, [], [addressee], meeting.CaseId, meeting.Id, meeting.UpdatedAt));
            }
        }

        return changes;
    }

    private static void AddRows(AppDbContext db, List<Change> changes, People people)
    {
        foreach (var change in changes)
        {
            var addressees = change.Case is { } after
                ? CaseNotifications.Address(change.Notices, after, people.Hr)
                : change.Direct;
            db.Notifications.AddRange(addressees
                .Where(a => people.Enabled.Contains(a.UserId))
                .Select(a => new Notification
                {
                    RecipientId = a.UserId,
                    Kind = a.Kind,
                    CaseId = change.CaseId,
                    MeetingId = change.MeetingId,
                    CreatedAt = change.At,
                }));
        }
    }

    private sealed record Account(string Id, bool IsHr);

    private static IQueryable<Account> Candidates(AppDbContext db, List<Change> changes)
    {
        var named = changes.SelectMany(c => c.Direct.Select(a => a.UserId))
            .Concat(changes.Where(c => c.Case is not null).SelectMany(c => new[] { c.Case!.BeneficiaryId, c.Case.IntervenerId, c.Case.ProposedById }))
            .OfType<string>()
            .Distinct()
            .ToList();
        var withHr = changes.Any(c => c.NeedsHr);
        var hrMembers = db.EnabledHrMemberIds();
        return db.Users
            .Where(u => u.DisabledAt == null)
            .Select(u => new { u.Id, IsHr = hrMembers.Contains(u.Id) })
            .Where(u => named.Contains(u.Id) || (withHr && u.IsHr))
            .Select(u => new Account(u.Id, u.IsHr));
    }

    private static async Task<People> PeopleAsync(AppDbContext db, List<Change> changes, CancellationToken cancellationToken) =>
        ToPeople(await Candidates(db, changes).ToListAsync(cancellationToken));


    private static People ToPeople(List<Account> accounts) =>
        new(accounts.Select(a => a.Id).ToHashSet(), accounts.Where(a => a.IsHr).Select(a => a.Id).ToList());
}
