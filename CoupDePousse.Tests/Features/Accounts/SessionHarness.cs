using System.Security.Claims;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>The session store and the revalidation rules over a test database, on its fake clock, with Identity as the app wires it.</summary>
public sealed class SessionHarness : IAsyncDisposable
{
    public static readonly UserSessionOptions Limits = new()
    {
        AbsoluteLifetime = TimeSpan.FromHours(8),
        IdleTimeout = TimeSpan.FromMinutes(30),
        RevalidationInterval = TimeSpan.FromMinutes(1),
    };

    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;

    private SessionHarness(TestDatabase database)
    {
        Database = database;
        Store = new UserSessionStore(database, new EphemeralDataProtectionProvider(), database.Clock, Options.Create(Limits));
        services = new ServiceCollection()
            .AddLogging()
            .AddScoped(_ => database.CreateDbContext())
            .AddTestIdentity()
            .BuildServiceProvider();
        scope = services.CreateAsyncScope();
    }

    public TestDatabase Database { get; }

    public UserSessionStore Store { get; }

    public UserManager<ApplicationUser> Users => scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    public static async Task<SessionHarness> CreateAsync() => new(await TestDatabase.CreateAsync());

    /// <summary>Rules read in a fresh scope each time, as the circuit's revalidation does.</summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal)
    {
        await using var fresh = services.CreateAsyncScope();
        var validator = new SessionValidator(fresh.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), Store,
            fresh.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>());
        return await validator.IsValidAsync(principal);
    }

    /// <summary>Signs the user in as the cookie handler would: the principal Identity builds, stored as a session.</summary>
    public async Task<(string Key, ClaimsPrincipal Principal)> SignInAsync(string userId)
    {
        var user = (await Users.FindByIdAsync(userId))!;
        var factory = new AppClaimsPrincipalFactory(Users, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>());
        var principal = await factory.CreateAsync(user);
        var ticket = new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme);
        var key = await Store.StoreAsync(ticket);
        var retrieved = await Store.RetrieveAsync(key);
        return (key, retrieved!.Principal);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
