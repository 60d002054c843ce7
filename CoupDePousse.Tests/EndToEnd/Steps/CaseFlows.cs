using System.Globalization;
using System.Resources;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Steps;

/// <summary>
/// What people do on a case, step by step, through the pages they use (hooks of docs/ui-hooks.md only).
/// Each step waits for the screen that proves it happened before it returns.
/// </summary>
public static partial class CaseFlows
{
    private static readonly ResourceManager CaseTexts = new(typeof(CaseText));

    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>A string of the case pages as the app shows it in <paramref name="culture"/> (French by default).</summary>
    public static string Text(string key, CultureInfo? culture = null) =>
        CaseTexts.GetString(key, culture ?? French) ?? throw new InvalidOperationException($"No case text '{key}'.");

    /// <summary>A text nobody else would ever write, to look for on other people's screens.</summary>
    public static string Marker(string what) => $"{what}-{Guid.NewGuid():N}";

    // ---------- Navigation ----------

    /// <summary>Opens an address and waits for the live circuit and for every loading bar to go.</summary>
    public static async Task<IResponse?> OpenAsync(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        await SettleAsync(page);
        return response;
    }

    /// <summary>Opens a static page (the Identity pages: no circuit) and waits for it to load.</summary>
    public static async Task<IResponse?> OpenStaticAsync(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }

    /// <summary>The circuit is live and nothing is loading any more (progress bars of pages and tables gone).</summary>
    public static async Task SettleAsync(IPage page)
    {
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-progress-indeterminate, .mud-table-loading, .mud-table-loading-progress")).ToHaveCountAsync(0);
        // A server-paged table asks for its rows after its first render: wait for rows (or its "no records" row).
        foreach (var table in await page.Locator(".mud-table").AllAsync())
        {
            await Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        }
        await Expect(page.Locator(".mud-progress-indeterminate, .mud-table-loading, .mud-table-loading-progress")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a case page and waits until it shows the case (or the not-found block).</summary>
    public static async Task OpenCaseAsync(IPage page, Guid caseId)
    {
        await OpenAsync(page, $"/cases/{caseId}");
        await Expect(page.Locator("[data-testid=case-page], [data-testid=not-found]").First).ToBeVisibleAsync();
    }

    public static ILocator StateOf(IPage page) => page.Locator("[data-testid=case-state]");

    public static Task ExpectStateAsync(IPage page, CaseState state) =>
        Expect(StateOf(page)).ToHaveAttributeAsync("data-state", state.ToString());

    public static Task ExpectOutcomeAsync(IPage page, CaseOutcome outcome) =>
        Expect(page.Locator("[data-testid=case-outcome]")).ToHaveAttributeAsync("data-outcome", outcome.ToString());

    /// <summary>Waits for the history entry a step leaves, newest first: the proof that an internal step (no state change) was saved.</summary>
    public static Task ExpectHistoryAsync(IPage page, CaseTrigger trigger) =>
        Expect(page.Locator($"[data-testid=history-entry][data-trigger={trigger}]").First).ToBeVisibleAsync();

    // ---------- Steps of a case ----------

    /// <summary>The intervener (or HR) excludes the request and refers the person elsewhere.</summary>
    public static async Task ExcludeAsync(IPage page, Guid caseId, ReferralKind kind, string note)
    {
        await OpenCaseAsync(page, caseId);
        await page.Locator("[data-testid=action-Exclude]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await ChooseAsync(page, "field-referral-kind", Text($"Referral.{kind}"));
        await page.Locator("[data-testid=field-referral-note]").FillAsync(note);
        await page.Locator("[data-testid=dialog-confirm]").ClickAsync();
        await ExpectStateAsync(page, CaseState.Declined);
    }

    /// <summary>
    /// Demo Sophie's coup de pousse in sessions with Isabelle (proposed by manager@), found on Isabelle's list:
    /// the oldest of Sophie's cases in sessions there, so that cases other journeys create never stand in for it.
    /// </summary>
    public static async Task<Guid> FindSophiesCaseInSessionsAsync(IPage intervenerPage)
    {
        await OpenAsync(intervenerPage, "/cases");
        var rows = intervenerPage.Locator("[data-testid=case-list] tbody tr")
            .Filter(new() { Has = intervenerPage.Locator("[data-state=InSessions]") })
            .Filter(new() { HasText = "Sophie Lefèvre" });
        await Expect(rows.First).ToBeVisibleAsync();
        var found = new List<(DateOnly Proposed, Guid Id)>();
        foreach (var row in await rows.AllAsync())
        {
            var id = Guid.Parse((await row.Locator("[data-testid=case-row]").GetAttributeAsync("data-case-id"))!);
            var proposed = DateOnly.Parse((await row.Locator("td").Nth(3).InnerTextAsync()).Trim(), French);
            found.Add((proposed, id));
        }
        return found.OrderBy(f => f.Proposed).First().Id;
    }

    /// <summary>The intervener writes a private note on the latest session of a case in sessions.</summary>
    public static async Task WriteSessionNoteAsync(IPage intervenerPage, Guid caseId, string text)
    {
        await OpenCaseAsync(intervenerPage, caseId);
        await ExpectStateAsync(intervenerPage, CaseState.InSessions);
        await intervenerPage.Locator("[data-testid=field-note-text]").FillAsync(text);
        await intervenerPage.Locator("[data-testid=note-save]").ClickAsync();
        await Expect(intervenerPage.Locator("[data-testid=session-note]").Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }

    // ---------- What a page may not show ----------

    /// <summary>The whole page as the browser has it: the HTML and the text a person reads.</summary>
    public static async Task<(string Html, string Text)> WholePageAsync(IPage page) =>
        (await page.ContentAsync(), await page.Locator("body").InnerTextAsync());

    /// <summary>Fails when the rendered page (markup or visible text) contains any of <paramref name="forbidden"/>.</summary>
    public static async Task ShouldNotContainAnyAsync(IPage page, IEnumerable<string> forbidden, string because)
    {
        var (html, text) = await WholePageAsync(page);
        foreach (var word in forbidden)
        {
            html.Should().NotContainEquivalentOf(word, "{0} on {1}", because, page.Url);
            text.Should().NotContainEquivalentOf(word, "{0} on {1}", because, page.Url);
        }
    }

    /// <summary>Every outcome's label in French and English, as CaseLabels gives them.</summary>
    public static IReadOnlyList<string> OutcomeLabels(params CaseOutcome[] outcomes) =>
        outcomes.SelectMany(o => new[] { o.Label(French), o.Label(English) }).Distinct().ToList();

}
