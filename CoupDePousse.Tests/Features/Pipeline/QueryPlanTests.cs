using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>
/// SQLite's plan for every query HR's pages send: each filter is served by an index already in the order the query
/// needs (no temporary tree to sort or group the cases), no query reads the Cases table itself from end to end, and
/// the figures come from the kept counts rather than from the cases. The planner has no statistics here, as on a
/// database nobody ran ANALYZE on, so the plans are the ones a fresh install gets.
/// </summary>
public partial class QueryPlanTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool> Filters => new()
    {
        { "none", false },
        { "state", true },
        { "domain", false },
        { "department", true },
        { "intervener", true },
        { "waiting on HR", true },
        { "state and department", true },
    };

    private static PipelineFilter FilterNamed(string name) => name switch
    {
        "none" => new PipelineFilter(),
        "state" => new PipelineFilter(State: CaseState.InSessions),
        "domain" => new PipelineFilter(Domain: CoachingDomain.StressAndEmotions),
        "department" => new PipelineFilter(Department: "Logistique"),
        "intervener" => new PipelineFilter(IntervenerId: IntervenerId),
        "waiting on HR" => new PipelineFilter(WaitingOn: WaitingParty.HR),
        "state and department" => new PipelineFilter(State: CaseState.Proposed, Department: "Ventes"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_pipeline_filter_reads_the_cases_through_an_index_and_pages_without_sorting(string filter, bool selective)
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        (await capture.Pipeline().GetOverviewAsync(Hr, FilterNamed(filter), new PageRequest(1, 2), Token)).IsSuccess.Should().BeTrue();

        var plans = await PlansOfCaseQueriesAsync(database, capture);
        plans.Should().HaveCountGreaterThanOrEqualTo(2, "the minutes logged by intervener and the page read the cases");
        if (filter != "intervener")
        {
            capture.Commands.Should().Contain(sql => sql.Contains("FROM \"CaseCounts\""), "the figures come from the kept counts");
            plans.Should().NotContain(p => p.Sql.Contains("GROUP BY \"c\".\"State\""), "no query counts the cases themselves");
        }

        foreach (var (sql, plan) in plans)
        {
            var aliases = CasesAlias().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();
            var onCases = plan.Where(line => aliases.Any(a => Regex.IsMatch(line, $@"^(SCAN|SEARCH) {a}\b"))).ToList();
            onCases.Should().NotBeEmpty();
            onCases.Should().OnlyContain(line => line.Contains(" INDEX "), $"no query reads the Cases table itself end to end:\n{sql}\n{string.Join("\n", plan)}");
            if (selective)
            {
                onCases.Should().OnlyContain(line => line.StartsWith("SEARCH "), $"a filter on {filter} seeks its cases in an index:\n{sql}\n{string.Join("\n", plan)}");
            }

            // One exception: an intervener's own cases (a few hundred at most) are grouped by state in a small temporary tree.
            var intervenersFigures = filter == "intervener" && sql.Contains("GROUP BY \"c\".\"State\"");
            if (!intervenersFigures)
            {
                plan.Should().NotContain(line => line.Contains("TEMP B-TREE"), $"rows come in the index's order, for the page and for the groups:\n{sql}\n{string.Join("\n", plan)}");
            }
        }
    }

    [Fact]
    public async Task The_stalled_filter_seeks_each_waiting_state_in_its_state_and_date_index()
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        (await capture.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(StalledOnly: true), new PageRequest(1, 2), Token)).IsSuccess.Should().BeTrue();

        var plans = await PlansOfCaseQueriesAsync(database, capture);
        plans.Should().HaveCountGreaterThanOrEqualTo(2, "the figures and the page read the cases");
        foreach (var (sql, plan) in plans)
        {
            var aliases = CasesAlias().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet();
            var onCases = plan.Where(line => aliases.Any(a => Regex.IsMatch(line, $@"^(SCAN|SEARCH) {a}\b"))).ToList();
            onCases.Should().NotBeEmpty();

            // Stalled cases are active ones past a threshold: a few per state, each range sought in (State, StateEnteredAt), none read end to end.
            onCases.Should().OnlyContain(line => line.StartsWith("SEARCH ") && line.Contains(" INDEX "), $"the stalled filter seeks its cases:\n{sql}\n{string.Join("\n", plan)}");
            onCases.Should().Contain(line => line.Contains("IX_Cases_State_StateEnteredAt (State=? AND StateEnteredAt<?)"), $"{sql}\n{string.Join("\n", plan)}");
        }
    }

    [Fact]
    public async Task The_reminder_job_seeks_the_meetings_of_the_next_day_and_the_cases_come_due_in_indexes()
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        await new App.Features.Reminders.ReminderJob(capture, database.Logger<App.Features.Reminders.ReminderJob>()).RunOnceAsync(Now.AddDays(6), Token);

        foreach (var table in new[] { "Cases", "Meetings" })
        {
            var command = capture.Executed.Single(c => c.Sql.Contains($"FROM \"{table}\"") && !c.Sql.Contains("INSERT"));
            var plan = await PlanAsync(database, command);
            plan.Should().Contain(line => line.StartsWith("SEARCH ") && line.Contains(" INDEX "), $"{command.Sql}\n{string.Join("\n", plan)}");
            plan.Should().NotContain(line => line.StartsWith("SCAN "), $"the job reads no table end to end:\n{command.Sql}\n{string.Join("\n", plan)}");
        }
    }

    [Fact]
    public async Task Hrs_home_reads_the_cases_waiting_on_it_and_its_figures_through_indexes()
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        (await capture.Pipeline().GetHrDashboardAsync(Hr, Token)).IsSuccess.Should().BeTrue();

        var plans = await PlansOfCaseQueriesAsync(database, capture);
        plans.SelectMany(p => p.Plan).Should().Contain(line => line.StartsWith("SEARCH") && line.Contains("IX_Cases_WaitingOn_StateEnteredAt"));
        plans.SelectMany(p => p.Plan).Should().Contain(line => line.StartsWith("SEARCH") && line.Contains("COVERING INDEX IX_Cases_State_IntervenerId_UsedMinutes (State=? AND IntervenerId=?)"),
            "the cases to assign are counted in the index alone");
        plans.SelectMany(p => p.Plan).Should().NotContain(line => line.Contains("TEMP B-TREE"));
        plans.SelectMany(p => p.Plan).Should().NotContain(line => Regex.IsMatch(line, "^SCAN c$"), "no query reads the Cases table itself");
        capture.Commands.Should().Contain(sql => sql.Contains("FROM \"CaseCounts\""), "the figures come from the kept counts");
    }

    [Fact]
    public async Task The_envelope_reads_the_years_cases_from_its_covering_index_alone()
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        (await new EnvelopeService(capture, database.Clock, database.Logger<EnvelopeService>()).GetAsync(Hr, Token)).IsSuccess.Should().BeTrue();

        var plans = await PlansOfCaseQueriesAsync(database, capture);
        plans.Should().ContainSingle();
        plans[0].Sql.Should().Contain("GROUP BY").And.Contain("\"c\".\"Department\"", "the departments' figures come from the same grouped query (decision 034)");
        plans[0].Plan.Should().Contain(line => line.StartsWith("SEARCH c USING COVERING INDEX IX_Cases_Envelope (State=? AND ProposedAt>? AND ProposedAt<?)"),
            string.Join("\n", plans[0].Plan));
    }

    [Fact]
    public async Task The_report_reads_the_years_cases_from_its_covering_index_alone()
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        (await new App.Features.Reports.ReportService(capture, database.Clock, database.Logger<App.Features.Reports.ReportService>()).GetAsync(Hr, null, Token)).IsSuccess.Should().BeTrue();

        // The years offered read the first case only; every figure of the year is a seek of its range in IX_Cases_Report
        // (the closed cases' hours and measures: the closed cases' range in IX_Cases_Envelope, the year's closed cases only),
        // the per-case facts (interview, first session, extensions, ratings) are stored columns it covers: no other table, no EXISTS.
        var plans = (await PlansOfCaseQueriesAsync(database, capture)).Where(p => p.Sql.Contains("\"ProposedAt\" >= ")).ToList();
        plans.Should().HaveCountGreaterThanOrEqualTo(7, "months, departments, domains, ends, hours, measures and the delays");
        foreach (var (sql, plan) in plans)
        {
            sql.Should().NotContain("EXISTS").And.NotContain("FROM \"Sessions\"").And.NotContain("FROM \"BudgetExtensions\"").And.NotContain("FROM \"Objectives\"");
            plan.Where(line => line.StartsWith("SCAN ") || line.StartsWith("SEARCH ")).Should().OnlyContain(
                line => line.StartsWith("SEARCH c USING COVERING INDEX IX_Cases_Report (ProposedAt>? AND ProposedAt<?)")
                    || line.StartsWith("SEARCH c USING COVERING INDEX IX_Cases_Envelope (State=? AND ProposedAt>? AND ProposedAt<?)")
                    || line.StartsWith("SEARCH c USING INDEX IX_Cases_Envelope (State=? AND ProposedAt>? AND ProposedAt<?)"), $"{sql}\n{string.Join("\n", plan)}");
        }
    }

    [Fact]
    public async Task The_departments_of_the_filter_are_read_one_seek_each()
    {
        await using var database = await SeededAsync();
        var capture = new SqlCapture(database);

        await capture.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token);

        var departments = capture.Executed.Single(c => c.Sql.Contains("WITH RECURSIVE"));
        var plan = await PlanAsync(database, departments);
        plan.Should().Contain(line => line.StartsWith("SEARCH AspNetUsers USING COVERING INDEX IX_AspNetUsers_Department"));
        plan.Should().NotContain(line => line.StartsWith("SCAN AspNetUsers"));
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var otherDepartment = CoachingCase.Propose(Hr, OtherBeneficiaryRef, Proposal(CoachingDomain.StressAndEmotions), BudgetBounds.Default, Now).Value;
        foreach (var coachingCase in new[] { Proposed(), WithIntervener(), InSessions(), Closed(), Declined(), UnderDiscussion(), otherDepartment })
        {
            await database.SaveAsync(coachingCase);
        }

        return database;
    }

    private static async Task<List<(string Sql, IReadOnlyList<string> Plan)>> PlansOfCaseQueriesAsync(TestDatabase database, SqlCapture capture)
    {
        var plans = new List<(string, IReadOnlyList<string>)>();
        foreach (var command in capture.Executed.Where(c => c.Sql.Contains("FROM \"Cases\"")))
        {
            plans.Add((command.Sql, await PlanAsync(database, command)));
        }

        return plans;
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(TestDatabase database, CapturedCommand command)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Token);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            explain.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    [GeneratedRegex("\"Cases\" AS \"(\\w+)\"")]
    private static partial Regex CasesAlias();
}
