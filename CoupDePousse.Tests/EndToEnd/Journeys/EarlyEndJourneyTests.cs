using System.Text.RegularExpressions;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Journeys;

/// <summary>
/// Cases that end before any session: the person stops after the interview, or the request is excluded and referred.
/// Each step is checked on the screen of the role that sees it; the manager learns only that the case ended.
/// </summary>
public sealed partial class EarlyEndJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private const string Thomas = "Thomas Bernard";
    private const string Sophie = "Sophie Lefèvre";
    private const string Isabelle = "Isabelle Fontaine";
    private const string Marc = "Marc Lambert";

    [Fact]
    public async Task A_beneficiary_who_stops_after_the_interview_leaves_the_manager_only_an_ended_status()
    {
        // The manager proposes a coup de pousse to Thomas, from their team.
        var manager = await SignInAsync(DemoUsers.Manager);
        var caseId = await ProposeAsync(manager, new Proposal(Thomas, CoachingDomain.StrategyAndTactics, "problem-strategy",
            "Thomas défend le projet de réorganisation des plannings devant la direction. " + Marker("stop-journey")));
        await Expect(manager.Locator("[data-testid=case-status]")).ToHaveAttributeAsync("data-status", nameof(CoarseStatus.Proposed));

        // HR assigns Isabelle; Thomas sees the offer with her name and agrees to meet.
        var hr = await SignInAsync(DemoUsers.Hr);
        await AssignAsync(hr, caseId, Isabelle);
        var thomas = await SignInAsync(DemoUsers.Beneficiary2);
        await OpenCaseAsync(thomas, caseId);
        await Expect(thomas.Locator("[data-testid=offer]")).ToContainTextAsync(Isabelle);
        await AgreeToMeetAsync(thomas, caseId);

        // Isabelle holds and records the interview.
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        await RecordInterviewAsync(isabelle, caseId);

        // Thomas, back on his page, chooses to stop: a gentle confirmation, no reason asked.
        await OpenCaseAsync(thomas, caseId);
        await Expect(thomas.Locator("[data-testid=decision]")).ToBeVisibleAsync();
        await thomas.Locator("[data-testid=action-Stop]").ClickAsync();
        var dialog = thomas.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("input, textarea, select, [contenteditable=true]")).ToHaveCountAsync(0);
        await dialog.Locator("[data-testid=stop-confirm]").ClickAsync();
        await ExpectStateAsync(thomas, CaseState.Declined);
        await ExpectOutcomeAsync(thomas, CaseOutcome.StoppedAfterInterview);
        await Expect(thomas.Locator("[data-testid^=action-]")).ToHaveCountAsync(0);

        // HR sees how it ended.
        await OpenCaseAsync(hr, caseId);
        await ExpectStateAsync(hr, CaseState.Declined);
        await ExpectOutcomeAsync(hr, CaseOutcome.StoppedAfterInterview);

        // Isabelle too, with nothing left to do.
        await OpenCaseAsync(isabelle, caseId);
        await ExpectOutcomeAsync(isabelle, CaseOutcome.StoppedAfterInterview);

        // The manager: "Ended", nothing of how or why, in French and in English.
        await ManagerSeesOnlyEndedAsync(manager, caseId, []);
        await manager.Locator("[data-testid=culture-en]").ClickAsync();
        await SettleAsync(manager);
        await Expect(manager.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"));
        await ManagerSeesOnlyEndedAsync(manager, caseId, []);
    }

    [Fact]
    public async Task An_excluded_request_is_referred_and_ends()
    {
        var referralNote = Marker("Prendre rendez-vous avec le programme d’aide, qui vous rappellera sous 48 h");

        var manager = await SignInAsync(DemoUsers.Manager);
        var caseId = await ProposeAsync(manager, new Proposal(Sophie, CoachingDomain.ManagementAndCommunication, "public-speaking",
            "Sophie doit présenter le bilan de son équipe au comité. " + Marker("exclude-journey")));

        var hr = await SignInAsync(DemoUsers.Hr);
        await AssignAsync(hr, caseId, Marc);
        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        await AgreeToMeetAsync(sophie, caseId);

        // At the interview, Marc finds the request is not for a coup de pousse: he excludes it and refers Sophie.
        var marc = await SignInAsync(DemoUsers.Intervener2);
        await RecordInterviewAsync(marc, caseId);
        await ExcludeAsync(marc, caseId, ReferralKind.EmployeeAssistance, referralNote);
        await ExpectOutcomeAsync(marc, CaseOutcome.ExcludedWithReferral);
        await Expect(marc.Locator("[data-testid=referral-note]")).ToHaveTextAsync(referralNote);

        // Sophie sees where to turn, with Marc's note.
        await OpenCaseAsync(sophie, caseId);
        await ExpectStateAsync(sophie, CaseState.Declined);
        await ExpectOutcomeAsync(sophie, CaseOutcome.ExcludedWithReferral);
        await Expect(sophie.Locator("[data-testid=end-of-case]")).ToContainTextAsync(Text("Referral.EmployeeAssistance"));
        await Expect(sophie.Locator("[data-testid=referral-note]")).ToHaveTextAsync(referralNote);
        await Expect(sophie.Locator("[data-testid^=action-]")).ToHaveCountAsync(0);

        // HR sees the outcome, never the note.
        await OpenCaseAsync(hr, caseId);
        await ExpectStateAsync(hr, CaseState.Declined);
        await ExpectOutcomeAsync(hr, CaseOutcome.ExcludedWithReferral);
        await Expect(hr.Locator("[data-testid=referral-note], [data-testid=end-of-case]")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(hr, [referralNote], "HR never reads the referral note");

        // The manager: only "Ended".
        await ManagerSeesOnlyEndedAsync(manager, caseId,
            [referralNote, Text("Referral.EmployeeAssistance"), Text("Referral.Title"), Text("Referral.Explain")]);
    }

    /// <summary>The manager's case page and dashboard say "Ended" and nothing of the outcome, the state or the stop.</summary>
    private static async Task ManagerSeesOnlyEndedAsync(IPage manager, Guid caseId, IReadOnlyList<string> alsoForbidden)
    {
        var forbidden = OutcomeLabels(Enum.GetValues<CaseOutcome>()).Concat(alsoForbidden)
            .Concat([CaseState.Declined.Label(French), CaseState.Declined.Label(English)]).ToList();

        await OpenCaseAsync(manager, caseId);
        await Expect(manager.Locator("[data-testid=case-page]")).ToHaveAttributeAsync("data-relation", "Proposer");
        await Expect(manager.Locator("[data-testid=case-status]")).ToHaveAttributeAsync("data-status", nameof(CoarseStatus.Ended));
        await Expect(manager.Locator("[data-testid=case-state], [data-testid=case-outcome], [data-testid=case-history]")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(manager, forbidden, "a manager sees only the coarse status");
        await ShouldNotSpeakOfStoppingAsync(manager);

        await OpenAsync(manager, "/");
        var row = manager.Locator($"[data-testid=case-row][data-case-id='{caseId}']");
        await Expect(row.Locator("[data-testid=coarse-status]")).ToHaveAttributeAsync("data-status", nameof(CoarseStatus.Ended));
        await Expect(manager.Locator("[data-testid=dashboard] [data-state]")).ToHaveCountAsync(0);
        await ShouldNotContainAnyAsync(manager, forbidden, "a manager's dashboard shows only coarse statuses");
        await ShouldNotSpeakOfStoppingAsync(manager);
    }

    /// <summary>No word of stopping, in French or English, in what the manager reads or in the page's markup.</summary>
    private static async Task ShouldNotSpeakOfStoppingAsync(IPage page)
    {
        var (html, text) = await WholePageAsync(page);
        StopWording().Matches(text).Select(m => m.Value).Should().BeEmpty("the manager may not learn that the person stopped ({0})", page.Url);
        StopMarkup().Matches(html).Select(m => m.Value).Should().BeEmpty("the markup tells the manager nothing of a stop ({0})", page.Url);
    }

    [GeneratedRegex(@"\b(stop\w*|arr[êe]t\w*|interromp\w*|interrupt\w*|d[ée]clin\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex StopWording();

    [GeneratedRegex(@"(Stopped\w*|StoppedAfterInterview|ExcludedWithReferral|""Declined""|data-outcome|data-trigger=""Stop"")")]
    private static partial Regex StopMarkup();
}
