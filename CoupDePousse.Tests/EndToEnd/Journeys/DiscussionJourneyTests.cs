using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.EndToEnd.Support;
using CoupDePousse.Tests.EndToEnd.Steps;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Journeys;

/// <summary>A criterion refused by the intervener opens a discussion; HR and the intervener each rule on it.</summary>
public sealed class DiscussionJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private const string Marc = "Marc Lambert";
    private const string Isabelle = "Isabelle Fontaine";

    public enum Rulings
    {
        /// <summary>HR and the intervener both accept: the case is accepted.</summary>
        BothAccept,

        /// <summary>HR accepts, the intervener declines: one decline is enough.</summary>
        OneDeclines,
    }

    [Theory]
    [InlineData(Rulings.BothAccept)]
    [InlineData(Rulings.OneDeclines)]
    public async Task A_refused_criterion_sends_the_case_to_discussion_where_hr_and_intervener_rule(Rulings rulings)
    {
        // Case (a) is proposed by HR for Thomas, case (b) by his manager for Sophie, so that the manager's view of a refusal is seen.
        var byManager = rulings == Rulings.OneDeclines;
        var hr = await SignInAsync(DemoUsers.Hr);
        var manager = byManager ? await SignInAsync(DemoUsers.Manager) : null;
        var beneficiary = await SignInAsync(byManager ? DemoUsers.Beneficiary : DemoUsers.Beneficiary2);
        var intervener = await SignInAsync(DemoUsers.Intervener2);

        var proposal = new Proposal(byManager ? "Sophie Lefèvre" : "Thomas Bernard", CoachingDomain.StressAndEmotions, "one-off-stress",
            "Une période tendue s’annonce avec la clôture annuelle ; prendre du recul avant qu’elle commence.", "Dans les deux semaines");
        var caseId = await ProposeAsync(manager ?? hr, proposal);

        // Only Marc covers Stress and emotions: Isabelle is not offered.
        var offered = await AssignAsync(hr, caseId, Marc);
        offered.Should().Contain(o => o.Contains(Marc)).And.NotContain(o => o.Contains(Isabelle));
        await AgreeToMeetAsync(beneficiary, caseId);
        await RecordInterviewAsync(intervener, caseId);
        await ContinueAsync(beneficiary, caseId);

        // HR validates all of the company's criteria; the intervener validates all but one, which it refuses.
        await OpenCaseAsync(hr, caseId);
        await RecordVerdictsAsync(hr, "company", CompanyCriteria);
        await ExpectStateAsync(hr, CaseState.PreliminaryInterview);

        await OpenCaseAsync(intervener, caseId);
        await RecordVerdictsAsync(intervener, "intervener", IntervenerCriteria.Where(c => c != 6));
        await ExpectStateAsync(intervener, CaseState.PreliminaryInterview);
        await RecordVerdictsAsync(intervener, "intervener", [6], validated: false, comment: "Le recul nécessaire n’est pas encore là.");
        await ExpectStateAsync(intervener, CaseState.UnderDiscussion);
        await Expect(intervener.GetByTestId("verdict-6-intervener-comment")).ToBeVisibleAsync();
        await Expect(intervener.GetByTestId("action-RuleAccept")).ToBeVisibleAsync();

        // HR sees the refusal (not its comment) and has a ruling to give; the beneficiary sees the discussion.
        await OpenDashboardAsync(hr);
        await Expect(CaseRow(hr, caseId).GetByTestId("hr-todo")).ToHaveAttributeAsync("data-todo", "Hr.Todo.Rule");
        await OpenCaseAsync(hr, caseId);
        await ExpectStateAsync(hr, CaseState.UnderDiscussion);
        await Expect(hr.GetByTestId("verdict-6-intervener")).ToHaveAttributeAsync("data-validated", "false");
        await Expect(hr.GetByTestId("verdict-6-intervener-comment")).ToHaveCountAsync(0);
        await OpenCaseAsync(beneficiary, caseId);
        await ExpectStateAsync(beneficiary, CaseState.UnderDiscussion);
        if (manager is not null)
        {
            await ExpectManagerSeesAsync(manager, caseId, CoarseStatus.InProgress);
        }

        // HR rules first: to accept. The case waits for the intervener's ruling.
        await ClickAndWaitForHistoryAsync(hr, hr.GetByTestId("action-RuleAccept"), CaseTrigger.RuleAccept);
        await ExpectStateAsync(hr, CaseState.UnderDiscussion);
        await Expect(hr.GetByTestId("action-RuleAccept")).ToHaveCountAsync(0);
        await Expect(hr.GetByTestId("action-RuleDecline")).ToHaveCountAsync(0);

        await OpenCaseAsync(intervener, caseId);
        await ExpectStateAsync(intervener, CaseState.UnderDiscussion);
        if (rulings == Rulings.BothAccept)
        {
            await intervener.GetByTestId("action-RuleAccept").ClickAsync();
            await ExpectStateAsync(intervener, CaseState.Accepted);

            await OpenCaseAsync(hr, caseId);
            await ExpectStateAsync(hr, CaseState.Accepted);
            await Expect(hr.GetByTestId("case-outcome")).ToHaveCountAsync(0);
            await OpenCaseAsync(beneficiary, caseId);
            await ExpectStateAsync(beneficiary, CaseState.Accepted);
            await Expect(beneficiary.GetByTestId("hours-budget")).ToHaveAttributeAsync("data-minutes", "360");
        }
        else
        {
            await intervener.GetByTestId("action-RuleDecline").ClickAsync();
            await ExpectStateAsync(intervener, CaseState.Declined);

            await OpenCaseAsync(hr, caseId);
            await ExpectStateAsync(hr, CaseState.Declined);
            await Expect(hr.GetByTestId("case-outcome")).ToHaveAttributeAsync("data-outcome", nameof(CaseOutcome.RefusedAfterDiscussion));
            await OpenCaseAsync(beneficiary, caseId);
            await ExpectStateAsync(beneficiary, CaseState.Declined);
            await Expect(beneficiary.GetByTestId("case-outcome")).ToHaveAttributeAsync("data-outcome", nameof(CaseOutcome.RefusedAfterDiscussion));
            await Expect(beneficiary.GetByTestId("action-Stop")).ToHaveCountAsync(0);
            await ExpectManagerSeesAsync(manager!, caseId, CoarseStatus.Ended);
        }
    }
}
