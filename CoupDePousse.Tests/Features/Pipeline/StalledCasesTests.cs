using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>HR's flag on cases with no movement past their state's threshold, and the pipeline's filter to those cases only.</summary>
public class StalledCasesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_stalled_filter_lists_only_cases_past_their_states_threshold_longest_first_and_the_figures_describe_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var older = await database.SaveAsync(CoachingCase.Propose(Hr, CaseBuilder.BeneficiaryRef, Proposal(), BudgetBounds.Default, Now.AddDays(-40)).Value);
        var stalled = await database.SaveAsync(Proposed());
        await database.SaveAsync(InPreliminaryInterview());
        await database.SaveAsync(InSessions());
        await database.SaveAsync(Closed());

        var overview = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(StalledOnly: true), new PageRequest(), Token)).ShouldSucceed();

        overview.Rows.Items.Select(r => r.Id).Should().Equal(older.Id, stalled.Id);
        overview.Rows.Items.Select(r => r.StalledDays).Should().Equal(40, 30);
        overview.Rows.TotalCount.Should().Be(2);
        overview.MatchingCases.Should().BeNull("two cases are a group under the threshold");
    }

    [Fact]
    public async Task Every_row_carries_the_flag_only_when_its_state_has_not_moved_past_the_admins_threshold()
    {
        await using var database = await TestDatabase.CreateAsync();
        var proposed = await database.SaveAsync(Proposed());
        var interviewing = await database.SaveAsync(InPreliminaryInterview());
        var closed = await database.SaveAsync(Closed());
        database.Clock.SetUtcNow(Now.AddDays(10));

        var rows = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).ShouldSucceed().Rows.Items.ToDictionary(r => r.Id);

        rows[proposed.Id].StalledDays.Should().Be(40);
        rows[interviewing.Id].StalledDays.Should().BeNull("10 days is under the interview's 14");
        rows[closed.Id].StalledDays.Should().BeNull("an ended case never stalls");

        await using (var db = database.CreateDbContext())
        {
            (await db.BudgetSettingsForUpdateAsync(Token)).StalledPreliminaryInterviewDays = 9;
            await db.SaveChangesAsync(Token);
        }

        rows = (await database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token)).ShouldSucceed().Rows.Items.ToDictionary(r => r.Id);
        rows[interviewing.Id].StalledDays.Should().Be(10);
    }

    [Fact]
    public async Task Hrs_home_flags_the_stalled_cases_waiting_on_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stalled = await database.SaveAsync(Proposed());
        var fresh = await database.SaveAsync(CoachingCase.Propose(Hr, CaseBuilder.OtherBeneficiaryRef, Proposal(), BudgetBounds.Default, Now.AddDays(-1)).Value);

        var rows = (await database.Pipeline().GetHrDashboardAsync(Hr, Token)).ShouldSucceed().WaitingOnHr.ToDictionary(r => r.Id);

        rows[stalled.Id].StalledDays.Should().Be(30);
        rows[fresh.Id].StalledDays.Should().BeNull();
    }

    [Fact]
    public async Task Only_hr_reads_the_stalled_filter()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.SaveAsync(Proposed());

        foreach (var actor in new[] { Manager, Intervener, Beneficiary, Admin })
        {
            (await database.Pipeline().GetOverviewAsync(actor, new PipelineFilter(StalledOnly: true), new PageRequest(), Token)).IsFailure.Should().BeTrue();
        }
    }
}
