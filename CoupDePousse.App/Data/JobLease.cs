using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoupDePousse.App.Data;

/// <summary>
/// Who runs a scheduled job until when: one row per job. Several app instances ask for the same lease; the database
/// gives it to one, and to another only once it has expired, so that a job's pass runs on one instance at a time.
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 64;
    public const int HolderMaxLength = 128;

    public required string Name { get; init; }

    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

public static class JobLeases
{
    /// <summary>
    /// Takes the lease for <paramref name="duration"/> when it is free, expired or already ours (a renewal), in one
    /// statement the database runs atomically on SQLite and PostgreSQL: an upsert whose update only applies under that
    /// condition, so the rows it affects say whether we hold it.
    /// </summary>
    public static async Task<bool> TryAcquireAsync(this AppDbContext db, string name, string holder, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var expiresAt = Stored(db, now + duration);
        var current = Stored(db, now);
        var affected = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAt") VALUES ({name}, {holder}, {expiresAt})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "JobLeases"."ExpiresAt" <= {current} OR "JobLeases"."Holder" = excluded."Holder"
            """,
            cancellationToken);
        return affected == 1;
    }

    /// <summary>Gives the lease back (only if we hold it), so that another instance need not wait for it to expire.</summary>
    public static async Task ReleaseAsync(this AppDbContext db, string name, string holder, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "JobLeases" WHERE "Name" = {name} AND "Holder" = {holder}""", cancellationToken);

    // A raw statement skips EF's converters: the instant goes in as the column stores it (decision 004: sortable binary on SQLite).
    private static object Stored(AppDbContext db, DateTimeOffset instant) =>
        db.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(instant)! : instant.ToUniversalTime();
}
