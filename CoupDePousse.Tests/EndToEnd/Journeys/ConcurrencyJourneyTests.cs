using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Journeys;

/// <summary>HR about to cancel while the beneficiary is about to agree to meet, both pages loaded before either acts.</summary>
public sealed class ConcurrencyJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    public enum FirstToAct
    {
        Hr,
        Beneficiary,
    }

    [Theory]
    [InlineData(FirstToAct.Hr)]
    [InlineData(FirstToAct.Beneficiary)]
    public async Task Two_people_acting_on_one_case_at_once_one_wins_and_the_other_is_told(FirstToAct first)
    {
        var hr = await SignInAsync(DemoUsers.Hr);
        var beneficiary = await SignInAsync(DemoUsers.Beneficiary);

        var caseId = await ProposeAsync(hr, new Proposal("Sophie Lefèvre"));
        await AssignAsync(hr, caseId, "Isabelle Fontaine");

        // Both open the case, as it is now, before either acts.
        await OpenCaseAsync(hr, caseId);
        await OpenCaseAsync(beneficiary, caseId);
        await ExpectStateAsync(hr, CaseState.Proposed);
        await ExpectStateAsync(beneficiary, CaseState.Proposed);
        await Expect(hr.GetByTestId("action-Cancel")).ToBeVisibleAsync();
        await Expect(beneficiary.GetByTestId("action-AgreeToMeet")).ToBeVisibleAsync();

        var (winner, loser) = first == FirstToAct.Hr ? (hr, beneficiary) : (beneficiary, hr);
        var winningState = first == FirstToAct.Hr ? CaseState.Cancelled : CaseState.PreliminaryInterview;
        var (won, lost) = first == FirstToAct.Hr
            ? (CaseTrigger.Cancel, CaseTrigger.AgreeToMeet)
            : (CaseTrigger.AgreeToMeet, CaseTrigger.Cancel);

        await ActAsync(winner, won);
        await ExpectStateAsync(winner, winningState);

        // The second one acts on the page they loaded: refused, told the case changed, offered a reload.
        await ActAsync(loser, lost);
        var error = loser.GetByTestId("error-message");
        await Expect(error).ToHaveAttributeAsync("data-error-code", CaseErrors.Concurrency.Code);
        await Expect(error.GetByTestId("reload-case")).ToBeVisibleAsync();
        await ExpectStateAsync(loser, CaseState.Proposed);

        await error.GetByTestId("reload-case").ClickAsync();
        await Expect(loser.GetByTestId("error-message")).ToHaveCountAsync(0);
        await ExpectStateAsync(loser, winningState);

        // Nothing lost, nothing doubled: the history holds the winner's action once and the loser's not at all.
        foreach (var page in new[] { loser, winner })
        {
            await OpenCaseAsync(page, caseId);
            await ExpectStateAsync(page, winningState);
            await Expect(await HistoryEntriesAsync(page, won)).ToHaveCountAsync(1);
            await Expect(await HistoryEntriesAsync(page, lost)).ToHaveCountAsync(0);
        }

        if (first == FirstToAct.Hr)
        {
            await Expect(beneficiary.GetByTestId("action-AgreeToMeet")).ToHaveCountAsync(0);
            await Expect(beneficiary.GetByTestId("case-outcome")).ToHaveAttributeAsync("data-outcome", nameof(CaseOutcome.Cancelled));
        }
        else
        {
            // Knowing the new state, HR may still cancel before the interview, and now it goes through.
            await OpenCaseAsync(hr, caseId);
            await ActAsync(hr, CaseTrigger.Cancel);
            await ExpectStateAsync(hr, CaseState.Cancelled);
        }
    }

    [Fact]
    public async Task A_double_click_on_send_and_on_log_session_acts_once()
    {
        var hr = await SignInAsync(DemoUsers.Hr);
        var before = await CaseCountAsync();

        var caseId = await ProposeAsync(hr, new Proposal("Sophie Lefèvre"), doubleClick: true);
        await SettleAsync(hr);

        (await CaseCountAsync()).Should().Be(before + 1, "the second click of the double click sent the same request, answered with the same case");
        await Expect(hr.GetByTestId("case-page")).ToHaveAttributeAsync("data-case-id", caseId.ToString());

        // Brought to its first session, to log it with a double click.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        await AssignAsync(hr, caseId, "Isabelle Fontaine");
        await AgreeToMeetAsync(sophie, caseId);
        await RecordInterviewAsync(isabelle, caseId);
        await ContinueAsync(sophie, caseId);
        await OpenCaseAsync(hr, caseId);
        await RecordVerdictsAsync(hr, "company", CompanyCriteria);
        await OpenCaseAsync(isabelle, caseId);
        await RecordVerdictsAsync(isabelle, "intervener", IntervenerCriteria);
        await ExpectStateAsync(isabelle, CaseState.Accepted);
        await OpenCaseAsync(sophie, caseId);
        await FillTextAsync(sophie.GetByTestId("field-objective-1-statement"), "Mener mes entretiens avec assurance");
        await FillTextAsync(sophie.GetByTestId("field-objective-1-success"), "Les entretiens ont eu lieu");
        await SetObjectivesAsync(sophie, 3);
        await AcceptAgreementByAllAsync(sophie, isabelle, hr, caseId);
        var sophiesCase = caseId;
        await OpenCaseAsync(isabelle, sophiesCase);
        var used = int.Parse((await isabelle.GetByTestId("hours-used").GetAttributeAsync("data-minutes"))!, System.Globalization.CultureInfo.InvariantCulture);
        var sessions = await (await HistoryEntriesAsync(isabelle, CaseTrigger.LogSession)).CountAsync();

        await isabelle.GetByTestId("action-LogSession").DblClickAsync();

        await Expect(isabelle.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", (used + 60).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SettleAsync(isabelle);
        await OpenCaseAsync(isabelle, sophiesCase);
        await Expect(isabelle.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", (used + 60).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(await HistoryEntriesAsync(isabelle, CaseTrigger.LogSession)).ToHaveCountAsync(sessions + 1);
        await Expect(isabelle.GetByTestId("error-message")).ToHaveCountAsync(0);
    }

    private async Task<int> CaseCountAsync()
    {
        await using var db = await Fixture.Server.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Cases.CountAsync(TestContext.Current.CancellationToken);
    }

    private static async Task ActAsync(IPage page, CaseTrigger trigger)
    {
        await page.GetByTestId($"action-{trigger}").ClickAsync();
        if (trigger == CaseTrigger.Cancel)
        {
            await page.GetByTestId("dialog-confirm").ClickAsync();
        }
    }
}
