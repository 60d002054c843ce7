using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Security;

/// <summary>Ends sessions for good: their rows go (a copied cookie signs nobody in) and, for all of them, a new security stamp.</summary>
public sealed class SessionRevocation(IDbContextFactory<AppDbContext> dbFactory, UserManager<ApplicationUser> userManager, SecurityAudit audit)
{
    /// <summary>
    /// Signs the user out everywhere: deletes every session of theirs, renews their security stamp (live circuits and
    /// cookies then fail revalidation) and audits <see cref="SecurityEventKind.SessionsRevoked"/> with the count when any ended.
    /// Call it after saving your own changes to the user (role, disabling): it saves the user through UserManager.
    /// </summary>
    public async Task<int> RevokeAllAsync(string userId, string? actorUserId, CancellationToken cancellationToken = default)
    {
        var count = await DeleteSessionsAsync(userId, keepSessionId: null, cancellationToken);
        if (await userManager.FindByIdAsync(userId) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        // Recorded when sessions actually ended, or when the person asked for it themself.
        if (count > 0 || actorUserId == userId)
        {
            await audit.RecordAsync(SecurityEventKind.SessionsRevoked, actorUserId, userId, newValue: $"{count} sessions", cancellationToken: cancellationToken);
        }

        return count;
    }

    /// <summary>Ends every session of the user but <paramref name="keepSessionId"/> (the one that asked, after a password change).</summary>
    public Task<int> RevokeOthersAsync(string userId, string? keepSessionId, CancellationToken cancellationToken = default) =>
        DeleteSessionsAsync(userId, keepSessionId, cancellationToken);

    private async Task<int> DeleteSessionsAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions
            .Where(session => session.UserId == userId && session.Id != keepSessionId)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
