using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Journeys;

/// <summary>One coup de pousse from the manager's proposal to the beneficiary's rating, each step seen by the role concerned.</summary>
public sealed class FullJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private const string Sophie = "Sophie Lefèvre";
    private const string Isabelle = "Isabelle Fontaine";

    [Fact]
    public async Task A_coup_de_pousse_goes_from_proposal_to_rated_objectives()
    {
        var manager = await SignInAsync(DemoUsers.Manager);
        var hr = await SignInAsync(DemoUsers.Hr);
        var beneficiary = await SignInAsync(DemoUsers.Beneficiary);
        var intervener = await SignInAsync(DemoUsers.Intervener);

        // The manager proposes, walking through the six points of presenting the offer.
        await OpenDashboardAsync(manager);
        await manager.GetByTestId("propose-button").ClickAsync();
        await Expect(manager.GetByTestId("offer-checklist")).ToBeVisibleAsync();
        var caseId = await ProposeAsync(manager, new Proposal(Sophie));
        await ExpectManagerSeesAsync(manager, caseId, CoarseStatus.Proposed);

        // The beneficiary finds the offer on the dashboard; no intervener yet, so she may only decline for now.
        await OpenDashboardAsync(beneficiary);
        await Expect(beneficiary.Locator($"[data-testid=proposal-received][data-case-id='{caseId}']")).ToBeVisibleAsync();
        await Expect(CaseRow(beneficiary, caseId).Locator("[data-state]")).ToHaveAttributeAsync("data-state", nameof(CaseState.Proposed));
        await OpenCaseAsync(beneficiary, caseId);
        await ExpectStateAsync(beneficiary, CaseState.Proposed);
        await Expect(beneficiary.GetByTestId("offer")).ToBeVisibleAsync();
        await Expect(beneficiary.GetByTestId("action-Decline")).ToBeVisibleAsync();
        await Expect(beneficiary.GetByTestId("action-AgreeToMeet")).ToHaveCountAsync(0);

        // HR sees the case to assign and is offered only interveners covering its domain.
        await OpenDashboardAsync(hr);
        await Expect(CaseRow(hr, caseId).GetByTestId("hr-todo")).ToHaveAttributeAsync("data-todo", "Hr.Todo.Assign");
        var offered = await AssignAsync(hr, caseId, Isabelle);
        offered.Should().Contain(o => o.Contains(Isabelle));
        offered.Should().OnlyContain(o => o.Contains(DomainLabel(CoachingDomain.ManagementAndCommunication)),
            "only interveners covering Management and communication fit this case");
        await ExpectStateAsync(hr, CaseState.Proposed);

        // Now the beneficiary may agree to meet Isabelle.
        await AgreeToMeetAsync(beneficiary, caseId);
        await ExpectManagerSeesAsync(manager, caseId, CoarseStatus.InProgress);

        // The intervener is told to declare whether they have a conflict of interest first, then to record the interview, and does.
        await OpenDashboardAsync(intervener);
        await Expect(CaseRow(intervener, caseId).GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "Next.DeclareConflict");
        await DeclareNoConflictAsync(intervener, caseId);
        await OpenDashboardAsync(intervener);
        await Expect(CaseRow(intervener, caseId).GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "Next.RecordInterview");
        await RecordInterviewAsync(intervener, caseId);

        await ContinueAsync(beneficiary, caseId);
        await ExpectStateAsync(beneficiary, CaseState.PreliminaryInterview);

        // Each party validates the criteria it owns; the last verdict accepts the case. HR judges on the impact on the work, never the situation.
        await OpenCaseAsync(hr, caseId);
        await Expect(hr.GetByTestId("case-work-impact")).ToContainTextAsync("désorganisent le planning");
        await Expect(hr.GetByTestId("case-description")).ToHaveCountAsync(0);
        await Expect(hr.GetByTestId("situation-withheld")).ToBeVisibleAsync();
        await RecordVerdictsAsync(hr, "company", CompanyCriteria);
        await ExpectStateAsync(hr, CaseState.PreliminaryInterview);
        await OpenCaseAsync(intervener, caseId);
        await RecordVerdictsAsync(intervener, "intervener", IntervenerCriteria);
        await ExpectStateAsync(intervener, CaseState.Accepted);

        await OpenCaseAsync(beneficiary, caseId);
        await ExpectStateAsync(beneficiary, CaseState.Accepted);
        await OpenCaseAsync(hr, caseId);
        await ExpectStateAsync(hr, CaseState.Accepted);
        await Expect(hr.GetByTestId("hours-budget")).ToHaveAttributeAsync("data-minutes", "360");
        await ExpectManagerSeesAsync(manager, caseId, CoarseStatus.InProgress);

        // Accepting the case drew up the three-way agreement: HR sees nobody has accepted it yet; the beneficiary reads it in plain words.
        await Expect(hr.GetByTestId("agreement-panel")).ToHaveAttributeAsync("data-in-force", "false");
        await Expect(hr.Locator("[data-testid=agreement-party][data-accepted=true]")).ToHaveCountAsync(0);
        await OpenCaseAsync(beneficiary, caseId);
        await beneficiary.GetByTestId("agreement-open").ClickAsync();
        await Expect(beneficiary.GetByTestId("agreement-page")).ToHaveAttributeAsync("data-version", "1");
        await Expect(beneficiary.Locator("[data-testid=agreement-section][data-kind=RightToStop]")).ToContainTextAsync("sans donner de raison");
        await Expect(beneficiary.Locator("[data-testid=agreement-section][data-kind=Engagement]")).ToContainTextAsync("6 h");
        await Expect(beneficiary.Locator("[data-testid=agreement-section][data-kind=Confidentiality]")).ToContainTextAsync("risque grave et imminent");

        // The intervener drafts an objective; the beneficiary rewords it and sets it.
        await OpenCaseAsync(intervener, caseId);
        await FillTextAsync(intervener.GetByTestId("field-objective-1-statement"), "Mener les deux entretiens");
        await FillTextAsync(intervener.GetByTestId("field-objective-1-success"), "Les deux entretiens ont eu lieu");
        await ClickAndWaitForHistoryAsync(intervener, intervener.GetByTestId("action-DraftObjectives"), CaseTrigger.DraftObjectives);

        await OpenCaseAsync(beneficiary, caseId);
        await Expect(beneficiary.GetByTestId("objectives-from-drafts")).ToBeVisibleAsync();
        await Expect(beneficiary.GetByTestId("field-objective-1-statement")).ToHaveValueAsync("Mener les deux entretiens");
        await FillTextAsync(beneficiary.GetByTestId("field-objective-1-statement"), "Mener mes deux entretiens avec assurance");
        await SetObjectivesAsync(beneficiary, 3);

        await OpenCaseAsync(intervener, caseId);
        await ExpectStateAsync(intervener, CaseState.ObjectivesSet);
        await Expect(intervener.GetByTestId("objective")).ToHaveCountAsync(1);
        await Expect(intervener.GetByTestId("objective")).ToContainTextAsync("Mener mes deux entretiens avec assurance");

        // Between sessions: the intervener shares a resource of the library and sets an action; the beneficiary reads both and ticks it; HR sees none of it.
        await intervener.GetByTestId("library").Locator("summary").ClickAsync();
        var choice = intervener.GetByTestId("library-choice").First;
        var resourceId = await choice.GetAttributeAsync("data-resource-id");
        await choice.GetByTestId("resource-share").ClickAsync();
        await Expect(intervener.Locator($"[data-testid=shared-resource][data-resource-id='{resourceId}']")).ToHaveCountAsync(1);
        var action = Marker("Action entre séances");
        await FillTextAsync(intervener.GetByTestId("field-between-item-text"), action);
        await intervener.GetByTestId("between-item-add").ClickAsync();
        await Expect(intervener.GetByTestId("between-item").Filter(new() { HasText = action })).ToHaveAttributeAsync("data-done", "false");
        await OpenCaseAsync(beneficiary, caseId);
        await Expect(beneficiary.Locator($"[data-testid=shared-resource][data-resource-id='{resourceId}']")).ToHaveCountAsync(1);
        var item = beneficiary.GetByTestId("between-item").Filter(new() { HasText = action });
        await item.GetByTestId("between-item-done").CheckAsync();
        await Expect(item).ToHaveAttributeAsync("data-done", "true");
        await OpenCaseAsync(intervener, caseId);
        await Expect(intervener.GetByTestId("between-item").Filter(new() { HasText = action })).ToHaveAttributeAsync("data-done", "true");
        await OpenCaseAsync(hr, caseId);
        await Expect(hr.GetByTestId("case-page")).ToBeVisibleAsync();
        await Expect(hr.Locator("[data-testid=between-sessions], [data-testid=shared-resource], [data-testid=between-item]")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(hr, [action], "the actions between sessions are the beneficiary's and the intervener's only");

        // No session before the three acceptances: the intervener is not offered to log one and is told to accept first.
        await Expect(intervener.GetByTestId("action-LogSession")).ToHaveCountAsync(0);
        await Expect(intervener.GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "Next.AcceptAgreement");
        await AcceptAgreementByAllAsync(beneficiary, intervener, hr, caseId);
        await OpenCaseAsync(intervener, caseId);
        await Expect(intervener.GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "Next.FirstSession");

        // Sessions up to the budget: 3 h + 3 h of the default 6 h.
        await LogSessionAsync(intervener, 180);
        await ExpectStateAsync(intervener, CaseState.InSessions);
        await Expect(intervener.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "180");
        await LogSessionAsync(intervener, 180);
        await Expect(intervener.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "360");
        await Expect(intervener.GetByTestId("hours-budget")).ToHaveAttributeAsync("data-minutes", "360");
        await Expect(intervener.GetByTestId("hours-warning")).ToBeVisibleAsync();

        // One more hour is refused: the budget is spent, and nothing changes.
        await FillNumberAsync(intervener.GetByTestId("field-session-minutes"), 60);
        await intervener.GetByTestId("action-LogSession").ClickAsync();
        await Expect(intervener.GetByTestId("error-message")).ToHaveAttributeAsync("data-error-code", "session.over_budget");
        await Expect(intervener.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "360");
        await Expect(intervener.GetByTestId("session")).ToHaveCountAsync(2);
        await OpenCaseAsync(intervener, caseId);
        await Expect(intervener.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "360");
        await Expect(intervener.GetByTestId("session")).ToHaveCountAsync(2);

        // The intervener asks for one more hour; HR sees it waiting and approves it.
        await FillNumberAsync(intervener.GetByTestId("field-extension-minutes"), 60);
        await intervener.GetByTestId("extension-category-MoreSessionsNeeded").CheckAsync();
        await FillTextAsync(intervener.GetByTestId("field-extension-comment"), "Un dernier point après le second entretien.");
        await intervener.GetByTestId("action-RequestExtension").ClickAsync();
        await Expect(intervener.GetByTestId("extension")).ToHaveAttributeAsync("data-status", nameof(ExtensionStatus.Pending));

        await OpenDashboardAsync(hr);
        await Expect(CaseRow(hr, caseId).GetByTestId("hr-todo")).ToHaveAttributeAsync("data-todo", "Hr.Todo.Extension");
        await OpenCaseAsync(hr, caseId);
        await Expect(hr.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "360");
        await ClickConfirmingOverEnvelopeAsync(hr, hr.GetByTestId("action-ApproveExtension"), CaseTrigger.ApproveExtension);
        await Expect(hr.GetByTestId("extension")).ToHaveAttributeAsync("data-status", nameof(ExtensionStatus.Approved));
        await Expect(hr.GetByTestId("hours-budget")).ToHaveAttributeAsync("data-minutes", "420");
        await Expect(hr.GetByTestId("extension-category")).ToHaveAttributeAsync("data-category", nameof(ExtensionCategory.MoreSessionsNeeded));
        await Expect(hr.GetByTestId("extension-comment")).ToContainTextAsync("Un dernier point");

        // The extra hour amends the agreement: no session until the beneficiary accepts version 2.
        await OpenCaseAsync(intervener, caseId);
        await Expect(intervener.GetByTestId("agreement-panel")).ToHaveAttributeAsync("data-version", "2");
        await Expect(intervener.GetByTestId("action-LogSession")).ToHaveCountAsync(0);
        await Expect(intervener.GetByTestId("next-step")).ToHaveAttributeAsync("data-step", "Next.WaitAgreement");
        await AcceptAgreementAsync(beneficiary, caseId, AgreementParty.Beneficiary);
        await Expect(beneficiary.GetByTestId("agreement-panel")).ToHaveAttributeAsync("data-in-force", "true");
        await Expect(beneficiary.GetByTestId("agreement-version")).ToHaveCountAsync(2);

        // Now the hour goes in.
        await OpenCaseAsync(intervener, caseId);
        await Expect(intervener.GetByTestId("hours-budget")).ToHaveAttributeAsync("data-minutes", "420");
        await LogSessionAsync(intervener, 60);
        await Expect(intervener.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "420");
        await Expect(intervener.GetByTestId("session")).ToHaveCountAsync(3);

        // The intervener closes with a summary.
        await intervener.GetByTestId("action-Close").ClickAsync();
        await intervener.GetByTestId("field-closing-summary").FillAsync("Les deux entretiens ont eu lieu ; Sophie garde sa grille de préparation.");
        await intervener.GetByTestId("dialog-confirm").ClickAsync();
        await ExpectStateAsync(intervener, CaseState.Closed);

        // The beneficiary reads the summary and rates her objective.
        await OpenCaseAsync(beneficiary, caseId);
        await ExpectStateAsync(beneficiary, CaseState.Closed);
        await Expect(beneficiary.GetByTestId("closing-summary")).ToContainTextAsync("grille de préparation");
        await Expect(beneficiary.GetByTestId("hours-used")).ToHaveAttributeAsync("data-minutes", "420");
        await Expect(beneficiary.GetByTestId("extension-category")).ToHaveAttributeAsync("data-category", nameof(ExtensionCategory.MoreSessionsNeeded));
        await Expect(beneficiary.GetByTestId("extension-comment")).ToHaveCountAsync(0);
        await Expect(beneficiary.GetByTestId("case-description")).ToContainTextAsync("Deux entretiens difficiles");
        await beneficiary.GetByTestId("rating-1-Reached").CheckAsync();
        await FillNumberAsync(beneficiary.GetByTestId("field-objective-1-after"), 8);
        await ClickAndWaitForHistoryAsync(beneficiary, beneficiary.GetByTestId("action-RateObjectives"), CaseTrigger.RateObjectives);
        await Expect(beneficiary.GetByTestId("objective")).ToHaveAttributeAsync("data-rating", nameof(ObjectiveRating.Reached));

        // Before and after: her progress from 3 to 8, her satisfaction with a word for Isabelle; HR's case page shows none of it, its statistics at most an average.
        await Expect(beneficiary.GetByTestId("progress-row")).ToHaveAttributeAsync("data-before", "3");
        await Expect(beneficiary.GetByTestId("progress-row")).ToHaveAttributeAsync("data-after", "8");
        const string satisfactionWord = "Merci Isabelle, la grille m’a servi deux fois.";
        await FillNumberAsync(beneficiary.GetByTestId("field-satisfaction-score"), 9);
        await FillTextAsync(beneficiary.GetByTestId("field-satisfaction-comment"), satisfactionWord);
        await ClickAndWaitForHistoryAsync(beneficiary, beneficiary.GetByTestId("action-RateSatisfaction"), CaseTrigger.RateSatisfaction);
        await Expect(beneficiary.GetByTestId("satisfaction-answer")).ToHaveAttributeAsync("data-score", "9");
        await OpenCaseAsync(intervener, caseId);
        await Expect(intervener.GetByTestId("satisfaction-comment")).ToContainTextAsync(satisfactionWord);
        await Expect(intervener.GetByTestId("progress-row")).ToHaveAttributeAsync("data-after", "8");
        await OpenCaseAsync(hr, caseId);
        await Expect(hr.GetByTestId("objective-progress")).ToHaveCountAsync(0);
        await Expect(hr.GetByTestId("satisfaction-answer")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(hr, [satisfactionWord], "the word is for the intervener");
        await OpenAsync(hr, "/pipeline");
        await Expect(hr.GetByTestId("pipeline-matching")).ToBeVisibleAsync();
        await Expect(hr.GetByTestId("progress-row")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(hr, [satisfactionWord], "HR's statistics hold averages only");

        // The intervener drafts the text meant for the company; the beneficiary approves these exact words.
        const string companyText = "Sophie a mené ses deux entretiens ; l’accompagnement est terminé.";
        await OpenCaseAsync(intervener, caseId);
        await intervener.GetByTestId("field-company-text").FillAsync(companyText);
        await ClickAndWaitForHistoryAsync(intervener, intervener.GetByTestId("company-text-save"), CaseTrigger.DraftCompanyText);
        await Expect(intervener.GetByTestId("company-text-status")).ToHaveAttributeAsync("data-status", nameof(CompanyTextStatus.AwaitingApproval));
        await OpenCaseAsync(beneficiary, caseId);
        await beneficiary.GetByTestId("company-text-approve").ClickAsync();
        await Expect(beneficiary.GetByTestId("company-text-confirm-text")).ToHaveTextAsync(companyText);
        await ClickAndWaitForHistoryAsync(beneficiary, beneficiary.GetByTestId("company-text-approve-confirm"), CaseTrigger.ApproveCompanyText);
        await Expect(beneficiary.GetByTestId("company-text-status")).ToHaveAttributeAsync("data-status", nameof(CompanyTextStatus.Approved));

        // HR sees the end without the summary; the manager, only "ended".
        await OpenCaseAsync(hr, caseId);
        await ExpectStateAsync(hr, CaseState.Closed);
        await Expect(hr.GetByTestId("case-outcome")).ToHaveAttributeAsync("data-outcome", nameof(CaseOutcome.Completed));
        await Expect(hr.GetByTestId("closing-summary")).ToHaveCountAsync(0);
        await Expect(hr.GetByTestId("company-text-approved")).ToContainTextAsync(companyText);
        await Expect(hr.GetByTestId("company-text")).ToHaveCountAsync(0);
        await ExpectManagerSeesAsync(manager, caseId, CoarseStatus.Ended);
    }

    private static async Task LogSessionAsync(IPage intervener, int minutes)
    {
        var sessions = intervener.GetByTestId("session");
        var before = await sessions.CountAsync();
        await FillNumberAsync(intervener.GetByTestId("field-session-minutes"), minutes);
        await intervener.GetByTestId("action-LogSession").ClickAsync();
        await Expect(sessions).ToHaveCountAsync(before + 1);
    }
}
