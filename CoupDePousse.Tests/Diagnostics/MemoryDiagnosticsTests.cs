using System.Net;
using System.Net.Http.Json;
using CoupDePousse.App.Diagnostics;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Diagnostics;

/// <summary>The memory endpoint of the circuits benchmark exists only when asked for on a developer's machine, and only for it.</summary>
public class MemoryDiagnosticsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_endpoint_is_not_mapped_unless_asked_for()
    {
        await using var factory = new DevelopmentFromLoopback();

        var response = await factory.CreateClient().GetAsync(MemoryDiagnostics.Path, Token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Production_never_maps_the_endpoint_even_when_asked_for()
    {
        await using var factory = new ProductionWithMemoryDiagnostics();

        var response = await factory.CreateClient().GetAsync(MemoryDiagnostics.Path, Token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Development_answers_the_same_machine_with_memory_and_open_circuits_and_nobody_else()
    {
        await using var factory = new DevelopmentWithMemoryDiagnostics();
        using (var scope = factory.Services.CreateScope())
        {
            var counter = scope.ServiceProvider.GetServices<CircuitHandler>().OfType<OpenCircuitCounter>().Single();
            await counter.OnCircuitOpenedAsync(null!, Token);
            await counter.OnCircuitOpenedAsync(null!, Token);
        }

        var fromLoopback = factory.CreateClient();
        fromLoopback.DefaultRequestHeaders.Add(SignInAppFactory.AddressHeader, "127.0.0.1");
        var report = await fromLoopback.GetFromJsonAsync<MemoryReport>(MemoryDiagnostics.Path, Token);
        var fromElsewhere = await factory.CreateClient().GetAsync(MemoryDiagnostics.Path, Token);

        report!.OpenCircuits.Should().Be(2);
        report.ManagedHeapBytes.Should().BeInRange(1 << 20, 4L << 30);
        report.WorkingSetBytes.Should().BeGreaterThan(report.ManagedHeapBytes);
        fromElsewhere.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_counter_follows_circuits_opened_and_closed_from_many_threads()
    {
        var counter = new OpenCircuitCounter();

        await Parallel.ForAsync(0, 1000, Token, async (_, token) => await counter.OnCircuitOpenedAsync(null!, token));
        await Parallel.ForAsync(0, 400, Token, async (_, token) => await counter.OnCircuitClosedAsync(null!, token));

        counter.Count.Should().Be(600);
    }

    /// <summary>The app in Development, the endpoint on; callers speak from the address of the <c>X-Test-Address</c> header.</summary>
    private sealed class DevelopmentWithMemoryDiagnostics : SignInAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(MemoryDiagnostics.EnabledKey, "true");
        }
    }

    /// <summary>The app in Development without the setting, every caller on the same machine.</summary>
    private sealed class DevelopmentFromLoopback : ShellAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromLoopback()));
        }
    }

    /// <summary>Production with the setting on, every caller on the same machine.</summary>
    private sealed class ProductionWithMemoryDiagnostics : ProductionAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(MemoryDiagnostics.EnabledKey, "true");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromLoopback()));
        }
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
