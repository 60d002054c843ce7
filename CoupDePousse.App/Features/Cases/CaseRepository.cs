using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

internal static class CaseRepository
{
    /// <summary>The whole aggregate, tracked. Session notes are not part of it and never load with it.</summary>
    public static Task<CoachingCase?> LoadCaseAsync(this AppDbContext db, Guid id, CancellationToken cancellationToken = default) =>
        db.Cases
            .Include(c => c.Verdicts)
            .Include(c => c.Objectives.OrderBy(o => o.Position))
            .Include(c => c.ObjectiveDrafts.OrderBy(d => d.Position))
            .Include(c => c.ObjectiveRevisions.OrderBy(r => r.Number))
            .Include(c => c.Sessions.OrderBy(s => s.LoggedAt))
            .Include(c => c.Extensions.OrderBy(e => e.RequestedAt))
            .Include(c => c.History.OrderBy(h => h.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Display names of the given users, for read models.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(this AppDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>How many active cases each intervener holds, leaving one case out (the one being assigned).</summary>
    public static Task<Dictionary<string, int>> IntervenerLoadsAsync(this AppDbContext db, Guid? exceptCaseId = null, CancellationToken cancellationToken = default) =>
        db.Cases.Active().Where(c => c.IntervenerId != null && c.Id != exceptCaseId)
            .GroupBy(c => c.IntervenerId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>Cases that still occupy an intervener's capacity.</summary>
    public static IQueryable<CoachingCase> Active(this IQueryable<CoachingCase> cases) =>
        cases.Where(c => c.State != CaseState.Closed && c.State != CaseState.Declined && c.State != CaseState.Cancelled);
}
