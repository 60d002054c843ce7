using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.EndToEnd.Support;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Confidentiality;

/// <summary>A manager withdrawing, from a page loaded earlier, a proposal that has since moved on.</summary>
public sealed class ProposerWithdrawalJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task A_manager_withdrawing_a_case_that_moved_is_told_only_that_it_can_no_longer_be_withdrawn()
    {
        var manager = await SignInAsync(DemoUsers.Manager);
        var caseId = await ProposeAsync(manager, new Proposal("Thomas Bernard", CoachingDomain.StrategyAndTactics, "problem-strategy",
            "Thomas prépare un arbitrage délicat entre deux projets. " + Marker("withdraw-journey")));
        var hr = await SignInAsync(DemoUsers.Hr);
        await AssignAsync(hr, caseId, "Isabelle Fontaine");

        // The manager has the proposal open, still proposed, Withdraw offered.
        await OpenCaseAsync(manager, caseId);
        await Expect(manager.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", nameof(CoarseStatus.Proposed));
        await Expect(manager.GetByTestId("action-Withdraw")).ToBeVisibleAsync();

        // Meanwhile Thomas agrees to meet the intervener.
        var thomas = await SignInAsync(DemoUsers.Beneficiary2);
        await AgreeToMeetAsync(thomas, caseId);

        // The manager clicks Withdraw on the page loaded before: one neutral answer, then the coarse status as it now is.
        await manager.GetByTestId("action-Withdraw").ClickAsync();
        var error = manager.GetByTestId("error-message");
        await Expect(error).ToHaveAttributeAsync("data-error-code", CaseErrors.NoLongerWithdrawable.Code);
        await Expect(error).ToContainTextAsync(CaseErrors.NoLongerWithdrawable.French);
        await Expect(error.GetByTestId("reload-case")).ToHaveCountAsync(0);
        await Expect(manager.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", nameof(CoarseStatus.InProgress));
        await Expect(manager.GetByTestId("action-Withdraw")).ToHaveCountAsync(0);
        await Expect(manager.GetByTestId("case-state")).ToHaveCountAsync(0);
        await Expect(manager.GetByTestId("case-history")).ToHaveCountAsync(0);
        string[] leaks =
        [
            CaseState.PreliminaryInterview.Label(French), CaseState.PreliminaryInterview.Label(English), "entretien",
            CaseErrors.Concurrency.French, CaseErrors.Concurrency.English,
        ];
        await ShouldNotContainAnyAsync(manager, leaks, "a manager is told nothing of the step the case reached, nor that someone acted");

        // Nothing was withdrawn: the case goes on for Thomas.
        await OpenCaseAsync(thomas, caseId);
        await ExpectStateAsync(thomas, CaseState.PreliminaryInterview);
    }
}
