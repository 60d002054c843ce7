using CoupDePousse.App.Features.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupDePousse.Tests.TestSupport;

public static class AdministrationHarness
{
    /// <summary>The admin service on the test database, with Identity's UserManager wired as the app wires it.</summary>
    public static AdministrationService Administration(this TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(database.Logs));
        services.AddScoped(_ => database.CreateDbContext());
        services.AddTestIdentity();
        var provider = services.BuildServiceProvider();
        return new AdministrationService(database, provider.GetRequiredService<IServiceScopeFactory>(), database.Logger<AdministrationService>());
    }
}
