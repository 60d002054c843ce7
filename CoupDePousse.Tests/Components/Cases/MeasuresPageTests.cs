using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>Before/after and satisfaction on the case page: the beneficiary gives them and sees their progress, the intervener reads them, HR sees none.</summary>
public class MeasuresPageTests : FeaturePageContext
{
    private const string CommentMarker = "MARQUEUR-SATISFACTION";

    private async Task<CoachingCase> MeasuredAsync()
    {
        var coachingCase = Closed();
        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: 8), Now).ShouldSucceed();
        coachingCase.RateSatisfaction(Beneficiary, 9, CommentMarker, Now).ShouldSucceed();
        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();
        return await Database.SaveAsync(coachingCase);
    }

    [Fact]
    public async Task Objectives_without_a_starting_score_are_not_sent_and_the_field_says_why()
    {
        var accepted = await Database.SaveAsync(Accepted());
        SignInAs(Beneficiary);
        var cut = this.RenderCase(accepted.Id);

        cut.Find("[data-testid=field-objective-1-statement]").Change("Oser dire non");
        cut.Find("[data-testid=field-objective-1-success]").Change("Deux refus argumentés");
        cut.Find("[data-testid=action-SetObjectives]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=objectives-set]").TextContent.Should().Contain("Choisissez une note de 0 à 10."), Patience);
        (await Database.LoadAsync(accepted.Id)).State.Should().Be(CaseState.Accepted);

        cut.Find("[data-testid=field-objective-1-before]").Change("2");
        cut.Find("[data-testid=action-SetObjectives]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=case-state]").GetAttribute("data-state").Should().Be(nameof(CaseState.ObjectivesSet)), Patience);
        (await Database.LoadAsync(accepted.Id)).Objectives.Single().StartingScore.Should().Be(2);
    }

    [Fact]
    public async Task A_revision_shows_the_kept_starting_score_of_an_unchanged_objective()
    {
        var set = await Database.SaveAsync(ObjectivesSet());
        SignInAs(Beneficiary);

        var cut = this.RenderCase(set.Id);

        var kept = cut.Find("[data-testid=field-objective-1-before]");
        kept.GetAttribute("value").Should().Be("4");
        kept.HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task The_beneficiary_rates_with_a_closing_score_and_answers_the_satisfaction_question()
    {
        var closed = await Database.SaveAsync(Closed());
        SignInAs(Beneficiary);
        var cut = this.RenderCase(closed.Id);

        cut.Find("[data-testid=rating-1-Reached]").Click();
        cut.Find("[data-testid=rating-2-PartlyReached]").Click();
        cut.Find("[data-testid=field-objective-1-after]").Change("9");
        cut.Find("[data-testid=field-objective-2-after]").Change("6");
        cut.Find("[data-testid=action-RateObjectives]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=progress-row]").Select(r => r.GetAttribute("data-after")).Should().Equal("9", "6"), Patience);

        cut.Find("[data-testid=field-satisfaction-score]").Change("10");
        cut.Find("[data-testid=field-satisfaction-comment]").Change(CommentMarker);
        cut.Find("[data-testid=action-RateSatisfaction]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=satisfaction-answer]").GetAttribute("data-score").Should().Be("10"), Patience);
        var stored = await Database.LoadAsync(closed.Id);
        stored.Objectives.Select(o => o.ClosingScore).Should().Equal(9, 6);
        (stored.SatisfactionScore, stored.SatisfactionComment).Should().Be((10, CommentMarker));
    }

    [Fact]
    public async Task The_beneficiary_sees_their_progress_as_a_chart_with_a_table()
    {
        var measured = await MeasuredAsync();
        SignInAs(Beneficiary);

        var cut = this.RenderCase(measured.Id);

        var progress = cut.Find("[data-testid=objective-progress]");
        progress.TextContent.Should().Contain("Votre progression");
        progress.QuerySelector("svg").Should().NotBeNull("the bar chart");
        cut.FindAll("[data-testid=progress-row]").Select(r => (r.GetAttribute("data-before"), r.GetAttribute("data-after"))).Should().Equal(("4", "8"), ("4", "8"));
        cut.Find("[data-testid=satisfaction-comment]").TextContent.Should().Contain(CommentMarker);
    }

    [Fact]
    public async Task The_intervener_reads_the_scores_and_the_word_left_for_them()
    {
        var measured = await MeasuredAsync();
        SignInAs(Intervener);

        var cut = this.RenderCase(measured.Id);

        cut.FindAll("[data-testid=progress-row]").Should().HaveCount(2);
        cut.Find("[data-testid=satisfaction-answer]").GetAttribute("data-score").Should().Be("9");
        cut.Find("[data-testid=satisfaction-comment]").TextContent.Should().Contain(CommentMarker);
        cut.FindAll("[data-testid=satisfaction]").Should().BeEmpty("only the beneficiary answers");
    }

    [Fact]
    public async Task Hr_page_renders_no_score_and_no_satisfaction_even_with_shared_objectives()
    {
        var measured = await MeasuredAsync();
        SignInAs(Hr);

        var cut = this.RenderCase(measured.Id);

        cut.FindAll("[data-testid=objective]").Should().HaveCount(2, "the objectives are shared");
        cut.FindAll("[data-testid=objective-progress], [data-testid=progress-row], [data-testid=satisfaction-answer], [data-testid=satisfaction]").Should().BeEmpty();
        cut.Markup.Should().NotContain(CommentMarker).And.NotContain("8/10").And.NotContain("9/10");
    }
}
