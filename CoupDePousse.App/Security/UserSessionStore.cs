using System.Security.Claims;
using System.Security.Cryptography;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Security;

/// <summary>
/// Keeps authentication tickets in <c>UserSessions</c>, data-protected, so the cookie holds only a random key: a row
/// removed, expired or idle is a session that no longer signs anyone in. One short-lived context per call.
/// </summary>
public sealed class UserSessionStore(
        IDbContextFactory<AppDbContext> dbFactory,
        IDataProtectionProvider dataProtection,
        TimeProvider clock,
        IOptions<UserSessionOptions> options)
    : ITicketStore
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("CoupDePousse.UserSessions.v1");

    private UserSessionOptions Limits => options.Value;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(NewSession(key, ticket));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>
    /// A refreshed ticket (sliding cookie, new security stamp, password change) keeps its session and its absolute end;
    /// a ticket for another user, or for a session already gone, starts a new one under the key.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is not null && session.UserId == UserIdOf(ticket))
        {
            session.Ticket = Protect(key, ticket);
            session.LastSeenAt = clock.GetUtcNow();
        }
        else
        {
            if (session is not null)
            {
                db.UserSessions.Remove(session);
                await db.SaveChangesAsync(cancellationToken);
            }
            db.UserSessions.Add(NewSession(key, ticket));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var ticket = IsLive(session, now) ? Unprotect(session.Ticket) : null;
        if (ticket is null)
        {
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= Limits.LastSeenResolution)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        // The row decides when the session ends, so that activity in a circuit (no cookie involved) counts too.
        var idleEnd = session.LastSeenAt + Limits.IdleTimeout;
        ticket.Properties.ExpiresUtc = idleEnd < session.ExpiresAt ? idleEnd : session.ExpiresAt;
        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Whether the session still signs its user in: it exists and is neither past its absolute end nor idle.</summary>
    public async Task<bool> IsActiveAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        return session is not null && IsLive(session, clock.GetUtcNow());
    }

    /// <summary>Records activity that reaches no cookie (a click in a live circuit), at most once per resolution.</summary>
    public async Task TouchAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
        if (session is not null && IsLive(session, now) && now - session.LastSeenAt >= Limits.LastSeenResolution)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private bool IsLive(UserSession session, DateTimeOffset now) =>
        now < session.ExpiresAt && now - session.LastSeenAt < Limits.IdleTimeout;

    private UserSession NewSession(string key, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow();
        return new UserSession
        {
            Id = key,
            UserId = UserIdOf(ticket),
            Ticket = Protect(key, ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + Limits.AbsoluteLifetime,
        };
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A session is only stored for a principal with a user id.");

    private byte[] Protect(string key, AuthenticationTicket ticket)
    {
        // The principal carries its session key, so that a live circuit can check its session is still there.
        if (ticket.Principal.FindFirst(AppClaimTypes.SessionId) is null && ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(AppClaimTypes.SessionId, key));
        }
        return protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            // Keys rotated away or a tampered row: the session is simply over.
            return null;
        }
    }
}
