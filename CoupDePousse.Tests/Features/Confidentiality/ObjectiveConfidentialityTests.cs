using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>Objectives belong to the beneficiary and the intervener; the company reads them only while the beneficiary shares them.</summary>
public class ObjectiveConfidentialityTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string StatementMarker = "OBJECTIVE-MARKER-81af";
    private const string MeasureMarker = "MEASURE-MARKER-81af";
    private const string DraftMarker = "DRAFT-MARKER-81af";

    [Fact]
    public async Task Hr_reads_the_objectives_only_while_the_beneficiary_shares_them()
    {
        var stored = await shared.OnlyCaseAsync(WithMarkedObjectives());
        var cases = shared.Database.Cases();
        var token = TestContext.Current.CancellationToken;

        var beforeSharing = await WhatTheySee.EverythingAsync(shared.Database, Hr, stored.Id);
        (await cases.PerformAsync(Beneficiary, stored.Id, stored.Version, new ShareObjectivesCommand(true), token)).ShouldSucceed();
        var whileShared = await WhatTheySee.CaseAsync(shared.Database, Hr, stored.Id);
        var pipelineWhileShared = ReadModelJson.Of((await shared.Database.Pipeline().GetOverviewAsync(Hr, new(), new(), token)).Value);
        (await cases.PerformAsync(Beneficiary, stored.Id, stored.Version + 1, new ShareObjectivesCommand(false), token)).ShouldSucceed();
        var afterWithdrawal = await WhatTheySee.EverythingAsync(shared.Database, Hr, stored.Id);

        beforeSharing.Should().NotContain(StatementMarker).And.NotContain(MeasureMarker).And.NotContain(DraftMarker);
        whileShared.Should().Contain(StatementMarker).And.Contain(MeasureMarker);
        whileShared.Should().NotContain(DraftMarker, "drafts are between the beneficiary and the intervener");
        pipelineWhileShared.Should().NotContain(StatementMarker);
        afterWithdrawal.Should().NotContain(StatementMarker).And.NotContain(MeasureMarker);
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.OtherBeneficiary)]
    public async Task Shared_objectives_still_reach_no_one_outside_the_engagement_and_the_company(Who who)
    {
        var coachingCase = WithMarkedObjectives();
        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        seen.Should().NotContain(StatementMarker).And.NotContain(MeasureMarker).And.NotContain(DraftMarker);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    public async Task The_beneficiary_and_the_intervener_read_the_objectives_and_drafts_unshared(Who who)
    {
        var stored = await shared.OnlyCaseAsync(WithMarkedObjectives());

        var seen = await WhatTheySee.CaseAsync(shared.Database, Of(who), stored.Id);

        seen.Should().Contain(StatementMarker).And.Contain(MeasureMarker).And.Contain(DraftMarker);
    }

    private static CoachingCase WithMarkedObjectives()
    {
        var coachingCase = Accepted();
        coachingCase.DraftObjectives(Intervener, [new ObjectiveInput($"Proposition {DraftMarker}", "Mesure")], Now).ShouldSucceed();
        coachingCase.SetObjectives(Beneficiary, [new ObjectiveInput($"Objectif {StatementMarker}", $"Mesure {MeasureMarker}")], [4], Now).ShouldSucceed();
        return coachingCase;
    }
}
