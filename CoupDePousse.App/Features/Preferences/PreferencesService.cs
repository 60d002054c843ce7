using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Preferences;

/// <summary>A person's own preferences: the zone they read times in, and their private calendar subscription.</summary>
public sealed class PreferencesService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, SecurityAudit audit, ILogger<PreferencesService> logger)
{
    /// <summary>Only the two participants of meetings have any to subscribe to.</summary>
    public static bool HasMeetings(Actor actor) => actor.Role is Role.Beneficiary or Role.Intervener;

    public async Task<PreferencesView> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        var feed = HasMeetings(actor)
            ? await db.CalendarFeeds.Where(f => f.UserId == actor.UserId).Select(f => new CalendarFeedState(f.CreatedAt, f.LastUsedAt)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new PreferencesView(TimeZoneChoices.IsOffered(zone) ? zone! : TimeZoneChoices.DefaultId, HasMeetings(actor), feed);
    }

    /// <summary>Saves the zone the person reads times in; one outside the offered list is refused.</summary>
    public async Task<Result> SetTimeZoneAsync(Actor actor, string? timeZoneId, CancellationToken cancellationToken = default)
    {
        var valid = TimeZoneChoices.Validate(timeZoneId);
        if (valid.IsFailure)
        {
            return logger.LogRefusal(actor, "SetTimeZone", valid.Error!);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Users.Where(u => u.Id == actor.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, valid.Value), cancellationToken);
        return saved == 1 ? Result.Success() : logger.LogRefusal(actor, "SetTimeZone", AppErrors.NotFound);
    }

    /// <summary>
    /// A new secret subscription URL for the person's meetings (the previous one stops answering). The token is returned
    /// this once; only its hash is kept.
    /// </summary>
    public async Task<Result<string>> CreateFeedAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "CreateCalendarFeed", Role.Beneficiary, Role.Intervener);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == actor.UserId, cancellationToken);
        string token;
        if (existing is null)
        {
            var (feed, issued) = CalendarFeed.Issue(actor.UserId, now);
            db.CalendarFeeds.Add(feed);
            token = issued;
        }
        else
        {
            token = existing.Renew(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(SecurityEventKind.CalendarFeedCreated, actor.UserId, actor.UserId, cancellationToken: cancellationToken);
        return token;
    }

    /// <summary>Ends the subscription: its URL answers "not found" from now on.</summary>
    public async Task<Result> RevokeFeedAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.CalendarFeeds.Where(f => f.UserId == actor.UserId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await audit.RecordAsync(SecurityEventKind.CalendarFeedRevoked, actor.UserId, actor.UserId, cancellationToken: cancellationToken);
        }

        return Result.Success();
    }
}

/// <summary>What the preferences page shows: the zone chosen (Paris by default) and whether a subscription exists, never its URL.</summary>
public sealed record PreferencesView(string TimeZoneId, bool HasMeetings, CalendarFeedState? Feed);

public sealed record CalendarFeedState(DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
