using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Diagnostics;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupDePousse.Tests.Hosting;

/// <summary>The probes of the load balancer: live while the process runs, ready only when this instance can serve; they say nothing else.</summary>
public class HealthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_migrated_instance_is_live_and_ready_to_anyone_and_nothing_caches_the_answer()
    {
        await using var factory = new ProductionAppFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { Health.LivePath, Health.ReadyPath })
        {
            var response = await client.GetAsync(path, Token);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync(Token)).Should().Be("Healthy");
            response.Headers.CacheControl!.NoStore.Should().BeTrue(path);
        }
    }

    [Fact]
    public async Task An_instance_told_not_to_migrate_starts_live_but_not_ready_while_migrations_are_pending()
    {
        await using var factory = new UnmigratedAppFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync(Health.LivePath, Token)).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync(Health.ReadyPath, Token);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync(Token)).Should().Be("Unhealthy");
    }

    [Fact]
    public async Task An_unreachable_database_makes_the_instance_unready_without_telling_why()
    {
        var keys = Deployment.TemporaryFolder();
        try
        {
            const string secret = "not-a-real-password";
            await using var factory = new InstanceAppFactory($"Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password={secret}", keys,
                (DatabaseStartup.MigrateAtStartupKey, "false"));
            var client = factory.CreateClient();

            (await client.GetAsync(Health.LivePath, Token)).StatusCode.Should().Be(HttpStatusCode.OK, "live depends on nothing");
            var ready = await client.GetAsync(Health.ReadyPath, Token);
            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await ready.Content.ReadAsStringAsync(Token)).Should().Be("Unhealthy", "neither the exception nor the connection string reaches the caller");
        }
        finally
        {
            Deployment.Remove(keys);
        }
    }

    [Fact]
    public async Task In_production_on_postgresql_an_instance_without_a_named_key_folder_refuses_to_start()
    {
        await using var factory = new InstanceAppFactory("Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=x", keysPath: null);

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage($"*{KeyRing.KeysPathKey}*");
    }

    private sealed class UnmigratedAppFactory : ProductionAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(DatabaseStartup.MigrateAtStartupKey, "false");
        }
    }
}
