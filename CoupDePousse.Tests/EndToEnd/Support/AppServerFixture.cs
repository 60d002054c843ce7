using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>The real app on Kestrel, on a free loopback port, with its own SQLite file and the demo data.</summary>
public sealed class AppServerFixture : WebApplicationFactory<Program>
{
    private readonly Action<IWebHostBuilder>? configure;

    private readonly string databaseDirectory =
        Path.Combine(Path.GetTempPath(), "coupdepousse-e2e-" + Guid.NewGuid().ToString("N"));

    /// <param name="configure">Settings or services of one collection's app, applied after the common ones.</param>
    public AppServerFixture(Action<IWebHostBuilder>? configure = null)
    {
        this.configure = configure;
        Directory.CreateDirectory(databaseDirectory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath => Path.Combine(databaseDirectory, "app.db");

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
        return BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads these before Build().
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Seed", "true");
        // The demo's own cases only: the generated history (DemoHistorySeeder) would change the counts tests read.
        builder.UseSetting("Demo:History", "false");
        // Circuits and cookies re-read accounts every 2 s, so a revoked session shows within a test.
        builder.UseSetting("Security:Sessions:RevalidationInterval", "00:00:02");
        // Every journey signs several people in from 127.0.0.1 within a minute: the per-address limit has its own test.
        builder.UseSetting("Security:Login:RequestsPerAddressPerMinute", "10000");
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(databaseDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; never fail a run over it.
        }
    }
}
