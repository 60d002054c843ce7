using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>The before/after scores and the satisfaction answer are the beneficiary's and the intervener's; the company sees only averages.</summary>
public class MeasuresConfidentialityTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string CommentMarker = "SATISFACTION-MARKER-5e21";

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherManager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.OtherBeneficiary)]
    public async Task No_one_outside_the_engagement_receives_a_score_or_the_satisfaction_comment(Who who)
    {
        // Shared objectives: the company reads their words, still not the scores.
        var stored = await shared.OnlyCaseAsync(Measured(share: true));

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        seen.Should().NotContain(CommentMarker);
        seen.Should().NotContain("StartingScore").And.NotContain("ClosingScore").And.NotContain("SatisfactionScore").And.NotContain("\"Satisfaction\"");
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    public async Task The_beneficiary_and_the_intervener_read_the_scores_and_the_comment(Who who)
    {
        var stored = await shared.OnlyCaseAsync(Measured(share: false));

        var view = (EngagementCaseView)(await shared.Database.Cases().GetAsync(Of(who), stored.Id, TestContext.Current.CancellationToken))!;

        view.ObjectiveScores.Select(s => (s.StartingScore, s.ClosingScore)).Should().Equal((3, 8), (3, 8));
        view.Satisfaction.Should().Be(new SatisfactionView(9, $"Merci {CommentMarker}"));
    }

    private static CoachingCase Measured(bool share)
    {
        var coachingCase = Accepted();
        coachingCase.SetObjectives(Beneficiary, Objectives, [3, 3], Now).ShouldSucceed();
        AcceptAgreementByAll(coachingCase);
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.Video, Now).ShouldSucceed();
        coachingCase.Close(Intervener, "Synthèse", Now).ShouldSucceed();
        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: 8), Now).ShouldSucceed();
        coachingCase.RateSatisfaction(Beneficiary, 9, $"Merci {CommentMarker}", Now).ShouldSucceed();
        coachingCase.ShareObjectives(Beneficiary, share, Now).ShouldSucceed();
        return coachingCase;
    }
}
