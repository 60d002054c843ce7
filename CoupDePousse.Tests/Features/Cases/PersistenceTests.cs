using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>The same persistence guarantees on SQLite (embedded default) and PostgreSQL.</summary>
public class PersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_cover_the_whole_model(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a migration for each provider");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_case_reloads_with_its_whole_history_and_data(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var saved = await database.SaveAsync(CaseBuilder.Closed());

        var loaded = await database.LoadAsync(saved.Id);

        loaded.State.Should().Be(CaseState.Closed);
        loaded.Outcome.Should().Be(CaseOutcome.Completed);
        loaded.Version.Should().Be(saved.Version);
        loaded.ProposedAt.Should().Be(saved.ProposedAt);
        loaded.Domains.Should().Equal(saved.Domains);
        loaded.TopicCodes.Should().Equal(saved.TopicCodes);
        loaded.Interview.Should().Be(saved.Interview);
        loaded.Verdicts.Should().HaveCount(saved.Verdicts.Count);
        loaded.Objectives.Select(o => o.Statement).Should().Equal(saved.Objectives.Select(o => o.Statement));
        loaded.ObjectiveRevisions.Single().Objectives.Should().Equal(saved.ObjectiveRevisions.Single().Objectives);
        loaded.Sessions.Should().HaveCount(1);
        loaded.History.Select(h => h.Trigger).Should().Equal(saved.History.Select(h => h.Trigger));
        loaded.Hours.Should().Be(saved.Hours);
        loaded.AvailableTriggers(CaseBuilder.Beneficiary).Should().Contain(CaseTrigger.RateObjectives);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_save_over_a_case_changed_meanwhile_is_refused_by_the_database(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var saved = await database.SaveAsync(CaseBuilder.WithIntervener());
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var seenByFirst = await first.LoadCaseAsync(saved.Id, TestContext.Current.CancellationToken);
        var seenBySecond = await second.LoadCaseAsync(saved.Id, TestContext.Current.CancellationToken);

        seenByFirst!.AgreeToMeet(CaseBuilder.Beneficiary, CaseBuilder.Now).ShouldSucceed();
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        seenBySecond!.Cancel(CaseBuilder.Hr, null, CaseBuilder.Now).ShouldSucceed();
        var overwrite = () => second.SaveChangesAsync(TestContext.Current.CancellationToken);

        await overwrite.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await database.LoadAsync(saved.Id)).State.Should().Be(CaseState.PreliminaryInterview);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_pipeline_filters_orders_and_counts_in_the_database(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SaveAsync(CaseBuilder.Proposed());
        await database.SaveAsync(CaseBuilder.InSessions());
        await database.SaveAsync(CaseBuilder.Closed());
        await database.SaveAsync(CaseBuilder.UnderDiscussion());
        await database.SaveAsync(CaseBuilder.Accepted());
        var pipeline = database.Pipeline();

        var filtered = await pipeline.GetOverviewAsync(CaseBuilder.Hr,
            new App.Features.Pipeline.PipelineFilter(State: CaseState.InSessions, Domain: CoupDePousse.Domain.Catalogue.CoachingDomain.ManagementAndCommunication, Department: "Logistique"),
            new App.Data.PageRequest(), TestContext.Current.CancellationToken);
        var all = await pipeline.GetOverviewAsync(CaseBuilder.Hr, new App.Features.Pipeline.PipelineFilter(),
            new App.Data.PageRequest(), TestContext.Current.CancellationToken);

        filtered.Value.Rows.Items.Should().ContainSingle().Which.State.Should().Be(CaseState.InSessions);
        all.Value.Rows.Items.Select(r => r.StateEnteredAt).Should().BeInDescendingOrder();
        var statistics = all.Value.Statistics!;
        statistics.CaseCount.Should().Be(5);
        statistics.ByState[CaseState.Closed].Should().BeNull("one closed case is a group under the threshold");
        statistics.ByState[CaseState.Cancelled].Should().Be(0);
        statistics.ByOutcome[CaseOutcome.Completed].Should().BeNull();
        statistics.UsedMinutes.Should().Be(120);
        statistics.ByDepartment.Should().ContainSingle().Which.Should().Be(new App.Features.Pipeline.DepartmentStatistics("Logistique", 5, null, null));
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
