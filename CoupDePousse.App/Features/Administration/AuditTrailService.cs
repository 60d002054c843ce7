using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>Reads the security audit trail, for the administrator only: the paged page and its CSV export. It never writes.</summary>
public sealed class AuditTrailService(IDbContextFactory<AppDbContext> dbFactory, ILogger<AuditTrailService> logger)
{
    public async Task<Result<PagedResult<AuditRow>>> ListAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadAudit", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = Filtered(db, filter);
        var total = await events.CountAsync(cancellationToken);
        var rows = await Rows(db, events).Skip(page.Skip).Take(page.SafePageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(rows, total, page.SafePage, page.SafePageSize);
    }

    /// <summary>Whether the actor may export, asked before anything is written, so that a refusal is a clean 403.</summary>
    public Result MayExport(Actor actor) => logger.RequireRole(actor, "ExportAudit", Role.Admin);

    /// <summary>
    /// Writes every row the filter selects as CSV, newest first, read as it is written (<see cref="TableExport"/>: separator of
    /// the current culture, byte order mark, cells a spreadsheet would run as formulas escaped).
    /// </summary>
    public async Task<Result> WriteCsvAsync(Actor actor, AuditFilter filter, Stream destination, CancellationToken cancellationToken = default)
    {
        var allowed = MayExport(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await TableExport.WriteCsvAsync(destination, CultureInfo.CurrentCulture, ["At", "Kind", "Actor", "Subject", "OldValue", "NewValue", "RemoteIp"],
            Rows(db, Filtered(db, filter)).AsAsyncEnumerable(),
            row => [row.At, row.Kind.ToString(), row.ActorName, row.SubjectName, row.OldValue, row.NewValue, row.RemoteIp],
            cancellationToken);
        return Result.Success();
    }

    private static IQueryable<SecurityEvent> Filtered(AppDbContext db, AuditFilter filter)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var term = filter.Person.Trim();
            var people = db.Users.Where(u => u.DisplayName.Contains(term) || (u.Email != null && u.Email.Contains(term))).Select(u => u.Id);
            events = events.Where(e => people.Contains(e.ActorUserId!) || people.Contains(e.SubjectUserId!));
        }

        if (filter.From is { } from)
        {
            events = events.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(e => e.At < to);
        }

        return events;
    }

    private static IQueryable<AuditRow> Rows(AppDbContext db, IQueryable<SecurityEvent> events) =>
        events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(
                e.Id,
                e.At,
                e.Kind,
                db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.SubjectUserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.OldValue,
                e.NewValue,
                e.RemoteIp));
}
