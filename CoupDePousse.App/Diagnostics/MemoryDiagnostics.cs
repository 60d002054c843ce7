using System.Net;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoupDePousse.App.Diagnostics;

/// <summary>
/// Server memory against live circuits, read by the circuits benchmark (scripts/circuits.sh). Mapped only when
/// <c>Diagnostics:Memory</c> is true in Development, and answered only to callers on the same machine.
/// </summary>
public static class MemoryDiagnostics
{
    public const string Path = "/diagnostics/memory";
    public const string EnabledKey = "Diagnostics:Memory";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && configuration.GetValue<bool>(EnabledKey);

    public static IServiceCollection AddMemoryDiagnostics(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (IsEnabled(configuration, environment))
        {
            services.AddSingleton<OpenCircuitCounter>();
            services.AddSingleton<CircuitHandler>(provider => provider.GetRequiredService<OpenCircuitCounter>());
        }

        return services;
    }

    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        if (IsEnabled(app.Configuration, app.Environment))
        {
            app.MapGet(Path, (HttpContext context, OpenCircuitCounter circuits) =>
                context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
                    ? Results.Json(Measure(circuits.Count))
                    : Results.NotFound());
        }

        return app;
    }

    /// <summary>What stays alive after a full, blocking, compacting collection: the figure to divide by the circuits.</summary>
    public static MemoryReport Measure(int openCircuits)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new MemoryReport(GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet, openCircuits);
    }
}

/// <summary>Managed heap after a full collection, the process's resident set (RSS), and the circuits open at that moment.</summary>
public sealed record MemoryReport(long ManagedHeapBytes, long WorkingSetBytes, int OpenCircuits);

/// <summary>Counts the circuits between their opening and their closing (closed when the tab goes or the disconnected circuit expires).</summary>
public sealed class OpenCircuitCounter : CircuitHandler
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref count);
        return Task.CompletedTask;
    }
}
