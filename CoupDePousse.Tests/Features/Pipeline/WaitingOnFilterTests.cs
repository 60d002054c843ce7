using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

public class WaitingOnFilterTests
{
    [Fact]
    public async Task Hr_lists_the_cases_waiting_on_it_longest_waiting_first_and_the_figures_describe_that_same_group()
    {
        await using var database = await TestDatabase.CreateAsync();
        var toAssign = await database.SaveAsync(Proposed());
        await database.SaveAsync(WithIntervener());
        await database.SaveAsync(InSessions());
        var extension = InSessions();
        extension.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, "Une séance de plus pour consolider", Now.AddDays(1)).ShouldSucceed();
        await database.SaveAsync(extension);
        await database.SaveAsync(Closed());

        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(WaitingOn: WaitingParty.HR), new PageRequest(), TestContext.Current.CancellationToken)).Value;

        overview.Rows.Items.Select(r => r.Id).Should().Equal(toAssign.Id, extension.Id);
        overview.Rows.Items.Should().OnlyContain(r => r.WaitingOn == WaitingParty.HR);
        overview.Rows.TotalCount.Should().Be(2);
        overview.MatchingCases.Should().BeNull("two cases waiting on HR are a group under the threshold");
        overview.Statistics.Should().BeNull();
    }
}
