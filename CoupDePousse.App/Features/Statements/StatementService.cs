using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Statements;

/// <summary>
/// Interveners' monthly statements, the basis of their invoices: an intervener reads and downloads their own, HR every
/// intervener's; nobody else. Reads only the session columns it shows (never a case aggregate) and never writes.
/// </summary>
public sealed class StatementService(IDbContextFactory<AppDbContext> dbFactory, ILogger<StatementService> logger)
{
    /// <summary>HR's month: each intervener's sessions, minutes and amount, summed in SQL.</summary>
    public async Task<Result<StatementsOverview>> OverviewAsync(Actor actor, StatementPeriod period, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadStatements", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (first, end) = (period.FirstDay, period.EndDay);
        var sums = await db.Cases.AsNoTracking()
            .Where(c => c.IntervenerId != null)
            .SelectMany(c => c.Sessions.Where(s => s.Date >= first && s.Date < end), (c, s) => new { c.IntervenerId, s.DurationMinutes })
            .GroupBy(x => x.IntervenerId!)
            .Select(g => new { IntervenerId = g.Key, Minutes = g.Sum(x => x.DurationMinutes), Count = g.Count() })
            .ToDictionaryAsync(x => x.IntervenerId, cancellationToken);
        var interveners = await Interveners(db, null).ToListAsync(cancellationToken);
        var rows = interveners
            .Select(i =>
            {
                var sum = sums.GetValueOrDefault(i.Id);
                var minutes = sum?.Minutes ?? 0;
                return new IntervenerMonthTotal(i.Id, i.Name, i.HourlyRateCents, sum?.Count ?? 0, minutes, MonthlyStatement.Amount(i.HourlyRateCents, minutes));
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        return new StatementsOverview(period, rows);
    }

    /// <summary>
    /// One intervener's month, line by line. An intervener reads their own (no id, or their own id); any other id is
    /// "not found" to them. HR names the intervener.
    /// </summary>
    public async Task<Result<IntervenerStatement>> StatementAsync(Actor actor, string? intervenerId, StatementPeriod period, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadStatement", Role.Intervener, Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        var target = actor.Role == Role.Intervener ? intervenerId ?? actor.UserId : intervenerId;
        if (target is null || (actor.Role == Role.Intervener && target != actor.UserId))
        {
            return logger.LogRefusal(actor, "ReadStatement", StatementErrors.UnknownStatement);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var intervener = await Interveners(db, target).SingleOrDefaultAsync(cancellationToken);
        if (intervener is null)
        {
            return logger.LogRefusal(actor, "ReadStatement", StatementErrors.UnknownStatement);
        }

        var (first, end) = (period.FirstDay, period.EndDay);
        var sessions = await db.Cases.AsNoTracking()
            .Where(c => c.IntervenerId == target)
            .SelectMany(c => c.Sessions.Where(s => s.Date >= first && s.Date < end), (c, s) => new { CaseId = c.Id, s.Date, s.DurationMinutes, s.Mode, s.Missed })
            .ToListAsync(cancellationToken);
        var lines = sessions.Select(s => new StatementLine(s.Date, s.DurationMinutes, s.Mode, s.Missed, CaseReference.Of(s.CaseId)));
        return new IntervenerStatement(intervener.Id, intervener.Name, MonthlyStatement.Of(period, intervener.HourlyRateCents, lines));
    }

    /// <summary>The statement as a file (CSV or XLSX) with the reader's column names; refused exactly as <see cref="StatementAsync"/>.</summary>
    public async Task<Result> WriteAsync(Actor actor, string? intervenerId, StatementPeriod period, ExportFormat format, StatementTexts texts, Stream destination,
        CancellationToken cancellationToken = default)
    {
        var statement = await StatementAsync(actor, intervenerId, period, cancellationToken);
        if (statement.IsFailure)
        {
            return statement.Error!;
        }

        await StatementExport.WriteAsync(statement.Value.Statement, format, texts, destination, cancellationToken);
        return Result.Success();
    }

    /// <summary>Whether the actor may download every intervener's month (HR), asked before anything is written.</summary>
    public Result MayExportAll(Actor actor) => logger.RequireRole(actor, "ExportStatements", Role.HR);

    /// <summary>
    /// HR's month as a file (decision 035): one line per session with the intervener's name, the date, the minutes, the
    /// amount and the neutral case reference (never content), read from the database as it is written; then each
    /// intervener's total (the figures of <see cref="OverviewAsync"/>). Everyone but HR is refused.
    /// </summary>
    public async Task<Result> WriteAllAsync(Actor actor, StatementPeriod period, ExportFormat format, StatementTexts texts, Stream destination,
        CancellationToken cancellationToken = default)
    {
        var overview = await OverviewAsync(actor, period, cancellationToken);
        if (overview.IsFailure)
        {
            return overview.Error!;
        }

        await StatementExport.WriteAllAsync(AllSessionsAsync(period, texts, cancellationToken), overview.Value, format, texts, destination, cancellationToken);
        return Result.Success();
    }

    /// <summary>Every counted session of the month with its intervener's name and rate, by intervener then date: one query, streamed.</summary>
    private async IAsyncEnumerable<AllStatementsRow> AllSessionsAsync(StatementPeriod period, StatementTexts texts,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (first, end) = (period.FirstDay, period.EndDay);
        var sessions =
            from x in db.Cases.AsNoTracking()
                .Where(c => c.IntervenerId != null)
                .SelectMany(c => c.Sessions.Where(s => s.Date >= first && s.Date < end), (c, s) => new { CaseId = c.Id, c.IntervenerId, s.Date, s.DurationMinutes, s.Mode, s.Missed })
            join p in db.IntervenerProfiles.AsNoTracking() on x.IntervenerId equals p.UserId
            join u in db.Users on p.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            let name = u == null ? "?" : u.DisplayName
            orderby name, p.UserId, x.Date, x.CaseId
            select new { Name = name, p.HourlyRateCents, x.CaseId, x.Date, x.DurationMinutes, x.Mode, x.Missed };
        await foreach (var s in sessions.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new AllStatementsRow(
                s.Name,
                s.Date.ToDateTime(TimeOnly.MinValue),
                CaseReference.Of(s.CaseId),
                texts.Mode(s.Mode),
                texts.Missed(s.Missed),
                s.DurationMinutes,
                MonthlyStatement.Amount(s.HourlyRateCents, s.DurationMinutes) / 100m);
        }
    }

    private static IQueryable<IntervenerRow> Interveners(AppDbContext db, string? only) =>
        from p in db.IntervenerProfiles.AsNoTracking()
        where only == null || p.UserId == only
        join u in db.Users on p.UserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        select new IntervenerRow(p.UserId, u == null ? "?" : u.DisplayName, p.HourlyRateCents);

    private sealed record IntervenerRow(string Id, string Name, int HourlyRateCents);
}
