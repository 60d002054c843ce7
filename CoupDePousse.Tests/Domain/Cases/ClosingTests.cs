using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class ClosingTests
{
    private const string Summary = "Objectifs travaillés en quatre séances.";

    [Fact]
    public void The_intervener_closes_a_case_in_sessions_with_a_summary()
    {
        var coachingCase = InSessions();
        var later = Now.AddDays(30);

        coachingCase.Close(Intervener, $"  {Summary}  ", later).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Closed);
        coachingCase.Outcome.Should().Be(CaseOutcome.Completed);
        coachingCase.ClosingSummary.Should().Be(Summary);
        coachingCase.EndedAt.Should().Be(later);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Closing_needs_a_summary(string summary)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.Close(Intervener, summary, Now), CaseErrors.SummaryRequired);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Hr)]
    [InlineData(Who.OtherIntervener)]
    public void Only_the_assigned_intervener_closes(Who who)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.Close(Of(who), Summary, Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(CaseStep.Accepted)]
    [InlineData(CaseStep.ObjectivesSet)]
    public void A_case_is_closed_only_once_sessions_have_taken_place(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.Close(Intervener, Summary, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_beneficiary_rates_each_objective_during_sessions_or_after_closing(bool closedFirst)
    {
        var coachingCase = closedFirst ? Closed() : InSessions();
        var ratings = new Dictionary<Guid, ObjectiveAssessment>
        {
            [coachingCase.Objectives[0].Id] = new(ObjectiveRating.Reached, 7),
            [coachingCase.Objectives[1].Id] = new(ObjectiveRating.PartlyReached, 7),
        };

        coachingCase.RateObjectives(Beneficiary, ratings, Now).ShouldSucceed();

        coachingCase.Objectives.Select(o => o.Rating).Should().Equal(ObjectiveRating.Reached, ObjectiveRating.PartlyReached);
        coachingCase.State.Should().Be(closedFirst ? CaseState.Closed : CaseState.InSessions);
    }

    [Fact]
    public void A_rating_may_be_revised()
    {
        var coachingCase = Closed();
        var id = coachingCase.Objectives[0].Id;
        coachingCase.RateObjectives(Beneficiary, new Dictionary<Guid, ObjectiveAssessment> { [id] = new(ObjectiveRating.NotReached, 7) }, Now).ShouldSucceed();

        coachingCase.RateObjectives(Beneficiary, new Dictionary<Guid, ObjectiveAssessment> { [id] = new(ObjectiveRating.Reached, 7) }, Now).ShouldSucceed();

        coachingCase.Objectives[0].Rating.Should().Be(ObjectiveRating.Reached);
    }

    [Fact]
    public void Only_objectives_of_the_case_are_rated()
    {
        var coachingCase = Closed();
        var ratings = new Dictionary<Guid, ObjectiveAssessment>
        {
            [coachingCase.Objectives[0].Id] = new(ObjectiveRating.Reached, 7),
            [Guid.NewGuid()] = new(ObjectiveRating.Reached, 7),
        };

        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Beneficiary, ratings, Now), CaseErrors.UnknownObjective);
        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Beneficiary, new Dictionary<Guid, ObjectiveAssessment>(), Now), CaseErrors.ObjectiveRequired);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public void Only_the_beneficiary_rates_the_objectives(Who who)
    {
        var coachingCase = Closed();
        var ratings = new Dictionary<Guid, ObjectiveAssessment> { [coachingCase.Objectives[0].Id] = new(ObjectiveRating.Reached, 7) };

        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Of(who), ratings, Now), RefusalTo(who));
    }

    [Fact]
    public void Objectives_are_not_rated_before_sessions_start()
    {
        var coachingCase = ObjectivesSet();
        var ratings = new Dictionary<Guid, ObjectiveAssessment> { [coachingCase.Objectives[0].Id] = new(ObjectiveRating.Reached, 7) };

        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Beneficiary, ratings, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void A_case_interrupted_before_objectives_were_set_has_nothing_to_rate_or_share()
    {
        var coachingCase = Accepted();
        coachingCase.Stop(Beneficiary, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Beneficiary, new Dictionary<Guid, ObjectiveAssessment> { [Guid.NewGuid()] = new(ObjectiveRating.Reached, 7) }, Now), CaseErrors.NoObjectivesToShare);
        coachingCase.ShouldRefuse(() => coachingCase.ShareObjectives(Beneficiary, true, Now), CaseErrors.NoObjectivesToShare);
    }

    [Fact]
    public void The_beneficiary_may_still_share_the_objectives_after_closing()
    {
        var coachingCase = Closed();

        coachingCase.ShareObjectives(Beneficiary, true, Now).ShouldSucceed();

        coachingCase.ObjectivesShared.Should().BeTrue();
    }

    public static TheoryData<string> OperationsRefusedOnAClosedCase => new(ClosedCaseOperations.Keys);

    private static readonly Dictionary<string, Func<CoachingCase, Result>> ClosedCaseOperations = new()
    {
        ["LogSession"] = c => c.LogSession(Intervener, Today, 30, SessionMode.OnSite, Now),
        ["SetObjectives"] = c => c.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now),
        ["DraftObjectives"] = c => c.DraftObjectives(Intervener, Objectives, Now),
        ["RequestExtension"] = c => c.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, "Encore une séance", Now),
        ["ApproveExtension"] = c => c.ApproveExtension(Hr, Now),
        ["Close"] = c => c.Close(Intervener, Summary, Now),
        ["Stop"] = c => c.Stop(Beneficiary, Now),
        ["SetBudget"] = c => c.SetBudget(Hr, 480, BudgetBounds.Default, Now),
        ["Cancel"] = c => c.Cancel(Hr, null, Now),
        ["Exclude"] = c => c.Exclude(Hr, new Referral(ReferralKind.Other, "Orientation"), Now),
        ["WriteSessionNote"] = c => c.WriteSessionNote(Intervener, c.Sessions[0].Id, "Note", Now),
    };

    [Theory]
    [MemberData(nameof(OperationsRefusedOnAClosedCase))]
    public void A_closed_case_accepts_nothing_but_the_beneficiarys_rating_and_sharing(string operation)
    {
        var coachingCase = Closed();

        coachingCase.ShouldRefuse(() => ClosedCaseOperations[operation](coachingCase), CaseErrors.Ended);
    }
}
