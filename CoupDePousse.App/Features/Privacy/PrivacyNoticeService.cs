using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Privacy;

/// <summary>The notice as one person reads it: the general part before signing in, their role's once signed in, and whether they read this version.</summary>
public sealed record PrivacyNoticeView(int Version, bool ForRole, IReadOnlyList<PrivacyNoticeSection> Sections, DateTimeOffset? AcknowledgedAt);

/// <summary>The privacy notice for anyone (signed in or not), and each person's acknowledgement of its current version.</summary>
public sealed class PrivacyNoticeService(IDbContextFactory<AppDbContext> dbFactory, PrivacyNoticeGate gate, TimeProvider clock, ILogger<PrivacyNoticeService> logger)
{
    /// <summary>With no actor, the general part only: the sign-in page links to it.</summary>
    public async Task<PrivacyNoticeView> GetAsync(Actor? actor, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.PrivacyContactAsync(cancellationToken);
        var periods = await db.RetentionPeriodsAsync(cancellationToken);
        var acknowledgedAt = actor is null ? null
            : await db.PrivacyAcknowledgements.Where(a => a.UserId == actor.UserId && a.Version == PrivacyNotice.Version)
                .Select(a => (DateTimeOffset?)a.AcknowledgedAt).SingleOrDefaultAsync(cancellationToken);
        return new PrivacyNoticeView(PrivacyNotice.Version, actor is not null, PrivacyNotice.Compose(actor?.Role, culture, contact, periods), acknowledgedAt);
    }

    /// <summary>Records that the person read the current version (once: a second click changes nothing) and opens the app to them.</summary>
    public async Task<Result> AcknowledgeAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == actor.UserId, cancellationToken))
        {
            return logger.LogRefusal(actor, "AcknowledgePrivacyNotice", AppErrors.NotFound);
        }

        if (!await db.PrivacyAcknowledgements.AnyAsync(a => a.UserId == actor.UserId && a.Version == PrivacyNotice.Version, cancellationToken))
        {
            db.PrivacyAcknowledgements.Add(new PrivacyAcknowledgement { UserId = actor.UserId, Version = PrivacyNotice.Version, AcknowledgedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person acknowledged from another tab in between: the row they wanted is there, or this was another failure.
                if (!await HasAcknowledgedAsync(actor.UserId, cancellationToken))
                {
                    throw;
                }
            }
        }

        gate.Remember(actor.UserId);
        logger.LogInformation("User {UserId} acknowledged privacy notice version {Version}", actor.UserId, PrivacyNotice.Version);
        return Result.Success();
    }

    private async Task<bool> HasAcknowledgedAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PrivacyAcknowledgements.AnyAsync(a => a.UserId == userId && a.Version == PrivacyNotice.Version, cancellationToken);
    }
}
