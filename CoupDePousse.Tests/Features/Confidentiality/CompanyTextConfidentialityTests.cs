using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>The closing text meant for the company reaches HR and the proposing manager only as the beneficiary approved it, word for word.</summary>
public class CompanyTextConfidentialityTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string Marker = "COMPANY-TEXT-MARKER-9e2b";

    [Theory]
    [InlineData(Who.Hr, false)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    [InlineData(Who.OtherManager, false)]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    public async Task A_draft_not_yet_approved_reaches_only_the_beneficiary_and_the_intervener(Who who, bool sees)
    {
        var stored = await shared.OnlyCaseAsync(WithCompanyTextDraft($"Texte {Marker}"));

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(Marker);
        }
        else
        {
            seen.Should().NotContain(Marker);
        }
    }

    [Theory]
    [InlineData(Who.Hr, true)]
    [InlineData(Who.Manager, true)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    [InlineData(Who.OtherManager, false)]
    public async Task Once_approved_hr_and_the_proposing_manager_read_it(Who who, bool sees)
    {
        var stored = await shared.OnlyCaseAsync(WithCompanyTextApproved($"Texte {Marker}"));

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(Marker);
        }
        else
        {
            seen.Should().NotContain(Marker);
        }
    }

    [Fact]
    public async Task Hr_and_the_proposer_get_exactly_the_approved_text_and_nothing_after_an_edit()
    {
        var approved = $"Texte validé {Marker}";
        var coachingCase = WithCompanyTextApproved(approved);
        var stored = await shared.OnlyCaseAsync(coachingCase);
        var service = shared.Database.Cases();

        var company = (CompanyCaseView)(await service.GetAsync(Hr, stored.Id, TestContext.Current.CancellationToken))!;
        var proposer = (ProposerCaseView)(await service.GetAsync(Manager, stored.Id, TestContext.Current.CancellationToken))!;
        company.ApprovedCompanyText.Should().Be(approved);
        proposer.ApprovedCompanyText.Should().Be(approved);

        var edited = await service.PerformAsync(Intervener, stored.Id, company.Header.Version, new DraftCompanyTextCommand($"Modifié {Marker}"), TestContext.Current.CancellationToken);
        edited.IsSuccess.Should().BeTrue();

        var after = (CompanyCaseView)(await service.GetAsync(Hr, stored.Id, TestContext.Current.CancellationToken))!;
        var proposerAfter = (ProposerCaseView)(await service.GetAsync(Manager, stored.Id, TestContext.Current.CancellationToken))!;
        after.ApprovedCompanyText.Should().BeNull();
        proposerAfter.ApprovedCompanyText.Should().BeNull();
        (await WhatTheySee.EverythingAsync(shared.Database, Hr, stored.Id)).Should().NotContain(Marker);
    }
}
