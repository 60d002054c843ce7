using System.Text.RegularExpressions;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Steps;

/// <summary>
/// The lifecycle steps of the journeys, each done through the UI by the role that does it, and each waiting for the
/// proof that it took effect (a new state, a verdict, a history entry) before it returns. Pages passed in are
/// signed in already (EndToEndTest.SignInAsync); every step opens the case page afresh, as a person coming back would.
/// </summary>
public static partial class CaseFlows
{
    /// <summary>What a proposal says; the defaults are a plausible Management and communication request.</summary>
    public sealed record Proposal(
        string BeneficiaryName,
        CoachingDomain Domain = CoachingDomain.ManagementAndCommunication,
        string Topic = "difficult-conversations",
        string Description = "Deux entretiens difficiles à mener avec l’équipe dans les prochaines semaines.",
        string WorkImpact = "Les retards répétés désorganisent le planning de l’équipe.",
        string Timing = "Dans le mois");

    /// <summary>The acceptance criteria each party owns (company = HR).</summary>
    public static readonly int[] CompanyCriteria = [1, 2, 3, 4, 7];

    public static readonly int[] IntervenerCriteria = [1, 3, 4, 5, 6];

    /// <summary>A manager or HR proposes through /cases/new; a manager confirms the six-point checklist. Returns the new case's id.</summary>
    public static async Task<Guid> ProposeAsync(IPage proposer, Proposal proposal, bool doubleClick = false)
    {
        await OpenAsync(proposer, "/cases/new");
        var form = proposer.GetByTestId("proposal-form");
        await Expect(form).ToBeVisibleAsync();

        await ChooseAsync(proposer, "field-beneficiary", proposal.BeneficiaryName);
        await proposer.GetByTestId($"field-domain-{proposal.Domain}").CheckAsync();
        await proposer.GetByTestId($"field-topic-{proposal.Topic}").CheckAsync();
        await proposer.GetByTestId("field-description").FillAsync(proposal.Description);
        await proposer.GetByTestId("field-work-impact").FillAsync(proposal.WorkImpact);
        await proposer.GetByTestId("field-timing").FillAsync(proposal.Timing);

        var checklist = proposer.GetByTestId("offer-checklist");
        if (await checklist.CountAsync() > 0)
        {
            for (var item = 1; item <= 6; item++)
            {
                await proposer.GetByTestId($"field-checklist-{item}").CheckAsync();
            }
        }

        var submit = proposer.GetByTestId("propose-submit");
        await (doubleClick ? submit.DblClickAsync() : submit.ClickAsync());
        await Expect(proposer).ToHaveURLAsync(CasePath());
        var id = Guid.Parse(CasePath().Match(proposer.Url).Groups["id"].Value);
        await Expect(proposer.GetByTestId("case-page")).ToHaveAttributeAsync("data-case-id", id.ToString());
        return id;
    }

    /// <summary>Opens the signed-in role's dashboard and waits for it to be live.</summary>
    public static async Task OpenDashboardAsync(IPage page)
    {
        await OpenAsync(page, "/");
        await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
    }

    /// <summary>The manager's case page: the coarse status only, never the lifecycle state nor the hours.</summary>
    public static async Task ExpectManagerSeesAsync(IPage manager, Guid caseId, CoarseStatus status)
    {
        await OpenCaseAsync(manager, caseId);
        await Expect(manager.GetByTestId("case-page")).ToHaveAttributeAsync("data-relation", "Proposer");
        await Expect(manager.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", status.ToString());
        await Expect(manager.GetByTestId("case-state")).ToHaveCountAsync(0);
        await Expect(manager.GetByTestId("case-outcome")).ToHaveCountAsync(0);
        await Expect(manager.GetByTestId("hours-used")).ToHaveCountAsync(0);
        await Expect(manager.GetByTestId("case-history")).ToHaveCountAsync(0);

        await OpenDashboardAsync(manager);
        var row = CaseRow(manager, caseId);
        await Expect(row.GetByTestId("coarse-status")).ToHaveAttributeAsync("data-status", status.ToString());
        await Expect(row.Locator("[data-state]")).ToHaveCountAsync(0);
    }

    /// <summary>HR opens the case and assigns the intervener whose name is given; returns the names offered.</summary>
    public static async Task<IReadOnlyList<string>> AssignAsync(IPage hr, Guid caseId, string intervenerName)
    {
        await OpenCaseAsync(hr, caseId);
        await Expect(hr.GetByTestId("assign")).ToBeVisibleAsync();
        var offered = await ChooseAsync(hr, "field-intervener-select", intervenerName);
        // A known conflict of interest (left by an earlier journey's case, say) is overridden as HR would: with a reason.
        // Either the warning shows or the button is ready: wait for one of the two before deciding.
        var conflict = hr.GetByTestId("conflict-detected");
        await Expect(conflict.Or(hr.Locator("[data-testid=action-AssignIntervener]:not([disabled])"))).ToBeVisibleAsync();
        if (await conflict.CountAsync() > 0)
        {
            await FillTextAsync(hr.GetByTestId("field-conflict-override-reason"), "Seul intervenant disponible sur ce domaine");
            await Expect(hr.GetByTestId("action-AssignIntervener")).ToBeEnabledAsync();
        }

        await ClickConfirmingOverEnvelopeAsync(hr, hr.GetByTestId("action-AssignIntervener"), CaseTrigger.AssignIntervener);
        return offered;
    }

    /// <summary>The beneficiary accepts to meet the assigned intervener: the case goes to PreliminaryInterview.</summary>
    public static async Task AgreeToMeetAsync(IPage beneficiary, Guid caseId)
    {
        await OpenCaseAsync(beneficiary, caseId);
        await Expect(beneficiary.GetByTestId("offer")).ToBeVisibleAsync();
        await beneficiary.GetByTestId("action-AgreeToMeet").ClickAsync();
        await ExpectStateAsync(beneficiary, CaseState.PreliminaryInterview);
    }

    /// <summary>The assigned intervener declares, on the case page, that they have no conflict of interest with the person.</summary>
    public static async Task DeclareNoConflictAsync(IPage intervener, Guid caseId)
    {
        await OpenCaseAsync(intervener, caseId);
        await DeclareNoConflictOnOpenCaseAsync(intervener);
    }

    private static async Task DeclareNoConflictOnOpenCaseAsync(IPage intervener)
    {
        await ClickAndWaitForHistoryAsync(intervener, intervener.GetByTestId("action-DeclareNoConflict"), CaseTrigger.DeclareNoConflict);
        await Expect(intervener.GetByTestId("conflict-declaration")).ToHaveAttributeAsync("data-status", nameof(ConflictDeclarationStatus.NoConflict));
    }

    /// <summary>The intervener records the free preliminary interview (today, 60 min by default), first declaring no conflict of interest if not yet done.</summary>
    public static async Task RecordInterviewAsync(IPage intervener, Guid caseId, int minutes = 60)
    {
        await OpenCaseAsync(intervener, caseId);
        await ExpectStateAsync(intervener, CaseState.PreliminaryInterview);
        var declaration = intervener.GetByTestId("conflict-declaration");
        await Expect(declaration).ToBeVisibleAsync();
        if (await declaration.GetAttributeAsync("data-status") == nameof(ConflictDeclarationStatus.NotDeclared))
        {
            await DeclareNoConflictOnOpenCaseAsync(intervener);
        }

        await FillNumberAsync(intervener.GetByTestId("field-interview-minutes"), minutes);
        await ClickAndWaitForHistoryAsync(intervener, intervener.GetByTestId("action-RecordInterview"), CaseTrigger.RecordInterview);
        await Expect(intervener.GetByTestId("action-RecordInterview")).ToHaveCountAsync(0);
    }

    /// <summary>After the interview, the beneficiary chooses to continue.</summary>
    public static async Task ContinueAsync(IPage beneficiary, Guid caseId)
    {
        await OpenCaseAsync(beneficiary, caseId);
        await Expect(beneficiary.GetByTestId("decision")).ToBeVisibleAsync();
        await ClickAndWaitForHistoryAsync(beneficiary, beneficiary.GetByTestId("action-Continue"), CaseTrigger.Continue);
        await Expect(beneficiary.GetByTestId("action-Continue")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The signed-in party (HR for the company, or the intervener) records its verdicts on the case page already open;
    /// each verdict is awaited on screen before the next.
    /// </summary>
    public static async Task RecordVerdictsAsync(IPage page, string party, IEnumerable<int> criteria, bool validated = true, string? comment = null)
    {
        foreach (var criterion in criteria)
        {
            if (comment is not null)
            {
                await page.GetByTestId($"field-verdict-{criterion}-comment").FillAsync(comment);
            }

            await page.GetByTestId($"verdict-{criterion}-{(validated ? "validate" : "refuse")}").ClickAsync();
            await Expect(page.GetByTestId($"verdict-{criterion}-{party}"))
                .ToHaveAttributeAsync("data-validated", validated ? "true" : "false");
        }
    }

    /// <summary>Proposal by <paramref name="proposer"/>, assignment, agreement, interview, continue: a case waiting for verdicts.</summary>
    public static async Task<Guid> BringToVerdictsAsync(IPage proposer, IPage hr, IPage beneficiary, IPage intervener,
        Proposal proposal, string intervenerName)
    {
        var caseId = await ProposeAsync(proposer, proposal);
        await AssignAsync(hr, caseId, intervenerName);
        await AgreeToMeetAsync(beneficiary, caseId);
        await RecordInterviewAsync(intervener, caseId);
        await ContinueAsync(beneficiary, caseId);
        return caseId;
    }

    /// <summary>
    /// One party accepts the three-way agreement from the case page's panel (the button, then the confirmation), and
    /// waits until the panel shows their acceptance. <paramref name="party"/> is the AgreementParty name.
    /// </summary>
    public static async Task AcceptAgreementAsync(IPage page, Guid caseId, AgreementParty party)
    {
        await OpenCaseAsync(page, caseId);
        var panel = page.GetByTestId("agreement-panel");
        await Expect(panel.Locator($"[data-testid=agreement-party][data-party={party}]")).ToHaveAttributeAsync("data-accepted", "false");
        await page.GetByTestId("action-AcceptAgreement").ClickAsync();
        await page.GetByTestId("agreement-accept-confirm").ClickAsync();
        await Expect(panel.Locator($"[data-testid=agreement-party][data-party={party}]")).ToHaveAttributeAsync("data-accepted", "true");
        await Expect(page.GetByTestId("action-AcceptAgreement")).ToHaveCountAsync(0);
    }

    /// <summary>The beneficiary, the intervener and HR each accept the agreement: sessions may then be logged.</summary>
    public static async Task AcceptAgreementByAllAsync(IPage beneficiary, IPage intervener, IPage hr, Guid caseId)
    {
        await AcceptAgreementAsync(beneficiary, caseId, AgreementParty.Beneficiary);
        await AcceptAgreementAsync(intervener, caseId, AgreementParty.Intervener);
        await AcceptAgreementAsync(hr, caseId, AgreementParty.Company);
        await Expect(hr.GetByTestId("agreement-panel")).ToHaveAttributeAsync("data-in-force", "true");
    }

    /// <summary>A row of the case in a list or dashboard (links and cards carry data-case-id).</summary>
    public static ILocator CaseRow(IPage page, Guid caseId) =>
        page.Locator($"[data-testid=case-row][data-case-id='{caseId}']");

    /// <summary>History entries of a trigger on the open case page (the newest eight are shown; opens them all first).</summary>
    public static async Task<ILocator> HistoryEntriesAsync(IPage page, CaseTrigger trigger)
    {
        var all = page.GetByTestId("history-all");
        if (await all.CountAsync() > 0)
        {
            await all.ClickAsync();
            await Expect(all).ToHaveCountAsync(0);
        }

        return page.Locator($"[data-testid=history-entry][data-trigger={trigger}]");
    }

    /// <summary>Clicks an action that may not change the state, and waits for its entry in the case history.</summary>
    public static async Task ClickAndWaitForHistoryAsync(IPage page, ILocator action, CaseTrigger trigger)
    {
        var entries = page.Locator($"[data-testid=history-entry][data-trigger={trigger}]");
        var before = await entries.CountAsync();
        await action.ClickAsync();
        await Expect(entries).ToHaveCountAsync(before + 1);
    }

    /// <summary>
    /// Clicks an action that commits money; when earlier journeys' cases have filled the year's envelope, HR confirms the
    /// commitment in the dialog as it would (decision 034). Returns whether the confirmation was asked.
    /// </summary>
    public static async Task<bool> ClickConfirmingOverEnvelopeAsync(IPage hr, ILocator action, CaseTrigger trigger)
    {
        var entries = hr.Locator($"[data-testid=history-entry][data-trigger={trigger}]");
        var before = await entries.CountAsync();
        await action.ClickAsync();
        var dialog = hr.GetByTestId("envelope-confirm-dialog");
        await Expect(dialog.Or(entries.Nth(before))).ToBeVisibleAsync();
        var asked = await dialog.CountAsync() > 0;
        if (asked)
        {
            await hr.GetByTestId("envelope-confirm-check").CheckAsync();
            await hr.GetByTestId("envelope-confirm").ClickAsync();
        }

        await Expect(entries).ToHaveCountAsync(before + 1);
        return asked;
    }

    /// <summary>A MudNumericField updates on change: fill it, then leave it so the value is bound before the next click.</summary>
    public static async Task FillNumberAsync(ILocator input, int value)
    {
        await input.FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The beneficiary sets the objectives in the editor, saying where they stand on each (0–10), in order.</summary>
    public static async Task SetObjectivesAsync(IPage beneficiary, params int[] startingScores)
    {
        for (var i = 0; i < startingScores.Length; i++)
        {
            await FillNumberAsync(beneficiary.GetByTestId($"field-objective-{i + 1}-before"), startingScores[i]);
        }

        await beneficiary.GetByTestId("action-SetObjectives").ClickAsync();
        await ExpectStateAsync(beneficiary, CaseState.ObjectivesSet);
    }

    /// <summary>A MudTextField updates on change: fill it and leave it.</summary>
    public static async Task FillTextAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>
    /// Opens the MudSelect whose input carries <paramref name="testId"/>, reads the options offered and picks the one
    /// containing <paramref name="optionText"/> (a person's name: data, not UI wording). Returns every option's text.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ChooseAsync(IPage page, string testId, string optionText)
    {
        var input = page.GetByTestId(testId);
        await page.Locator("div.mud-input-control").Filter(new LocatorFilterOptions { Has = input }).ClickAsync();
        var options = page.Locator(".mud-popover-open").GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        var texts = await options.AllInnerTextsAsync();
        await options.Filter(new LocatorFilterOptions { HasText = optionText }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open").GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        return texts;
    }

    /// <summary>The French label of a domain, as the intervener options list their domains.</summary>
    public static string DomainLabel(CoachingDomain domain) => CoachingCatalogue.Describe(domain).French;

    [GeneratedRegex(@"/cases/(?<id>[0-9a-fA-F-]{36})$")]
    private static partial Regex CasePath();
}
