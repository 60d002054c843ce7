using System.Text.Json;
using CoupDePousse.App.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CoupDePousse.Tests.Diagnostics;

/// <summary>Decision 041: JSON console logs carrying the request and circuit ids; OpenTelemetry only when configured.</summary>
public sealed class ObservabilityTests
{
    [Theory]
    [InlineData("Production", null, "json")]
    [InlineData("Development", null, "simple")]
    [InlineData("Development", "json", "json")]
    [InlineData("Production", "simple", "simple")]
    public void The_console_writes_JSON_outside_Development_unless_configured_otherwise(string environment, string? configured, string expected)
    {
        using var services = Services(environment, new() { [Observability.ConsoleFormatterKey] = configured });

        services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName.Should().Be(expected);
    }

    [Fact]
    public void A_JSON_line_carries_the_request_and_the_circuit_it_was_written_in()
    {
        using var services = Services("Production", []);
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
        var scopes = new LoggerExternalScopeProvider();
        var output = new StringWriter();

        // The scope ASP.NET Core's hosting opens around a request, then the one CircuitLogScope opens around circuit work.
        using (scopes.Push(new Dictionary<string, object?> { ["RequestId"] = "0HN-request:00000001", ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }))
        using (scopes.Push(new CircuitScope("circuit-42")))
        {
            formatter.Write(new LogEntry<string>(LogLevel.Information, "Test", new EventId(1), "Case saved", null, (s, _) => s), scopes, output);
        }

        using var line = JsonDocument.Parse(output.ToString());
        line.RootElement.GetProperty("Message").GetString().Should().Be("Case saved");
        line.RootElement.GetProperty("Timestamp").GetString().Should().EndWith("Z");
        var written = line.RootElement.GetProperty("Scopes").EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object)
            .SelectMany(s => s.EnumerateObject().Select(p => $"{p.Name}={p.Value}"))
            .ToList();
        written.Should().Contain("RequestId=0HN-request:00000001")
            .And.Contain("TraceId=4bf92f3577b34da6a3ce929d0e0e4736")
            .And.Contain($"{CircuitScope.Key}=circuit-42");
    }

    [Fact]
    public void Every_circuit_gets_the_handler_that_names_it_in_the_logs()
    {
        using var services = Services("Production", []);
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetServices<CircuitHandler>().Should().ContainSingle(h => h is CircuitLogScope);
    }

    [Fact]
    public void OpenTelemetry_is_off_by_default()
    {
        using var services = Services("Production", []);

        services.GetService<TracerProvider>().Should().BeNull();
        services.GetService<MeterProvider>().Should().BeNull();
    }

    [Fact]
    public void An_endpoint_turns_on_traces_and_metrics()
    {
        using var services = Services("Production", new() { [Observability.EndpointKey] = "http://127.0.0.1:4317" });

        services.GetService<TracerProvider>().Should().NotBeNull();
        services.GetService<MeterProvider>().Should().NotBeNull();
    }

    private static ServiceProvider Services(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole());
        services.AddAppObservability(configuration, new HostingEnvironment { EnvironmentName = environment, ApplicationName = "CoupDePousse.App" });
        return services.BuildServiceProvider();
    }
}
