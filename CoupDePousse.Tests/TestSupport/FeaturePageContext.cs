using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// bUnit base for feature pages rendered against the real application services over a <see cref="TestDatabase"/>:
/// call <see cref="SignInAsync"/> first, then render.
/// </summary>
public abstract class FeaturePageContext : MudTestContext
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TestDatabase? database;

    protected TestDatabase Database => database ?? throw new InvalidOperationException("Call SignInAsync first.");

    /// <summary>Creates the database, wires the services on it and signs in one of the builder's people.</summary>
    protected async Task<TestDatabase> SignInAsync(string role, string userId, string displayName = "Camille Martin")
    {
        database = await TestDatabase.CreateAsync();
        Services.AddLogging();
        Services.AddFeatureServices();
        Services.AddSingleton<TimeProvider>(database.Clock);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddScoped(_ => database.CreateDbContext());
        Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        Services.AddScoped<ICurrentUser, CurrentUser>();
        AddAuthorization().SignIn(role, displayName, userId);
        return database;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
