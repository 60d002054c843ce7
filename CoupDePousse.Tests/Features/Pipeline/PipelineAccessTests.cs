using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Pipeline;

/// <summary>The pipeline and the choice of interveners are HR's alone.</summary>
public class PipelineAccessTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    public static TheoryData<Who, Expected> People => new()
    {
        { Who.Beneficiary, Expected.Forbidden },
        { Who.Manager, Expected.Forbidden },
        { Who.OtherManager, Expected.Forbidden },
        { Who.Hr, Expected.Success },
        { Who.Intervener, Expected.Forbidden },
        { Who.OtherIntervener, Expected.Forbidden },
        { Who.Admin, Expected.Forbidden },
        { Who.OtherBeneficiary, Expected.Forbidden },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_hr_reads_the_pipeline(Who who, Expected expected)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());

        var overview = await shared.Database.Pipeline().GetOverviewAsync(Of(who), new PipelineFilter(), new PageRequest(), TestContext.Current.CancellationToken);

        if (expected == Expected.Success)
        {
            overview.Value.Rows.Items.Should().ContainSingle().Which.Id.Should().Be(stored.Id);
            return;
        }

        overview.ShouldBeRefusedWith(AppErrors.Forbidden);
        ShouldHaveLoggedForbidden(Of(who).UserId, "ReadPipeline");
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_hr_lists_the_interveners_who_fit_a_case(Who who, Expected expected)
    {
        var stored = await shared.OnlyCaseAsync(Proposed());

        var candidates = await shared.Database.Cases().CandidatesAsync(Of(who), stored.Id, TestContext.Current.CancellationToken);

        if (expected == Expected.Success)
        {
            candidates.Value.Select(c => c.Id).Should().Equal(IntervenerId);
            return;
        }

        candidates.ShouldBeRefusedWith(AppErrors.Forbidden);
        ShouldHaveLoggedForbidden(Of(who).UserId, "ListCandidates");
    }

    [Fact]
    public async Task Candidates_for_a_case_that_does_not_exist_are_not_found()
    {
        var candidates = await shared.Database.Cases().CandidatesAsync(Hr, Guid.NewGuid(), TestContext.Current.CancellationToken);

        candidates.ShouldBeRefusedWith(AppErrors.NotFound);
    }

    private void ShouldHaveLoggedForbidden(string userId, string operation) =>
        shared.Database.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains(userId) && e.Message.Contains(operation) && e.Message.Contains(AppErrors.Forbidden.Code));
}
