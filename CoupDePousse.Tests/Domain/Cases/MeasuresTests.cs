using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Before and after: where the beneficiary stands on each objective when setting it and at the end, and their satisfaction at closing.</summary>
public class MeasuresTests
{
    private static readonly ObjectiveInput Other = new("Tenir une réunion d'équipe sans débordement", "Trois réunions finies à l'heure");

    [Fact]
    public void The_beneficiary_says_where_they_stand_on_each_objective_when_setting_them()
    {
        var coachingCase = Accepted();

        coachingCase.SetObjectives(Beneficiary, Objectives, [3, 6], Now).ShouldSucceed();

        coachingCase.Objectives.Select(o => o.StartingScore).Should().Equal(3, 6);
        coachingCase.Objectives.Should().OnlyContain(o => o.ClosingScore == null);
    }

    [Fact]
    public void Objectives_without_a_starting_score_are_refused()
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, Objectives, [3, null], Now), CaseErrors.ScoreRequired);
        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, Objectives, [3], Now), CaseErrors.ScoreRequired);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MaxValue)]
    public void A_score_outside_zero_to_ten_is_refused_everywhere(int score)
    {
        var accepted = Accepted();
        accepted.ShouldRefuse(() => accepted.SetObjectives(Beneficiary, Objectives, [score, 4], Now), CaseErrors.ScoreOutOfRange);

        var closed = Closed();
        closed.ShouldRefuse(() => closed.RateObjectives(Beneficiary, Assessments(closed, score: score), Now), CaseErrors.ScoreOutOfRange);
        closed.ShouldRefuse(() => closed.RateSatisfaction(Beneficiary, score, null, Now), CaseErrors.ScoreOutOfRange);
    }

    [Fact]
    public void The_bounds_of_the_scale_are_accepted()
    {
        var coachingCase = Accepted();

        coachingCase.SetObjectives(Beneficiary, Objectives, [Scores.Min, Scores.Max], Now).ShouldSucceed();

        coachingCase.Objectives.Select(o => o.StartingScore).Should().Equal(0, 10);
    }

    [Fact]
    public void A_revision_keeps_the_starting_score_of_an_unchanged_objective_and_asks_for_the_new_ones()
    {
        var coachingCase = ObjectivesSet();
        var kept = coachingCase.Objectives[0];

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, [Objectives[0], Other], [null, null], Now), CaseErrors.ScoreRequired);
        coachingCase.SetObjectives(Beneficiary, [Objectives[0], Other], [9, 2], Now).ShouldSucceed();

        coachingCase.Objectives.Select(o => o.Statement).Should().Equal(Objectives[0].Statement, Other.Statement);
        coachingCase.Objectives.Select(o => o.StartingScore).Should().Equal(kept.StartingScore, 2);
    }

    [Fact]
    public void An_unchanged_objective_needs_no_score_in_a_revision()
    {
        var coachingCase = ObjectivesSet();

        coachingCase.SetObjectives(Beneficiary, [new($"  {Objectives[1].Statement} ", "Une autre mesure")], [null], Now).ShouldSucceed();

        coachingCase.Objectives.Should().ContainSingle().Which.StartingScore.Should().Be(4);
    }

    [Fact]
    public void The_closing_rating_comes_with_where_the_beneficiary_stands_now()
    {
        var coachingCase = Closed();

        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, ObjectiveRating.PartlyReached, 8), Now).ShouldSucceed();

        coachingCase.Objectives.Should().OnlyContain(o => o.ClosingScore == 8 && o.Rating == ObjectiveRating.PartlyReached && o.IsMeasured);
    }

    [Fact]
    public void A_closing_rating_without_a_score_is_refused()
    {
        var coachingCase = Closed();
        var assessments = coachingCase.Objectives.ToDictionary(o => o.Id, _ => new ObjectiveAssessment(ObjectiveRating.Reached, null));

        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Beneficiary, assessments, Now), CaseErrors.ScoreRequired);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public void Only_the_beneficiary_gives_the_before_and_after_scores(Who who)
    {
        var accepted = Accepted();
        accepted.ShouldRefuse(() => accepted.SetObjectives(Of(who), Objectives, [3, 3], Now), RefusalTo(who));

        var closed = Closed();
        closed.ShouldRefuse(() => closed.RateObjectives(Of(who), Assessments(closed), Now), RefusalTo(who));
        closed.ShouldRefuse(() => closed.RateSatisfaction(Of(who), 9, "Merci", Now), RefusalTo(who));
    }

    [Fact]
    public void The_beneficiary_answers_the_satisfaction_question_once_closed_with_an_optional_word()
    {
        var coachingCase = Closed();

        coachingCase.RateSatisfaction(Beneficiary, 9, "  Merci pour tout  ", Now).ShouldSucceed();
        coachingCase.SatisfactionScore.Should().Be(9);
        coachingCase.SatisfactionComment.Should().Be("Merci pour tout");

        coachingCase.RateSatisfaction(Beneficiary, 7, "   ", Now).ShouldSucceed();
        coachingCase.SatisfactionScore.Should().Be(7);
        coachingCase.SatisfactionComment.Should().BeNull();
    }

    [Fact]
    public void Satisfaction_is_asked_only_once_the_case_is_closed()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.RateSatisfaction(Beneficiary, 9, null, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void A_satisfaction_answer_needs_a_score_and_a_short_comment()
    {
        var coachingCase = Closed();

        coachingCase.ShouldRefuse(() => coachingCase.RateSatisfaction(Beneficiary, null, "Merci", Now), CaseErrors.SatisfactionScoreRequired);
        coachingCase.ShouldRefuse(() => coachingCase.RateSatisfaction(Beneficiary, 9, new string('a', TextLimits.SatisfactionComment + 1), Now), CaseErrors.TextTooLong);
        coachingCase.RateSatisfaction(Beneficiary, 9, new string('a', TextLimits.SatisfactionComment), Now).ShouldSucceed();
    }

    [Fact]
    public void The_history_of_the_answers_carries_no_score()
    {
        var coachingCase = Closed();

        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: 9), Now).ShouldSucceed();
        coachingCase.RateSatisfaction(Beneficiary, 3, "Un mot", Now).ShouldSucceed();

        coachingCase.History.TakeLast(2).Select(h => (h.Trigger, h.Detail))
            .Should().Equal((CaseTrigger.RateObjectives, TransitionDetail.None), (CaseTrigger.RateSatisfaction, TransitionDetail.None));
    }

    [Fact]
    public void The_stored_facts_sum_the_change_of_the_measured_objectives()
    {
        var coachingCase = Closed();
        coachingCase.MeasuredObjectives.Should().Be(0);
        var first = coachingCase.Objectives[0].Id;

        coachingCase.RateObjectives(Beneficiary, new Dictionary<Guid, ObjectiveAssessment> { [first] = new(ObjectiveRating.Reached, 9) }, Now).ShouldSucceed();
        coachingCase.MeasuredObjectives.Should().Be(1);
        coachingCase.ScoreChange.Should().Be(9 - 4);

        coachingCase.RateObjectives(Beneficiary, Assessments(coachingCase, score: 2), Now).ShouldSucceed();
        coachingCase.MeasuredObjectives.Should().Be(2);
        coachingCase.ScoreChange.Should().Be((2 - 4) * 2);
        coachingCase.FactsAreCurrent.Should().BeTrue();
    }
}
