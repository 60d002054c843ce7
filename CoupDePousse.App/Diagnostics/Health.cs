using CoupDePousse.App.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoupDePousse.App.Diagnostics;

/// <summary>
/// For the load balancer and the orchestrator: <c>/health/live</c> answers while the process runs (no dependency), and
/// <c>/health/ready</c> while this instance can serve (database reachable, no migration pending, key ring readable).
/// Anonymous, never cached, and the body says only Healthy or Unhealthy: what failed goes to the log, not to the caller.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<KeyRingHealthCheck>("key-ring", HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }

    public static WebApplication MapAppHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }
}

/// <summary>Unhealthy while a migration is pending (an instance started with <c>Database:MigrateAtStartup=false</c> before <c>migrate</c> ran).</summary>
internal sealed class MigrationsHealthCheck(IDbContextFactory<AppDbContext> dbFactory, ILogger<MigrationsHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending == 0)
        {
            return HealthCheckResult.Healthy();
        }

        logger.LogWarning("Not ready: {Count} database migrations are pending (run the migrate command)", pending);
        return HealthCheckResult.Unhealthy();
    }
}

/// <summary>Protects and reads back a probe: the key ring is readable (and, when new, writable) and its keys decrypt.</summary>
internal sealed class KeyRingHealthCheck(IDataProtectionProvider dataProtection) : IHealthCheck
{
    private const string Probe = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var protector = dataProtection.CreateProtector("CoupDePousse.Health");
        return Task.FromResult(protector.Unprotect(protector.Protect(Probe)) == Probe ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
    }
}
