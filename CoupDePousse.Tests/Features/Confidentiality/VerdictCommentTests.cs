using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>HR sees whether the intervener validated a criterion, never what they wrote about it.</summary>
public class VerdictCommentTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string IntervenerMarker = "INTERVENER-COMMENT-3b7c";
    private const string CompanyMarker = "COMPANY-COMMENT-3b7c";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hr_sees_the_intervener_verdicts_without_their_comments_and_its_own_comments(bool intervenerValidates)
    {
        var stored = await shared.OnlyCaseAsync(Continued());
        var cases = shared.Database.Cases();
        var token = TestContext.Current.CancellationToken;
        (await cases.PerformAsync(Hr, stored.Id, stored.Version, new RecordVerdictCommand(AcceptanceCriterion.AffectsWork, true, $"RH {CompanyMarker}"), token)).ShouldSucceed();
        (await cases.PerformAsync(Intervener, stored.Id, stored.Version + 1, new RecordVerdictCommand(AcceptanceCriterion.PersonInvolved, intervenerValidates, $"Intervenante {IntervenerMarker}"), token)).ShouldSucceed();

        var hrSees = await WhatTheySee.EverythingAsync(shared.Database, Hr, stored.Id);
        var hrView = (CompanyCaseView)(await cases.GetAsync(Hr, stored.Id, token))!;

        hrSees.Should().NotContain(IntervenerMarker);
        hrSees.Should().Contain(CompanyMarker);
        hrView.IntervenerVerdicts.Should().ContainSingle(v => v.Criterion == AcceptanceCriterion.PersonInvolved && v.Validated == intervenerValidates);
    }

    [Theory]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    public async Task The_intervener_comments_reach_the_beneficiary_and_the_intervener_only(Who who, bool sees)
    {
        var coachingCase = Continued();
        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.ImprovementInProspect, true, $"Intervenante {IntervenerMarker}", Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(IntervenerMarker);
        }
        else
        {
            seen.Should().NotContain(IntervenerMarker);
        }
    }
}
