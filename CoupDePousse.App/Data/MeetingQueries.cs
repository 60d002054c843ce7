using CoupDePousse.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>The meeting queries several features share.</summary>
public static class MeetingQueries
{
    /// <summary>A case's meetings as HR may know them: statuses and confirmed times only, never where.</summary>
    public static async Task<MeetingSummary> MeetingSummaryAsync(this AppDbContext db, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CaseId == caseId)
            .Select(m => new { m.Status, StartsAt = m.Confirmed == null ? (DateTimeOffset?)null : m.Confirmed.StartsAt })
            .ToListAsync(cancellationToken);
        return MeetingSummary.Of(meetings.Select(m => (m.Status, m.StartsAt)), now);
    }
}
