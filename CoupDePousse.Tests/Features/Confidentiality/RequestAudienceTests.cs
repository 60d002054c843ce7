using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>
/// The request has two audiences: the situation stays between the beneficiary and the intervener, the impact on the work and
/// the timing reach HR too. An extension's category is for everyone involved, its comment for HR and its author.
/// </summary>
public class RequestAudienceTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string CommentMarker = "EXTENSION-COMMENT-3c9d";

    [Theory]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Hr, false)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.OtherIntervener, false)]
    public async Task The_situation_reaches_only_the_beneficiary_and_the_intervener(Who who, bool sees)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(Situation);
        }
        else
        {
            seen.Should().NotContain(Situation);
        }
    }

    [Theory]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Hr, true)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    public async Task The_impact_on_the_work_reaches_everyone_involved_hr_included(Who who, bool sees)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(WorkImpact);
        }
        else
        {
            seen.Should().NotContain(WorkImpact);
        }
    }

    [Fact]
    public async Task Hr_gets_the_companys_part_of_the_request_and_no_situation()
    {
        var stored = await shared.OnlyCaseAsync(InSessions());

        var view = await shared.Database.Cases().GetAsync(Hr, stored.Id, TestContext.Current.CancellationToken);

        var header = view.Should().BeOfType<CompanyCaseView>().Subject.Header;
        header.WorkImpact.Should().Be(WorkImpact);
        header.WishedTiming.Should().Be("Dans le mois");
        ReadModelJson.Of(view).Should().NotContain(Situation);
    }

    [Theory]
    [InlineData(Who.Beneficiary, false)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Hr, true)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.Admin, false)]
    public async Task An_extension_comment_reaches_hr_and_its_author_never_the_beneficiary(Who who, bool sees)
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.ObjectivesWidened, $"Un point de plus {CommentMarker}", Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id);

        if (sees)
        {
            seen.Should().Contain(CommentMarker);
        }
        else
        {
            seen.Should().NotContain(CommentMarker);
        }
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    public async Task An_extensions_minutes_and_category_reach_everyone_involved(Who who)
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 45, ExtensionCategory.ObjectivesWidened, CommentMarker, Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var view = await shared.Database.Cases().GetAsync(Of(who), stored.Id, TestContext.Current.CancellationToken);

        var header = view switch
        {
            EngagementCaseView engagement => engagement.Header,
            CompanyCaseView company => company.Header,
            _ => throw new InvalidOperationException($"Unexpected view {view?.GetType().Name}"),
        };
        header.Extensions.Should().ContainSingle().Which.Should().Match<ExtensionView>(e => e.Minutes == 45 && e.Category == ExtensionCategory.ObjectivesWidened);
    }
}
