using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePousse.Tests.TestSupport;

public static class AdministrationHarness
{
    /// <summary>The admin service on the test database, with Identity's UserManager wired as the app wires it.</summary>
    public static AdministrationService Administration(this TestDatabase database) =>
        database.AccountServices().GetRequiredService<AdministrationService>();

    /// <summary>The audit page's service on the test database.</summary>
    public static AuditTrailService AuditTrail(this TestDatabase database) =>
        database.AccountServices().GetRequiredService<AuditTrailService>();

    /// <summary>
    /// The administration, the audit trail and Identity (users, tokens, account links, sign-in rules) on the test database and
    /// its clock, as the app wires them; <paramref name="configure"/> may override a registration.
    /// </summary>
    public static ServiceProvider AccountServices(this TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(database.Logs));
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddTestIdentity();
        services.AddScoped<AdministrationService>();
        services.AddScoped<AuditTrailService>();
        services.AddTestMail();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Follows an account link as its owner would: a scope of its own, as a request of the accept page has.</summary>
    public static async Task<AccountLinkResult> SetPasswordThroughAsync(this ServiceProvider services, string? url, string password)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), url ?? throw new ArgumentNullException(nameof(url))).Query);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountLinks>().SetPasswordAsync(query["userId"], query["code"], password);
    }

    /// <summary>Whether the person can sign in with that password now.</summary>
    public static async Task<bool> PasswordWorksAsync(this ServiceProvider services, string userId, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }
}
