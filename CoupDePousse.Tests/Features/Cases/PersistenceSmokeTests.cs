using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Features.Cases;

public class PersistenceTests
{
    [Fact]
    public async Task A_case_reloads_with_its_whole_history_and_data()
    {
        await using var database = await TestDatabase.CreateAsync();
        var saved = await database.SaveAsync(CaseBuilder.Closed());

        var loaded = await database.LoadAsync(saved.Id);

        loaded.State.Should().Be(CaseState.Closed);
        loaded.Outcome.Should().Be(CaseOutcome.Completed);
        loaded.Version.Should().Be(saved.Version);
        loaded.Domains.Should().Equal(saved.Domains);
        loaded.TopicCodes.Should().Equal(saved.TopicCodes);
        loaded.Interview.Should().Be(saved.Interview);
        loaded.Verdicts.Should().HaveCount(saved.Verdicts.Count);
        // Rows come back in no particular order; the position keeps the beneficiary's.
        loaded.Objectives.OrderBy(o => o.Position).Select(o => o.Statement).Should().Equal(saved.Objectives.Select(o => o.Statement));
        loaded.ObjectiveRevisions.Single().Objectives.Should().Equal(saved.ObjectiveRevisions.Single().Objectives);
        loaded.Sessions.Should().HaveCount(1);
        loaded.History.Should().HaveCount(saved.History.Count);
        loaded.Hours.Should().Be(saved.Hours);
        loaded.AvailableTriggers(CaseBuilder.Beneficiary).Should().Contain(CaseTrigger.RateObjectives);
    }
}
