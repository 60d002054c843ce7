using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>
/// The facts a case stores for lists and figures (<see cref="CoachingCase.WaitingOn"/>, hours, domains, department):
/// refreshed where an older revision of the rules computed them, and checked against what the aggregates derive.
/// </summary>
public static class CaseFacts
{
    private const int BatchSize = 500;

    /// <summary>Recomputes the facts of every case stored under an older <see cref="CoachingCase.CurrentFactsRevision"/>; returns how many.</summary>
    /// <remarks>
    /// Revision 2 brought the three-way agreement: an engaged case stored before it gets version 1 drawn up now, with
    /// nothing accepted, so that its sessions wait on the three acceptances like any other case (decision 027).
    /// </remarks>
    public static async Task<int> RefreshStaleAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var refreshed = 0;
        var terms = await db.AgreementTermsAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        while (true)
        {
            var ids = await db.Cases.Where(c => c.FactsRevision != CoachingCase.CurrentFactsRevision)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return refreshed;
            }

            foreach (var coachingCase in await db.Cases.WholeAggregates().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                coachingCase.DrawUpMissingAgreement(terms, now);
                coachingCase.RefreshFacts();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            refreshed += ids.Count;
        }
    }

    /// <summary>
    /// The check: every case's stored facts against what its aggregate derives now, and its department against its
    /// beneficiary's; returns the cases that differ (none, when every write went through the domain).
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> FindDifferencesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var differences = await db.Cases.AsNoTracking()
            // An anonymised case has no beneficiary left: its department is a figure of its own (decision 039).
            .Where(c => c.AnonymisedAt == null && c.Department != db.Users.Where(u => u.Id == c.BeneficiaryId).Select(u => u.Department).FirstOrDefault())
            .Select(c => c.Id).ToListAsync(cancellationToken);

        Guid? after = null;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking().WholeAggregates()
                .Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return differences.Distinct().ToList();
            }

            differences.AddRange(batch.Where(c => !c.FactsAreCurrent).Select(c => c.Id));
            after = batch[^1].Id;
        }
    }
}
