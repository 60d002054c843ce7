using CoupDePousse.App.Localization;
using CoupDePousse.App.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.TestSupport;

public static class TestIdentity
{
    /// <summary>
    /// Identity as the app wires it (its options, roles, EF stores and localized messages), without cookies or sign-in;
    /// the caller registers the <c>AppDbContext</c> the stores use.
    /// </summary>
    public static IServiceCollection AddTestIdentity(this IServiceCollection services)
    {
        services.AddAppLocalization();
        services.AddAppIdentityStores();
        return services;
    }
}
