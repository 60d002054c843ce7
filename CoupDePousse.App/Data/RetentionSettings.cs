using CoupDePousse.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>The admin's retention periods (decision 039): one row, absent until first changed (the defaults apply).</summary>
public sealed class RetentionSettings
{
    public int Id { get; init; } = 1;

    public int SessionNoteMonths { get; set; } = RetentionDefaults.SessionNoteMonths;

    public int EndedCaseMonths { get; set; } = RetentionDefaults.EndedCaseMonths;

    public int SecurityEventMonths { get; set; } = RetentionDefaults.SecurityEventMonths;

    public int NotificationMonths { get; set; } = RetentionDefaults.NotificationMonths;

    public int InvitationDays { get; set; } = RetentionDefaults.InvitationDays;

    public int LeaverErasureMonths { get; set; } = RetentionDefaults.LeaverErasureMonths;

    /// <summary>Stored values were checked when set; a row edited by hand out of bounds falls back to the defaults.</summary>
    public RetentionPeriods ToPeriods() =>
        RetentionPeriods.Create(SessionNoteMonths, EndedCaseMonths, SecurityEventMonths, NotificationMonths, InvitationDays, LeaverErasureMonths) is { IsSuccess: true } stored
            ? stored.Value
            : RetentionDefaults.Periods;

    public void Apply(RetentionPeriods periods)
    {
        SessionNoteMonths = periods.SessionNoteMonths;
        EndedCaseMonths = periods.EndedCaseMonths;
        SecurityEventMonths = periods.SecurityEventMonths;
        NotificationMonths = periods.NotificationMonths;
        InvitationDays = periods.InvitationDays;
        LeaverErasureMonths = periods.LeaverErasureMonths;
    }
}

public enum RetentionRunOutcome
{
    /// <summary>Started and not finished: still running, or interrupted (the next run picks up what is left).</summary>
    Running,
    Succeeded,
    Failed,
}

/// <summary>One pass of the retention job: when, who asked, how many of each kind it removed; never anything it removed.</summary>
public sealed class RetentionRun
{
    public const int FailureMaxLength = 200;

    public long Id { get; private set; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The admin who pressed "Run now"; null for the daily run.</summary>
    public string? RequestedBy { get; init; }

    public RetentionRunOutcome Outcome { get; set; }

    public int SessionNotes { get; set; }

    public int EndedCases { get; set; }

    public int SecurityEvents { get; set; }

    public int Invitations { get; set; }

    public int Notifications { get; set; }

    public int ScheduledErasures { get; set; }

    /// <summary>The kind of error only (its type), never a message that could quote data.</summary>
    public string? Failure { get; set; }

    public int CountOf(RetentionKind kind) => kind switch
    {
        RetentionKind.SessionNotes => SessionNotes,
        RetentionKind.EndedCases => EndedCases,
        RetentionKind.SecurityEvents => SecurityEvents,
        RetentionKind.Invitations => Invitations,
        RetentionKind.Notifications => Notifications,
        RetentionKind.ScheduledErasures => ScheduledErasures,
        _ => 0,
    };

    public void Add(RetentionKind kind, int count)
    {
        switch (kind)
        {
            case RetentionKind.SessionNotes: SessionNotes += count; break;
            case RetentionKind.EndedCases: EndedCases += count; break;
            case RetentionKind.SecurityEvents: SecurityEvents += count; break;
            case RetentionKind.Invitations: Invitations += count; break;
            case RetentionKind.Notifications: Notifications += count; break;
            case RetentionKind.ScheduledErasures: ScheduledErasures += count; break;
        }
    }
}

internal static class RetentionSettingsQueries
{
    public static async Task<RetentionPeriods> RetentionPeriodsAsync(this AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.RetentionSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.ToPeriods() ?? RetentionDefaults.Periods;

    public static async Task<RetentionSettings> RetentionSettingsForUpdateAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.RetentionSettings.SingleOrDefaultAsync(cancellationToken) is { } settings)
        {
            return settings;
        }

        settings = new RetentionSettings();
        db.RetentionSettings.Add(settings);
        return settings;
    }
}

/// <summary>
/// The database's guard that keeps the audit trail append-only (triggers on SQLite and PostgreSQL). Retention and erasure
/// lift it inside their own transaction, for their statements only, and put it back before committing (decision 039):
/// DDL is transactional on both engines, so no other connection ever sees the trail unguarded.
/// </summary>
internal static class AuditTrailGuard
{
    public static async Task LiftAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS SecurityEvents_NoUpdate; DROP TRIGGER IF EXISTS SecurityEvents_NoDelete;", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER IF EXISTS "SecurityEvents_AppendOnly" ON "SecurityEvents";""", cancellationToken);
        }
    }

    public static async Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER SecurityEvents_NoUpdate BEFORE UPDATE ON SecurityEvents BEGIN SELECT RAISE(ABORT, 'The security audit trail is append-only.'); END;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER SecurityEvents_NoDelete BEFORE DELETE ON SecurityEvents BEGIN SELECT RAISE(ABORT, 'The security audit trail is append-only.'); END;", cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "SecurityEvents_AppendOnly" BEFORE UPDATE OR DELETE ON "SecurityEvents"
                    FOR EACH ROW EXECUTE FUNCTION security_events_append_only();
                """, cancellationToken);
        }
    }
}
