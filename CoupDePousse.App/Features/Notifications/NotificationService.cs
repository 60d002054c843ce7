using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Notifications;

/// <summary>
/// A person's notifications: the unread count, the latest lines, marking them read. Every call takes the actor, and a
/// person only ever reads or marks their own rows. The rows are written with the changes they tell about (<see cref="NotificationRows"/>).
/// </summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<NotificationService> logger)
{
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientId == actor.UserId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>The zone the actor reads times in, from their account.</summary>
    public async Task<TimeZoneInfo> ZoneAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TimeZoneOfAsync(actor.UserId, cancellationToken);
    }

    /// <summary>The actor's lines, newest first, one page at a time.</summary>
    public async Task<PagedResult<NotificationLine>> RecentAsync(Actor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == actor.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(page.Skip).Take(page.SafePageSize)
            .Select(n => new { n.Id, n.Kind, n.CaseId, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken);
        var lines = rows.Select(n => new NotificationLine(n.Id, n.Kind, n.CreatedAt, LinkOf(n.Kind, n.CaseId), n.ReadAt is not null)).ToList();
        return new PagedResult<NotificationLine>(lines, total, page.SafePage, page.SafePageSize);
    }

    /// <summary>Marks one of the actor's lines read; anyone else's is answered as not found.</summary>
    public async Task<Result> MarkReadAsync(Actor actor, Guid notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.RecipientId == actor.UserId, cancellationToken);
        if (notification is null)
        {
            return logger.LogRefusal(actor, "MarkNotificationRead", AppErrors.NotFound);
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>Marks every unread line of the actor read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Notifications.Where(n => n.RecipientId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, (DateTimeOffset?)now), cancellationToken);
    }

    /// <summary>Where a line leads (<see cref="Notification.PathOf"/>).</summary>
    public static string LinkOf(NotificationKind kind, Guid? caseId) => Notification.PathOf(kind, caseId);
}
