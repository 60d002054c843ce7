using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>Where a person was referred, and what the closing summary says, stay between beneficiary and intervener.</summary>
public class ReferralAndSummaryTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string ReferralMarker = "REFERRAL-MARKER-c41d";
    private const string SummaryMarker = "SUMMARY-MARKER-c41d";

    [Theory]
    [InlineData(Who.Hr, false)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    public async Task The_referral_note_reaches_only_the_beneficiary_and_the_intervener(Who who, bool sees)
    {
        var coachingCase = InterviewHeld();
        coachingCase.Exclude(Hr, new Referral(ReferralKind.MedicalOrPsychologicalCare, $"Orientation {ReferralMarker}"), Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(ReferralMarker);
        }
        else
        {
            seen.Should().NotContain(ReferralMarker).And.NotContain(nameof(ReferralKind.MedicalOrPsychologicalCare));
        }
    }

    [Theory]
    [InlineData(Who.Hr, false)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    public async Task The_closing_summary_reaches_only_the_beneficiary_and_the_intervener(Who who, bool sees)
    {
        var coachingCase = InSessions();
        coachingCase.Close(Intervener, $"Synthèse {SummaryMarker}", Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(SummaryMarker);
        }
        else
        {
            seen.Should().NotContain(SummaryMarker);
        }
    }
}
