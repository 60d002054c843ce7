using CoupDePousse.App.Data;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Security;

/// <summary>Writes the security audit trail: one short-lived context per event, rows only ever added.</summary>
public sealed class SecurityAudit(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    public async Task RecordAsync(SecurityEventKind kind, string? actorUserId, string? subjectUserId, string? oldValue = null, string? newValue = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var remoteIp = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.SecurityEvents.Add(new SecurityEvent(clock.GetUtcNow(), kind, actorUserId, subjectUserId, oldValue, newValue, remoteIp));
        await db.SaveChangesAsync(cancellationToken);
    }
}
