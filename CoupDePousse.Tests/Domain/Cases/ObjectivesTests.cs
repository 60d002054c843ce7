using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class ObjectivesTests
{
    private static readonly ObjectiveInput Revised = new("Tenir une réunion d'équipe sans débordement", "Trois réunions finies à l'heure");

    [Fact]
    public void The_intervener_drafts_objectives_which_stay_a_draft()
    {
        var coachingCase = Accepted();

        coachingCase.DraftObjectives(Intervener, Objectives, Now).ShouldSucceed();

        coachingCase.ObjectiveDrafts.Select(d => d.Statement).Should().Equal(Objectives.Select(o => o.Statement));
        coachingCase.ObjectiveDrafts.Select(d => d.Position).Should().Equal(0, 1);
        coachingCase.Objectives.Should().BeEmpty();
        coachingCase.State.Should().Be(CaseState.Accepted);
    }

    [Fact]
    public void A_new_draft_replaces_the_previous_one()
    {
        var coachingCase = Accepted();
        coachingCase.DraftObjectives(Intervener, Objectives, Now).ShouldSucceed();

        coachingCase.DraftObjectives(Intervener, [Revised], Now).ShouldSucceed();

        coachingCase.ObjectiveDrafts.Should().ContainSingle().Which.Statement.Should().Be(Revised.Statement);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Hr)]
    [InlineData(Who.OtherIntervener)]
    public void Only_the_assigned_intervener_drafts_objectives(Who who)
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.DraftObjectives(Of(who), Objectives, Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(CaseStep.Continued)]
    [InlineData(CaseStep.UnderDiscussion)]
    public void Objectives_are_not_drafted_before_acceptance(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.DraftObjectives(Intervener, Objectives, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void The_beneficiary_sets_the_objectives_and_the_case_moves_on()
    {
        var coachingCase = Accepted();

        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.ObjectivesSet);
        coachingCase.Objectives.Select(o => (o.Statement, o.SuccessMeasure)).Should().Equal(Objectives.Select(o => (o.Statement, o.SuccessMeasure)));
        coachingCase.Objectives.Select(o => o.Position).Should().Equal(0, 1);
        coachingCase.Objectives.Should().OnlyContain(o => o.Rating == null);
        coachingCase.ObjectiveRevisions.Should().ContainSingle().Which.Number.Should().Be(1);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherBeneficiary)]
    public void Objectives_can_only_be_set_by_the_beneficiary(Who who)
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Of(who), Objectives, StartingScores(Objectives), Now), RefusalTo(who));
    }

    [Fact]
    public void At_least_one_objective_is_required()
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, [], [], Now), CaseErrors.ObjectiveRequired);
        coachingCase.ShouldRefuse(() => coachingCase.DraftObjectives(Intervener, [], Now), CaseErrors.ObjectiveRequired);
    }

    [Theory]
    [InlineData("", "Deux entretiens tenus")]
    [InlineData("Conduire mes entretiens", "")]
    [InlineData("  ", "  ")]
    public void Each_objective_needs_a_statement_and_a_success_measure(string statement, string successMeasure)
    {
        var coachingCase = Accepted();
        IReadOnlyList<ObjectiveInput> objectives = [Objectives[0], new(statement, successMeasure)];

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, objectives, StartingScores(objectives), Now), CaseErrors.ObjectiveIncomplete);
        coachingCase.ShouldRefuse(() => coachingCase.DraftObjectives(Intervener, objectives, Now), CaseErrors.ObjectiveIncomplete);
    }

    [Fact]
    public void At_most_five_objectives_are_set()
    {
        var coachingCase = Accepted();
        var six = Enumerable.Range(1, 6).Select(i => new ObjectiveInput($"Objectif {i}", $"Mesure {i}")).ToList();

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, six, StartingScores(six), Now), CaseErrors.TooManyObjectives);
        coachingCase.SetObjectives(Beneficiary, six.Take(5).ToList(), StartingScores(six.Take(5).ToList()), Now).ShouldSucceed();
    }

    [Fact]
    public void An_objective_text_longer_than_its_limit_is_refused()
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(
            () => coachingCase.SetObjectives(Beneficiary, [new(new string('a', 501), "Mesure")], [4], Now),
            CaseErrors.TextTooLong);
    }

    [Theory]
    [InlineData(CaseStep.ObjectivesSet)]
    [InlineData(CaseStep.InSessions)]
    public void Revising_the_objectives_later_keeps_every_earlier_version(CaseStep step)
    {
        var coachingCase = At(step);
        var state = coachingCase.State;

        coachingCase.SetObjectives(Beneficiary, [Revised], [4], Now.AddDays(7)).ShouldSucceed();

        coachingCase.State.Should().Be(state);
        coachingCase.Objectives.Should().ContainSingle().Which.Statement.Should().Be(Revised.Statement);
        coachingCase.ObjectiveRevisions.Select(r => r.Number).Should().Equal(1, 2);
        coachingCase.ObjectiveRevisions[0].Objectives.Should().Equal(Objectives);
        coachingCase.ObjectiveRevisions[1].Objectives.Should().Equal(Revised);
        coachingCase.ObjectiveRevisions[1].SetAt.Should().Be(Now.AddDays(7));
    }

    [Theory]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.Continued)]
    [InlineData(CaseStep.UnderDiscussion)]
    public void Objectives_are_not_set_before_acceptance(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now), CaseErrors.WrongState);
    }

    [Fact]
    public void The_beneficiary_chooses_to_share_the_objectives_with_the_company_and_may_take_it_back()
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();
        coachingCase.ObjectivesShared.Should().BeTrue();

        coachingCase.ShareObjectives(Beneficiary, false, Now).ShouldSucceed();
        coachingCase.ObjectivesShared.Should().BeFalse();
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Manager)]
    public void Only_the_beneficiary_shares_the_objectives(Who who)
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShouldRefuse(() => coachingCase.ShareObjectives(Of(who), true, Now), RefusalTo(who));
    }

    [Fact]
    public void Objectives_not_yet_set_cannot_be_shared()
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.ShareObjectives(Beneficiary, true, Now), CaseErrors.WrongState);
    }
}
