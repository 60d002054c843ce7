using CoupDePousse.App.Features.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>A fresh test database with the account services the app wires (administration, audit, links), per test.</summary>
public abstract class AccountServicesTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected ServiceProvider Services { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected AdministrationService Administration => Services.GetRequiredService<AdministrationService>();

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Services = Database.AccountServices();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
