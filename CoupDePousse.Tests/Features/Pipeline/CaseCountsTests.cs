using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>HR's kept counts move with every change to a case, in its transaction, and a check finds any drift.</summary>
public class CaseCountsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Counts_follow_a_case_through_proposal_assignment_sessions_extension_and_closing(DatabaseProvider provider)
    {
        Assert.SkipWhen(provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        await using var database = await TestDatabase.CreateAsync(provider);
        var cases = database.Cases();
        var id = (await cases.ProposeAsync(Hr, BeneficiaryId, Proposal(), Token)).Value;
        await ExpectCountsMatchAsync(database);

        await PerformAsync(database, Hr, id, new AssignIntervenerCommand(IntervenerId));
        await PerformAsync(database, Beneficiary, id, new AgreeToMeetCommand());
        await ExpectCountsMatchAsync(database);

        var inSessions = await database.SaveAsync(InSessions(minutes: 60));
        await PerformAsync(database, Intervener, inSessions.Id, new LogSessionCommand(Today, 90, SessionMode.Video));
        await PerformAsync(database, Intervener, inSessions.Id, new RequestExtensionCommand(60, ExtensionCategory.MoreSessionsNeeded, "Un point de plus"));
        await ExpectCountsMatchAsync(database);
        await PerformAsync(database, Hr, inSessions.Id, new ApproveExtensionCommand());
        await PerformAsync(database, Hr, id, new CancelCommand(null));
        await ExpectCountsMatchAsync(database);

        await using var db = database.CreateDbContext();
        var counted = await db.CaseCounts.Where(c => c.Cases != 0).ToListAsync(Token);
        counted.Sum(c => c.Cases).Should().Be(2);
        counted.Single(c => c.State == nameof(CaseState.InSessions)).UsedMinutes.Should().Be(150);
        counted.Single(c => c.State == nameof(CaseState.InSessions)).BudgetMinutes.Should().Be(HoursBudget.DefaultMinutes + 60);
        counted.Single(c => c.State == nameof(CaseState.Cancelled)).Outcome.Should().Be(nameof(CaseOutcome.Cancelled));
    }

    [Fact]
    public async Task A_save_the_database_refuses_changes_no_count()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(WithIntervener());
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var mine = (await first.LoadCaseAsync(stored.Id, Token))!;
        var theirs = (await second.LoadCaseAsync(stored.Id, Token))!;
        mine.Cancel(Hr, null, Now).ShouldSucceed();
        theirs.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
        await first.SaveChangesAsync(Token);

        var refused = async () => await second.SaveChangesAsync(Token);

        await refused.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await ExpectCountsMatchAsync(database);
    }

    [Fact]
    public async Task Drifted_counts_are_found_by_the_check_and_rebuilt_at_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(Proposed());
        await database.SaveAsync(Closed());
        await using (var db = database.CreateDbContext())
        {
            await db.CaseCounts.Where(c => c.State == nameof(CaseState.Closed)).ExecuteUpdateAsync(set => set.SetProperty(c => c.Cases, 7), Token);
            (await CaseCounts.FindDifferencesAsync(db, Token)).Should().ContainSingle().Which.Should().Contain("Closed");
            (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value.Rows.TotalCount.Should().Be(8, "the pipeline reads the counts");
        }

        await using (var db = database.CreateDbContext())
        {
            await DatabaseStartup.MigrateAsync(db, Token);
        }

        await ExpectCountsMatchAsync(database);
        (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).Value.Rows.TotalCount.Should().Be(2);
    }

    [Fact]
    public async Task Moving_a_person_moves_their_cases_counts_to_the_new_department()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(Proposed());
        await database.SaveAsync(InSessions(minutes: 90));

        (await database.Administration().SetOrganisationAsync(Admin, BeneficiaryId, "Juridique", ManagerId, Token)).IsSuccess.Should().BeTrue();

        await ExpectCountsMatchAsync(database);
        await using var db = database.CreateDbContext();
        var byDepartment = await db.CaseCounts.Where(c => c.Cases != 0).GroupBy(c => c.Department).Select(g => new { g.Key, Cases = g.Sum(c => c.Cases) }).ToListAsync(Token);
        byDepartment.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Key = "Juridique", Cases = 2 });
    }

    private static async Task PerformAsync(TestDatabase database, CoupDePousse.Domain.Common.Actor actor, Guid id, CaseCommand command)
    {
        var version = (await database.LoadAsync(id)).Version;
        (await database.Cases().PerformAsync(actor, id, version, command, Token)).ShouldSucceed();
    }

    private static async Task ExpectCountsMatchAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        (await CaseCounts.FindDifferencesAsync(db, Token)).Should().BeEmpty();
    }
}
