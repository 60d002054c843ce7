using Bunit;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>
/// The page offers exactly the actions the domain allows this person now: no more, no fewer — except that an
/// offer shows one way to say no ("decline"), not also "stop", which would end it the same way.
/// </summary>
public class CaseActionsTests : FeaturePageContext
{
    // Verdicts are recorded per criterion (verdict-{n}-validate / -refuse); notes are not a lifecycle button.
    // The company text has its own hooks (company-text-save, -approve, -withdraw), not action-{Trigger}.
    private static readonly CaseTrigger[] NotSingleButtons =
    [
        CaseTrigger.RecordVerdict, CaseTrigger.WriteSessionNote,
        CaseTrigger.DraftCompanyText, CaseTrigger.ApproveCompanyText, CaseTrigger.WithdrawCompanyTextApproval,
    ];

    [Theory]
    [InlineData(CaseStep.Proposed, Who.Beneficiary)]
    [InlineData(CaseStep.Proposed, Who.Hr)]
    [InlineData(CaseStep.Proposed, Who.Manager)]
    [InlineData(CaseStep.WithIntervener, Who.Beneficiary)]
    [InlineData(CaseStep.WithIntervener, Who.Intervener)]
    [InlineData(CaseStep.InPreliminaryInterview, Who.Intervener)]
    [InlineData(CaseStep.InPreliminaryInterview, Who.Beneficiary)]
    [InlineData(CaseStep.ReadyForInterview, Who.Intervener)]
    [InlineData(CaseStep.WithDeclaredConflict, Who.Intervener)]
    [InlineData(CaseStep.WithDeclaredConflict, Who.Hr)]
    [InlineData(CaseStep.InterviewHeld, Who.Beneficiary)]
    [InlineData(CaseStep.InterviewHeld, Who.Intervener)]
    [InlineData(CaseStep.InterviewHeld, Who.Hr)]
    [InlineData(CaseStep.UnderDiscussion, Who.Hr)]
    [InlineData(CaseStep.UnderDiscussion, Who.Intervener)]
    [InlineData(CaseStep.UnderDiscussion, Who.Beneficiary)]
    [InlineData(CaseStep.Accepted, Who.Beneficiary)]
    [InlineData(CaseStep.Accepted, Who.Intervener)]
    [InlineData(CaseStep.ObjectivesSet, Who.Beneficiary)]
    [InlineData(CaseStep.InSessions, Who.Intervener)]
    [InlineData(CaseStep.InSessions, Who.Beneficiary)]
    [InlineData(CaseStep.InSessions, Who.Hr)]
    [InlineData(CaseStep.Closed, Who.Beneficiary)]
    [InlineData(CaseStep.Closed, Who.Intervener)]
    [InlineData(CaseStep.Declined, Who.Beneficiary)]
    [InlineData(CaseStep.Cancelled, Who.Hr)]
    public async Task Action_buttons_are_exactly_the_available_ones(CaseStep step, Who who)
    {
        var coachingCase = await Database.SaveAsync(At(step));
        var actor = Of(who);
        var available = coachingCase.AvailableTriggers(actor);
        SignInAs(actor);

        var cut = this.RenderCase(coachingCase.Id);

        var shown = available.Contains(CaseTrigger.Decline) ? available.Except([CaseTrigger.Stop]) : available;
        var expected = shown.Except(NotSingleButtons).Select(t => t.ToString()).Order().ToList();
        cut.WaitForAssertion(() => cut.RenderedActions().Should().Equal(expected), Patience);
        cut.FindAll("[data-testid$='-validate']").Should().HaveCount(
            available.Contains(CaseTrigger.RecordVerdict) ? AcceptanceCriteria.OwnedBy(who == Who.Hr ? Party.Company : Party.Intervener).Count() : 0);
    }

    [Fact]
    public async Task Hr_rules_on_a_case_under_discussion_and_the_intervener_sees_the_ruling()
    {
        var discussed = await Database.SaveAsync(UnderDiscussion());
        SignInAs(Hr);
        var cut = this.RenderCase(discussed.Id);

        cut.Find("[data-testid=action-RuleAccept]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=ruling-company]").TextContent.Should().Contain("accepter"), Patience);
        cut.RenderedActions().Should().NotContain(nameof(CaseTrigger.RuleAccept));
    }

    [Fact]
    public async Task Intervener_records_a_verdict_with_a_comment_per_criterion()
    {
        var held = await Database.SaveAsync(InterviewHeld());
        SignInAs(Intervener);
        var cut = this.RenderCase(held.Id);

        cut.Find("[data-testid=field-verdict-5-comment]").Change("Très impliquée");
        cut.Find("[data-testid=verdict-5-validate]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=verdict-5-intervener]").GetAttribute("data-validated").Should().Be("true"), Patience);
        (await Database.LoadAsync(held.Id)).VerdictOf(AcceptanceCriterion.PersonInvolved, Party.Intervener)!.Comment.Should().Be("Très impliquée");
    }
}
