using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>The zone a person reads times in, read from their account (not a claim: a change shows on the next page load).</summary>
public static class TimeZoneQueries
{
    public static async Task<TimeZoneInfo> TimeZoneOfAsync(this AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var id = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return TimeZoneChoices.Resolve(id);
    }
}
