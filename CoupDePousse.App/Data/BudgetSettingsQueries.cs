using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

internal static class BudgetSettingsQueries
{
    public static async Task<BudgetBounds> BudgetBoundsAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToBounds() ?? BudgetBounds.Default;

    public static async Task<SmallGroupThreshold> SmallGroupThresholdAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToThreshold() ?? SmallGroupThreshold.Standard;
}
