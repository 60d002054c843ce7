using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoupDePousse.App.Diagnostics;

/// <summary>
/// What an operator reads (decision 041): console logs, JSON by default outside Development, with the scopes that name
/// the request (RequestId, TraceId) and the Blazor circuit (CircuitId); OpenTelemetry traces and metrics sent over OTLP
/// only when <c>OpenTelemetry:Endpoint</c> is set. Logs carry ids and counts, never case text: the services log
/// none, and EF Core's sensitive data logging stays off, so SQL parameters show as '?'.
/// </summary>
public static class Observability
{
    public const string ConsoleFormatterKey = "Logging:Console:FormatterName";
    public const string EndpointKey = "OpenTelemetry:Endpoint";
    public const string ProtocolKey = "OpenTelemetry:Protocol";
    public const string ServiceNameKey = "OpenTelemetry:ServiceName";
    public const string DefaultServiceName = "coupdepousse";

    /// <summary>The framework's sources and meters worth an operator's time (requests, Kestrel, circuits, runtime).</summary>
    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Lifecycle", "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.AspNetCore.RateLimiting", "System.Runtime", "System.Net.Http",
    ];

    private static readonly string[] ActivitySources = ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits"];

    public static WebApplicationBuilder AddAppObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppObservability(builder.Configuration, builder.Environment);
        return builder;
    }

    public static IServiceCollection AddAppObservability(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Plain lines for a developer, one JSON object per line for a log collector; Logging:Console:FormatterName
        // (json, simple, systemd) chooses either way.
        var formatter = configuration[ConsoleFormatterKey] is { Length: > 0 } configured
            ? configured
            : environment.IsDevelopment() ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json;
        services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = formatter);
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        services.AddScoped<CircuitHandler, CircuitLogScope>();

        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var protocol = string.Equals(configuration[ProtocolKey], "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        void Exporter(OtlpExporterOptions options)
        {
            options.Endpoint = new Uri(endpoint);
            options.Protocol = protocol;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration[ServiceNameKey] is { Length: > 0 } name ? name : DefaultServiceName,
                serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(ActivitySources)
                .AddOtlpExporter(Exporter))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Meters)
                .AddOtlpExporter(Exporter));
        return services;
    }
}

/// <summary>
/// Opens a logging scope with the circuit's id around everything a circuit does for its browser (events, navigation,
/// JS calls, renders), so that every line logged meanwhile names its circuit. A scope opened once when the circuit
/// starts would not do: scopes follow the call, not the circuit.
/// </summary>
internal sealed class CircuitLogScope(ILogger<CircuitLogScope> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (logger.BeginScope(new CircuitScope(context.Circuit.Id)))
            {
                await next(context);
            }
        };
}

/// <summary>The circuit scope as the JSON formatter writes it: <c>{"Message": "Circuit …", "CircuitId": "…"}</c>.</summary>
public sealed class CircuitScope(string circuitId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "CircuitId";

    public string CircuitId { get; } = circuitId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, CircuitId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Circuit {CircuitId}";
}
