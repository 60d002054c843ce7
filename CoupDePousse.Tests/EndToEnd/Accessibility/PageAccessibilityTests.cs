using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Accessibility;

/// <summary>axe-core on every page of every role, as each person sees it once the page has loaded.</summary>
public sealed class PageAccessibilityTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private readonly List<string> violations = [];
    private readonly List<string> checkedPages = [];

    [Fact]
    public async Task Every_page_of_every_role_has_no_serious_or_critical_accessibility_violation()
    {
        // Anonymous: the sign-in page and the not-found page.
        var anonymous = await NewPageAsync();
        await OpenStaticAsync(anonymous, "/Account/Login");
        await CheckAsync(anonymous, "login (anonymous)");
        await OpenStaticAsync(anonymous, $"/no-such-page-{Guid.NewGuid():N}");
        await Expect(anonymous.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await CheckAsync(anonymous, "not-found (anonymous)");
        await OpenStaticAsync(anonymous, "/Account/AcceptInvitation?userId=nobody&code=expired");
        await Expect(anonymous.Locator("[data-testid=error-message]")).ToBeVisibleAsync();
        await CheckAsync(anonymous, "accept invitation, link no longer valid (anonymous)");

        // The cases each role opens: Sophie's in sessions (Isabelle's, proposed by manager@) and Léa's under discussion (Marc's).
        var isabelle = await SignInAsync(DemoUsers.Intervener);
        var sophiesCase = await FindSophiesCaseInSessionsAsync(isabelle);
        await CheckAsync(isabelle, "intervener /cases");
        await CheckRolePagesAsync(isabelle, "intervener", ["/"]);
        await OpenCaseAsync(isabelle, sophiesCase);
        await CheckAsync(isabelle, "intervener case page (in sessions, notes editor)");
        await OpenAsync(isabelle, $"/cases/{sophiesCase}/meetings");
        await Expect(isabelle.Locator("[data-testid=meeting-form]")).ToBeVisibleAsync();
        await CheckAsync(isabelle, "intervener meetings page (offer form, a confirmed meeting)");
        await CheckStaticAsync(isabelle, "intervener", "/Account/Manage");

        var marc = await SignInAsync(DemoUsers.Intervener2);
        await CheckRolePagesAsync(marc, "intervener2", ["/", "/agenda", "/cases"]);
        var leasCase = await FirstCaseRowAsync(marc);
        await OpenCaseAsync(marc, leasCase);
        await CheckAsync(marc, "intervener2 case page (criteria)");

        var sophie = await SignInAsync(DemoUsers.Beneficiary);
        await CheckRolePagesAsync(sophie, "beneficiary", ["/", "/cases", "/cases/new", "/preferences", "/agenda"]);
        await OpenCaseAsync(sophie, sophiesCase);
        await CheckAsync(sophie, "beneficiary case page");
        await OpenAsync(sophie, $"/cases/{sophiesCase}/agreement");
        await Expect(sophie.Locator("[data-testid=agreement-page]")).ToBeVisibleAsync();
        await CheckAsync(sophie, "beneficiary agreement page");
        await OpenAsync(sophie, $"/cases/{sophiesCase}/meetings");
        await Expect(sophie.Locator("[data-testid=case-meeting]")).ToBeVisibleAsync();
        await CheckAsync(sophie, "beneficiary meetings page");
        await sophie.Locator("[data-testid=meeting-move]").First.ClickAsync();
        await Expect(sophie.Locator("[data-testid=meeting-move-form]")).ToBeVisibleAsync();
        await CheckAsync(sophie, "beneficiary meetings page (move form)");
        await OpenAsync(sophie, "/notifications");
        await Expect(sophie.Locator("[data-testid=notification-bell]")).ToBeVisibleAsync();
        await CheckAsync(sophie, "beneficiary notifications page");
        await OpenCaseAsync(sophie, sophiesCase);
        await sophie.Locator("[data-testid=action-Stop]").First.ClickAsync();
        await Expect(sophie.Locator(".mud-dialog")).ToBeVisibleAsync();
        await CheckAsync(sophie, "beneficiary stop dialog");
        await sophie.Locator("[data-testid=stop-dismiss]").ClickAsync();
        await CheckStaticAsync(sophie, "beneficiary", "/Account/Manage");
        await OpenAsync(sophie, $"/cases/{Guid.NewGuid()}");
        await Expect(sophie.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await CheckAsync(sophie, "not-found (signed in)");

        var thomas = await SignInAsync(DemoUsers.Beneficiary2);
        await CheckRolePagesAsync(thomas, "beneficiary2 (interview times to pick)", ["/"]);
        await thomas.Locator("[data-testid=agenda-next] [data-testid=meeting-page]").ClickAsync();
        await Expect(thomas.Locator("[data-testid=action-pick-slot]").First).ToBeVisibleAsync();
        await CheckAsync(thomas, "beneficiary2 meetings page (times to pick)");

        var hr = await SignInAsync(DemoUsers.Hr);
        await CheckRolePagesAsync(hr, "HR", ["/", "/cases", "/cases/new", "/pipeline", "/preferences"]);
        await OpenCaseAsync(hr, sophiesCase);
        await CheckAsync(hr, "HR case page (in sessions)");
        await OpenCaseAsync(hr, leasCase);
        await CheckAsync(hr, "HR case page (criteria)");
        await OpenAsync(hr, "/");
        var waitingOnHr = hr.Locator("[data-testid=hr-todo][data-todo='Hr.Todo.Assign']");
        if (await waitingOnHr.CountAsync() > 0)
        {
            var toAssign = await hr.Locator("[data-testid=case-row]").Filter(new() { Has = waitingOnHr }).First.GetAttributeAsync("data-case-id");
            await OpenCaseAsync(hr, Guid.Parse(toAssign!));
            await CheckAsync(hr, "HR case page (to assign)");
            await hr.Locator("[data-testid=action-Exclude]").ClickAsync();
            await Expect(hr.Locator(".mud-dialog")).ToBeVisibleAsync();
            await CheckAsync(hr, "HR exclude dialog");
            await hr.Locator("[data-testid=dialog-dismiss]").ClickAsync();
        }
        await CheckStaticAsync(hr, "HR", "/Account/Manage");

        var manager = await SignInAsync(DemoUsers.Manager);
        await CheckRolePagesAsync(manager, "manager", ["/", "/cases", "/cases/new"]);
        await OpenCaseAsync(manager, sophiesCase);
        await CheckAsync(manager, "manager case page");
        await CheckStaticAsync(manager, "manager", "/Account/Manage");

        var admin = await SignInAsync(DemoUsers.Admin);
        await CheckRolePagesAsync(admin, "admin", ["/", "/admin?tab=users", "/admin?tab=interveners", "/admin?tab=budget", "/admin/audit"]);
        await OpenAsync(admin, "/admin?tab=users");
        await admin.Locator("[data-testid=edit-user]").First.ClickAsync();
        await Expect(admin.Locator("[data-testid=user-editor]")).ToBeVisibleAsync();
        await CheckAsync(admin, "admin user editor");
        await OpenAsync(admin, "/admin?tab=interveners");
        await admin.Locator("[data-testid=edit-profile]").First.ClickAsync();
        await Expect(admin.Locator("[data-testid=profile-editor]")).ToBeVisibleAsync();
        await CheckAsync(admin, "admin intervener profile editor");
        await CheckStaticAsync(admin, "admin", "/Account/Manage");

        TestContext.Current.TestOutputHelper?.WriteLine($"{checkedPages.Count} pages checked: {string.Join(", ", checkedPages)}");
        foreach (var violation in violations)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(violation);
        }
        violations.Should().BeEmpty(string.Join(Environment.NewLine, violations));
    }

    private async Task CheckRolePagesAsync(IPage page, string who, IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            await OpenAsync(page, address);
            await CheckAsync(page, $"{who} {address}");
        }
    }

    private async Task CheckStaticAsync(IPage page, string who, string address)
    {
        await OpenStaticAsync(page, address);
        await CheckAsync(page, $"{who} {address}");
    }

    /// <summary>Runs axe on the page as it is; a failure is kept so that one run lists every page's violations.</summary>
    private async Task CheckAsync(IPage page, string what)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        checkedPages.Add(what);
        try
        {
            await page.ShouldHaveNoSeriousAccessibilityViolationsAsync();
        }
        catch (Exception failure) when (failure is not PlaywrightException)
        {
            violations.Add($"[{what}] {failure.Message}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"axe {what}: {started.ElapsedMilliseconds} ms");
    }

    private static async Task<Guid> FirstCaseRowAsync(IPage page)
    {
        var underReview = page.Locator("[data-testid=case-list] tbody tr")
            .Filter(new() { Has = page.Locator("[data-state=PreliminaryInterview], [data-state=UnderDiscussion]") });
        var id = await underReview.First.Locator("[data-testid=case-row]").GetAttributeAsync("data-case-id");
        return Guid.Parse(id!);
    }
}
