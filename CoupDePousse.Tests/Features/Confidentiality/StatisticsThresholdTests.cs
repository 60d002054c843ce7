using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>HR statistics over fewer than five cases are withheld, so that nobody can be singled out.</summary>
public class StatisticsThresholdTests
{
    [Fact]
    public async Task Statistics_are_withheld_for_four_cases_and_shown_for_five()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await database.SaveAsync(InSessions());
        }

        var withFour = await OverviewAsync(database);
        await database.SaveAsync(Proposed());
        var withFive = await OverviewAsync(database);

        withFour.MatchingCases.Should().Be(4);
        withFour.Statistics.Should().BeNull();
        withFive.Statistics.Should().NotBeNull();
        withFive.Statistics!.CaseCount.Should().Be(5);
    }

    [Fact]
    public async Task A_department_with_fewer_than_five_cases_shows_no_counts()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(InSessions());
        }

        await database.SaveAsync(CoachingCase.Propose(Hr, new BeneficiaryRef(OtherBeneficiaryId, OtherManagerId), Proposal(), BudgetBounds.Default, Now).Value);

        var overview = await OverviewAsync(database);

        var departments = overview.Statistics!.ByDepartment;
        departments.Should().ContainSingle(d => d.Department == "Logistique")
            .Which.Should().Be(new DepartmentStatistics("Logistique", true, 5, 5, 0));
        departments.Should().ContainSingle(d => d.Department == "Ventes")
            .Which.Should().Be(new DepartmentStatistics("Ventes", false, null, null, null));
    }

    [Fact]
    public async Task Filtering_down_to_a_small_group_withholds_its_statistics()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await database.SaveAsync(InSessions());
        }

        await database.SaveAsync(CoachingCase.Propose(Hr, new BeneficiaryRef(OtherBeneficiaryId, OtherManagerId), Proposal(), BudgetBounds.Default, Now).Value);

        var ventes = await OverviewAsync(database, new PipelineFilter(Department: "Ventes"));
        var proposed = await OverviewAsync(database, new PipelineFilter(State: CaseState.Proposed));

        ventes.Statistics.Should().BeNull();
        proposed.Statistics.Should().BeNull();
    }

    private static async Task<PipelineOverview> OverviewAsync(TestDatabase database, PipelineFilter? filter = null) =>
        (await database.Pipeline().GetOverviewAsync(Hr, filter ?? new PipelineFilter(), new PageRequest(), TestContext.Current.CancellationToken)).Value;
}
