using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

internal static class BudgetSettingsQueries
{
    public static async Task<BudgetBounds> BudgetBoundsAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToBounds() ?? BudgetBounds.Default;
}
