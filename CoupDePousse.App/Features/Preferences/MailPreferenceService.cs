using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Preferences;

/// <summary>One kind of mail and whether the person receives it.</summary>
public sealed record MailPreferenceRow(NotificationKind Kind, bool Enabled);

/// <summary>Which kinds of mail a person receives: every kind is on until they switch it off. Each person reads and sets their own only.</summary>
public sealed class MailPreferenceService(IDbContextFactory<AppDbContext> dbFactory, ILogger<MailPreferenceService> logger)
{
    public static readonly Error KindNotForRole = new("mail_preference.kind",
        "Ce type de message ne concerne pas votre rôle.",
        "This kind of message does not concern your role.");

    /// <summary>The kinds a person of this role can be told about (<see cref="NotificationKinds.For"/>).</summary>
    public static IReadOnlyList<NotificationKind> KindsFor(Role role) => NotificationKinds.For(role);

    public async Task<Result<IReadOnlyList<MailPreferenceRow>>> GetAsync(Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        if (actor.UserId != userId)
        {
            return logger.LogRefusal(actor, "ReadMailPreferences", AppErrors.Forbidden);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var off = await db.MailPreferences.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Kind).ToListAsync(cancellationToken);
        return KindsFor(actor.Role).Select(kind => new MailPreferenceRow(kind, !off.Contains(kind))).ToList();
    }

    public async Task<Result> SetAsync(Actor actor, string userId, NotificationKind kind, bool enabled, CancellationToken cancellationToken = default)
    {
        if (actor.UserId != userId)
        {
            return logger.LogRefusal(actor, "SetMailPreference", AppErrors.Forbidden);
        }

        if (!KindsFor(actor.Role).Contains(kind))
        {
            return logger.LogRefusal(actor, "SetMailPreference", KindNotForRole);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.MailPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, cancellationToken);
        if (enabled && existing is not null)
        {
            db.MailPreferences.Remove(existing);
        }
        else if (!enabled && existing is null)
        {
            db.MailPreferences.Add(new MailPreference { UserId = userId, Kind = kind });
        }
        else
        {
            return Result.Success();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs switched the same kind at once: the other save already made it so.
        }

        return Result.Success();
    }
}
