using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>The real app in Development (demo seeding on) over its own temporary SQLite file.</summary>
public class ShellAppFactory : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "coupdepousse-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(directory, "app.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Demo:Seed", "true");
        // The demo's own cases only: the generated history (DemoHistorySeeder) would change the counts tests read.
        builder.UseSetting("Demo:History", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>The real app as deployed: Production, with no setting about demo data, reached over HTTPS as behind its TLS proxy.</summary>
public class ProductionAppFactory : ShellAppFactory
{
    public ProductionAppFactory() => ClientOptions.BaseAddress = new Uri("https://coupdepousse.test");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Path", DatabasePath);
    }
}

/// <summary>A first deployment, given its first administrator's account in configuration.</summary>
public sealed class FirstDeploymentAppFactory : ProductionAppFactory
{
    public const string AdminEmail = "dsi@entreprise.test";
    public const string AdminPassword = "Premier-Admin-2026!";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
    }
}
