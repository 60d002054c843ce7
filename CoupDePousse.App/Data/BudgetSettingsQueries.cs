using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

internal static class BudgetSettingsQueries
{
    public static async Task<BudgetBounds> BudgetBoundsAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToBounds() ?? BudgetBounds.Default;
}
