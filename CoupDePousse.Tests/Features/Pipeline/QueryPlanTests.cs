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
/// SQLite's plan for every query HR's pages send: each filter is served by an index, no page sorts the cases in a
/// temporary tree, and no query reads the Cases table from end to end. The planner has no statistics here, as on a
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
        plans.Should().HaveCountGreaterThanOrEqualTo(3, "the figures, the hours by intervener and the page each read the cases");
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

            if (sql.Contains("LIMIT"))
            {
                plan.Should().NotContain(line => line.Contains("TEMP B-TREE FOR ORDER BY"), $"the page comes in index order:\n{sql}\n{string.Join("\n", plan)}");
            }
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
        plans.SelectMany(p => p.Plan).Should().NotContain(line => line.Contains("TEMP B-TREE FOR ORDER BY"));
        plans.SelectMany(p => p.Plan).Where(line => line.StartsWith("SCAN c ") || line == "SCAN c").Should().OnlyContain(line => line.Contains("COVERING INDEX"));
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
