namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>The daily slot of the scheduled backup, in a time zone: which slot has passed, which comes next, whether one was missed.</summary>
public sealed record BackupSchedule(TimeOnly DailyAt, TimeZoneInfo Zone)
{
    /// <summary>The latest slot at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LastSlot(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var slot = SlotOn(today);
        return slot <= now ? slot : SlotOn(today.AddDays(-1));
    }

    /// <summary>The first slot after <paramref name="now"/>.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var slot = SlotOn(today);
        return slot > now ? slot : SlotOn(today.AddDays(1));
    }

    /// <summary>A slot has passed since the last run (or there never was one): after downtime, one run catches up, not one per missed day.</summary>
    public bool IsDue(DateTimeOffset? lastRunAt, DateTimeOffset now) => lastRunAt is not { } last || last < LastSlot(now);

    /// <summary>The slot of a local day; a time skipped by a clock change runs an hour later, a repeated one at its first occurrence.</summary>
    private DateTimeOffset SlotOn(DateOnly day)
    {
        var local = day.ToDateTime(DailyAt, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
