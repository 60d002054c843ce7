using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class DiscussionTests
{
    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    public void One_party_ruling_to_accept_leaves_the_case_under_discussion(Who who)
    {
        var coachingCase = UnderDiscussion();

        coachingCase.RuleAccept(Of(who), Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.UnderDiscussion);
    }

    [Theory]
    [InlineData(Who.Hr, Who.Intervener)]
    [InlineData(Who.Intervener, Who.Hr)]
    public void The_case_is_accepted_when_both_hr_and_the_intervener_rule_to_accept(Who first, Who second)
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Of(first), Now).ShouldSucceed();

        coachingCase.RuleAccept(Of(second), Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Accepted);
        coachingCase.CompanyRuling.Should().BeTrue();
        coachingCase.IntervenerRuling.Should().BeTrue();
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    public void One_party_ruling_to_decline_declines_the_case(Who who)
    {
        var coachingCase = UnderDiscussion();

        coachingCase.RuleDecline(Of(who), Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Declined);
        coachingCase.Outcome.Should().Be(CaseOutcome.RefusedAfterDiscussion);
        coachingCase.EndedAt.Should().Be(Now);
    }

    [Theory]
    [InlineData(Who.Hr, Who.Intervener)]
    [InlineData(Who.Intervener, Who.Hr)]
    public void A_decline_wins_over_the_other_partys_acceptance(Who accepting, Who declining)
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Of(accepting), Now).ShouldSucceed();

        coachingCase.RuleDecline(Of(declining), Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Declined);
        coachingCase.Outcome.Should().Be(CaseOutcome.RefusedAfterDiscussion);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Intervener)]
    public void A_party_rules_only_once(Who who)
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Of(who), Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RuleAccept(Of(who), Now), CaseErrors.AlreadyRuled);
        coachingCase.ShouldRefuse(() => coachingCase.RuleDecline(Of(who), Now), CaseErrors.AlreadyRuled);
    }

    [Fact]
    public void Another_hr_user_rules_for_the_same_party_as_the_first()
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Hr, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RuleAccept(Actor.Hr("hr-2"), Now), CaseErrors.AlreadyRuled);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Admin)]
    public void Only_hr_and_the_assigned_intervener_rule_on_a_discussion(Who who)
    {
        var coachingCase = UnderDiscussion();

        coachingCase.ShouldRefuse(() => coachingCase.RuleAccept(Of(who), Now), RefusalTo(who));
        coachingCase.ShouldRefuse(() => coachingCase.RuleDecline(Of(who), Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(CaseStep.WithIntervener)]
    [InlineData(CaseStep.Continued)]
    [InlineData(CaseStep.Accepted)]
    public void Rulings_are_only_possible_under_discussion(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.RuleAccept(Hr, Now), CaseErrors.WrongState);
        coachingCase.ShouldRefuse(() => coachingCase.RuleDecline(Intervener, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void A_declined_discussion_accepts_no_further_ruling()
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleDecline(Hr, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RuleAccept(Intervener, Now), CaseErrors.Ended);
    }
}
