using CoupDePousse.App.Features.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>HR's words on why it cancelled reach everyone involved in the case, never the manager who proposed it.</summary>
public class CancellationReasonTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string ReasonMarker = "CANCEL-MARKER-5b7e";

    [Theory]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Hr, true)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    public async Task The_cancellation_reason_reaches_only_those_involved(Who who, bool sees)
    {
        var coachingCase = InterviewHeld();
        coachingCase.Cancel(Hr, $"Réorganisation {ReasonMarker}", Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(ReasonMarker);
        }
        else
        {
            seen.Should().NotContain(ReasonMarker);
        }
    }

    [Fact]
    public async Task The_reason_comes_with_the_case_header_not_with_the_history()
    {
        var coachingCase = InterviewHeld();
        coachingCase.Cancel(Hr, $"Réorganisation {ReasonMarker}", Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var view = await shared.Database.Cases().GetAsync(Beneficiary, stored.Id, TestContext.Current.CancellationToken);

        var header = view.Should().BeOfType<EngagementCaseView>().Subject.Header;
        header.CancellationReason.Should().Be($"Réorganisation {ReasonMarker}");
        ReadModelJson.Of(header.History).Should().NotContain(ReasonMarker);
    }
}
