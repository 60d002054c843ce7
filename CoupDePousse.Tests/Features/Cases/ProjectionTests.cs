using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>
/// Lists read a few facts in SQL instead of loading whole cases: for every step of a case, what they compute
/// must be what the aggregate says, or a rule was retyped in the query.
/// </summary>
public class ProjectionTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_rows_of_a_list_carry_the_same_hours_and_progress_as_the_case_itself(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cases = await SaveEveryScenarioAsync(database);
        await using var db = database.CreateDbContext();

        var rows = (await db.Cases.ToRowsAsync(TestContext.Current.CancellationToken)).ToDictionary(r => r.Id);

        rows.Keys.Should().BeEquivalentTo(cases.Values.Select(c => c.Id));
        foreach (var (scenario, coachingCase) in cases)
        {
            var row = rows[coachingCase.Id];
            row.Hours.Should().Be(coachingCase.Hours, "the hours of \"{0}\" are the domain's", scenario);
            row.Progress.Should().Be(coachingCase.Progress, "the progress of \"{0}\" is the domain's", scenario);
            row.State.Should().Be(coachingCase.State, scenario);
            row.Outcome.Should().Be(coachingCase.Outcome, scenario);
            row.IntervenerId.Should().Be(coachingCase.IntervenerId, scenario);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_active_cases_in_sql_are_exactly_the_cases_whose_state_is_active(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var cases = await SaveEveryScenarioAsync(database);
        await using var db = database.CreateDbContext();

        var active = await db.Cases.Active().Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);

        active.Should().BeEquivalentTo(cases.Values.Where(c => c.State.IsActive()).Select(c => c.Id));
        cases.Values.Should().Contain(c => !c.State.IsActive(), "the scenarios include ended cases to leave out");
    }

    private static async Task<Dictionary<string, CoachingCase>> SaveEveryScenarioAsync(TestDatabase database)
    {
        var cases = new Dictionary<string, CoachingCase>();
        foreach (var (scenario, build) in CaseScenarios.All)
        {
            cases[scenario] = await database.SaveAsync(build());
        }

        return cases;
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        return await TestDatabase.CreateAsync(provider);
    }
}
