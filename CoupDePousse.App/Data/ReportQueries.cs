using System.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

/// <summary>
/// The facts of HR's programme report (decision 033): the cases proposed in a year, counted in SQL by month, department,
/// domains, end and what happened on the way; the two delays read as one narrow row per case and folded into a count per
/// number of days as they stream in, so memory holds the histogram, not the cases.
/// </summary>
internal static class ReportQueries
{
    public const string NoDepartment = "—";

    public static async Task<ProgrammeReportFacts> ReportFactsAsync(this AppDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);

        // One snapshot for every query, so that the lists add up to the same total (SQLite: serializable; PostgreSQL: repeatable read).
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var inYear = db.Cases.AsNoTracking().Where(c => c.ProposedAt >= from && c.ProposedAt < to);

        var months = await MonthsAsync(inYear, year, cancellationToken);
        var departments = await inYear.GroupBy(c => c.Department ?? "")
            .Select(g => new { g.Key, Cases = g.Count() }).ToListAsync(cancellationToken);
        var domains = await inYear.GroupBy(c => c.DomainFlags)
            .Select(g => new DomainVolume(g.Key, g.Count())).ToListAsync(cancellationToken);

        // Every per-case fact is a stored column of the case (decision 017): one pass over the year's range of IX_Cases_Report.
        var closed = CaseState.Closed;
        var ends = await inYear
            .Select(c => new
            {
                c.State,
                c.Outcome,
                Interviewed = c.InterviewedOn != null,
                HadSession = c.FirstSessionDate != null,
                ExtensionRequested = c.ExtensionsRequested != 0,
                ExtensionApproved = c.ExtensionsApproved != 0,
                Objectives = c.State != closed || c.RatedObjectives == 0 ? -1
                    : c.ReachedObjectives == c.RatedObjectives ? (int)ObjectivesResult.Reached
                    : c.NotReachedObjectives == c.RatedObjectives ? (int)ObjectivesResult.NotReached
                    : (int)ObjectivesResult.PartlyReached,
            })
            .GroupBy(c => new { c.State, c.Outcome, c.Interviewed, c.HadSession, c.ExtensionRequested, c.ExtensionApproved, c.Objectives })
            .Select(g => new { g.Key, Cases = g.Count() })
            .ToListAsync(cancellationToken);

        var hours = await inYear.Where(c => c.State == closed)
            .GroupBy(c => new { c.UsedMinutes, Total = c.BudgetMinutes + c.ApprovedExtensionMinutes })
            .Select(g => new HoursUse(g.Key.UsedMinutes, g.Key.Total, g.Count())).ToListAsync(cancellationToken);

        var recommends = Scores.Recommends;
        var measures = await inYear.Where(c => c.State == closed && (c.MeasuredObjectives != 0 || c.SatisfactionScore != null))
            .GroupBy(c => new { Department = c.Department ?? "", c.DomainFlags })
            .Select(g => new
            {
                g.Key.Department,
                g.Key.DomainFlags,
                MeasuredCases = g.Count(c => c.MeasuredObjectives != 0),
                MeasuredObjectives = g.Sum(c => c.MeasuredObjectives),
                ScoreChange = g.Sum(c => (long)c.ScoreChange),
                Answers = g.Count(c => c.SatisfactionScore != null),
                SatisfactionTotal = g.Sum(c => (long)(c.SatisfactionScore ?? 0)),
                Recommending = g.Count(c => c.SatisfactionScore >= recommends),
            })
            .ToListAsync(cancellationToken);

        // The delays need each case's two dates: one narrow row each, streamed and counted per number of days.
        var toInterview = new Dictionary<int, int>();
        var toSession = new Dictionary<int, int>();
        await foreach (var row in inYear.Where(c => c.InterviewedOn != null || c.FirstSessionDate != null)
                           .Select(c => new { c.ProposedAt, c.InterviewedOn, c.FirstSessionDate }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.InterviewedOn is { } interview)
            {
                Add(toInterview, Days(row.ProposedAt, interview));
            }

            if (row.FirstSessionDate is { } first)
            {
                Add(toSession, Days(row.ProposedAt, first));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProgrammeReportFacts(
            year,
            ends.Select(e => new ReportCase(e.Key.State, e.Key.Outcome, e.Key.Interviewed, e.Key.HadSession, e.Key.ExtensionRequested, e.Key.ExtensionApproved,
                e.Key.Objectives < 0 ? null : (ObjectivesResult)e.Key.Objectives, e.Cases)).ToList(),
            months,
            departments.Select(d => new DepartmentVolume(d.Key.Length == 0 ? NoDepartment : d.Key, d.Cases)).ToList(),
            domains,
            toInterview.Select(d => new DelayCount(d.Key, d.Value)).ToList(),
            toSession.Select(d => new DelayCount(d.Key, d.Value)).ToList(),
            hours,
            measures.Select(m => new MeasureFact(m.Department.Length == 0 ? NoDepartment : m.Department, m.DomainFlags, m.MeasuredCases, m.MeasuredObjectives,
                m.ScoreChange, m.Answers, m.SatisfactionTotal, m.Recommending)).ToList());
    }

    /// <summary>The years that have cases, most recent first, with the current one always offered.</summary>
    public static async Task<List<int>> ReportYearsAsync(this AppDbContext db, int currentYear, CancellationToken cancellationToken = default)
    {
        var first = await db.Cases.AsNoTracking().OrderBy(c => c.ProposedAt).Select(c => (DateTimeOffset?)c.ProposedAt).FirstOrDefaultAsync(cancellationToken);
        var firstYear = Math.Min(first?.UtcDateTime.Year ?? currentYear, currentYear);
        return Enumerable.Range(firstYear, currentYear - firstYear + 1).Reverse().ToList();
    }

    // Months as a CASE over the year's eleven inner bounds: dates are compared in SQL on both providers (decision 004), never parsed.
    private static async Task<List<MonthVolume>> MonthsAsync(IQueryable<CoachingCase> cases, int year, CancellationToken cancellationToken)
    {
        DateTimeOffset Start(int month) => new(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var (feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec) =
            (Start(2), Start(3), Start(4), Start(5), Start(6), Start(7), Start(8), Start(9), Start(10), Start(11), Start(12));
        var rows = await cases
            .Select(c => c.ProposedAt < feb ? 1 : c.ProposedAt < mar ? 2 : c.ProposedAt < apr ? 3 : c.ProposedAt < may ? 4
                : c.ProposedAt < jun ? 5 : c.ProposedAt < jul ? 6 : c.ProposedAt < aug ? 7 : c.ProposedAt < sep ? 8
                : c.ProposedAt < oct ? 9 : c.ProposedAt < nov ? 10 : c.ProposedAt < dec ? 11 : 12)
            .GroupBy(m => m)
            .Select(g => new MonthVolume(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return rows;
    }

    private static int Days(DateTimeOffset proposedAt, DateOnly date) =>
        Math.Max(0, date.DayNumber - DateOnly.FromDateTime(proposedAt.UtcDateTime).DayNumber);

    private static void Add(Dictionary<int, int> histogram, int days) => histogram[days] = histogram.GetValueOrDefault(days) + 1;
}
