using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.Features.Cases;

public class MigrationTests
{
    [Fact]
    public async Task The_migrations_create_exactly_the_model_the_app_uses()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Should().Equal(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().Should().BeFalse("every change to the model needs its migration");
    }
}
