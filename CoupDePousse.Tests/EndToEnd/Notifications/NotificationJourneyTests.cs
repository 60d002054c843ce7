using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.EndToEnd.Support;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Notifications;

/// <summary>The bell counts what waits on each person, clears once read, and tells a manager only the coarse moves.</summary>
public sealed class NotificationJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task The_bell_counts_what_waits_on_the_beneficiary_clears_once_read_and_tells_the_manager_only_in_progress()
    {
        var marker = Marker("notification-journey");
        var manager = await SignInAsync(DemoUsers.Manager);
        var caseId = await ProposeAsync(manager, new Proposal("Thomas Bernard", CoachingDomain.StrategyAndTactics, "problem-strategy",
            "Thomas prépare un arbitrage délicat entre deux projets. " + marker));
        var hr = await SignInAsync(DemoUsers.Hr);
        await AssignAsync(hr, caseId, "Isabelle Fontaine");

        var thomas = await SignInAsync(DemoUsers.Beneficiary2);
        await OpenAsync(thomas, "/notifications");
        await Expect(thomas.GetByTestId("notification-count")).ToBeVisibleAsync();
        await Expect(thomas.Locator($"[data-testid=notification-row][data-kind={NotificationKind.ProposalToAnswer}] [data-testid=notification-link][href='/cases/{caseId}']").First)
            .ToBeVisibleAsync();
        await thomas.GetByTestId("notifications-mark-all-read").ClickAsync();
        await Expect(thomas.GetByTestId("notification-unread")).ToHaveCountAsync(0);
        await Expect(thomas.GetByTestId("notification-count")).ToHaveCountAsync(0);
        await Expect(thomas.GetByTestId("notification-bell")).ToHaveAttributeAsync("aria-label", "Notifications");

        await AgreeToMeetAsync(thomas, caseId);

        await OpenAsync(manager, "/notifications");
        await Expect(manager.Locator($"[data-testid=notification-row][data-kind={NotificationKind.ProposalInProgress}]").First).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("notification-count")).ToBeVisibleAsync();
        var kinds = await manager.Locator("[data-testid=notification-row]").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.kind)");
        kinds.Should().OnlyContain(kind => kind == nameof(NotificationKind.ProposalInProgress) || kind == nameof(NotificationKind.ProposalEnded));
        await ShouldNotContainAnyAsync(manager, [marker, "Isabelle"], "a manager's notifications carry no case content");
    }
}
