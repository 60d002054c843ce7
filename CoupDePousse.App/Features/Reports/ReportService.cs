using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Reports;

/// <summary>What HR's report page shows: the years it may choose and the chosen year's report, every figure already suppressed.</summary>
public sealed record ReportView(int Year, IReadOnlyList<int> Years, ProgrammeReport Report);

/// <summary>
/// HR's programme report (decision 033): the cases proposed in a year counted in SQL, the figures computed and withheld by
/// the domain (<see cref="ProgrammeReport"/>). HR only; reads, never writes.
/// </summary>
public sealed class ReportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<ReportService> logger)
{
    /// <summary>The year the page opens on: the current one in the server's time, as the envelope reads it.</summary>
    public int CurrentYear => clock.GetLocalNow().Year;

    public Result MayRead(Actor actor) => ActorAccess.Allow(actor, Role.HR);

    public async Task<Result<ReportView>> GetAsync(Actor actor, int? year = null, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadReport", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var years = await db.ReportYearsAsync(CurrentYear, cancellationToken);
        var chosen = year is { } y && years.Contains(y) ? y : CurrentYear;
        var threshold = await db.SmallGroupThresholdAsync(cancellationToken);
        var facts = await db.ReportFactsAsync(chosen, cancellationToken);
        return new ReportView(chosen, years, ProgrammeReport.Compute(facts, threshold));
    }
}
