using CoupDePousse.App.Data;
using CoupDePousse.App.Features;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// <see cref="MudTestContext"/> plus a <see cref="TestDatabase"/>, with the application's services wired on it as the app
/// wires them: sign someone in, then render a feature page.
/// </summary>
public abstract class FeaturePageContext : MudTestContext, IAsyncLifetime
{
    private TestDatabase? database;

    protected TestDatabase Database => database ?? throw new InvalidOperationException("The database is created when the test starts.");

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        Services.AddLogging(logging => logging.AddProvider(database.Logs));
        Services.AddFeatureServices();
        Services.AddSingleton<TimeProvider>(database.Clock);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddScoped(_ => database.CreateDbContext());
        Services.AddTestIdentity();
        Services.AddScoped<ICurrentUser, CurrentUser>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<SecurityAudit>();
        Services.AddTestMail();
    }

    /// <summary>Signs in one of the database's people, the way the app's cookie does.</summary>
    protected void SignInAs(Actor actor, string displayName = "Camille Martin") =>
        AddAuthorization().SignIn(actor.Role.ToString(), displayName, actor.UserId);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
