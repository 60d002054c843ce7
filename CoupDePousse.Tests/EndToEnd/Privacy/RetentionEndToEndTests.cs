using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Privacy;

/// <summary>The admin previews what the retention run will remove, runs it, and finds the run recorded with the same counts.</summary>
public sealed class RetentionEndToEndTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task The_admin_previews_runs_retention_and_sees_the_run_recorded()
    {
        var admin = await SignInAsync(DemoUsers.Admin);
        await admin.GotoAsync("/admin?tab=privacy");
        await EndToEndFixture.WaitForInteractiveAsync(admin);

        await Expect(admin.GetByTestId("retention-periods")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId($"retention-field-{RetentionField.SessionNoteMonths}")).ToHaveValueAsync("6");
        var preview = admin.GetByTestId("retention-preview").GetByTestId("retention-preview-count");
        await Expect(preview).ToHaveCountAsync(Enum.GetValues<RetentionKind>().Length);
        var expected = (await preview.AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        var runsBefore = await admin.GetByTestId("retention-run-row").CountAsync();

        await admin.GetByTestId("retention-run").ClickAsync();

        await Expect(admin.GetByTestId("retention-run-row")).ToHaveCountAsync(runsBefore + 1);
        var latest = admin.GetByTestId("retention-run-row").First;
        await Expect(latest.GetByTestId("retention-run-outcome")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Exécution terminée|Run completed"));
        var recorded = (await latest.Locator("td").AllTextContentsAsync()).Skip(2).Select(t => t.Trim()).ToList();
        recorded.Should().Equal(expected, "the run removes what the preview announced");
        await Expect(preview).ToHaveTextAsync(expected.Select(_ => "0").ToArray(), new() { Timeout = 10_000 });
        await ScreenshotAsync(admin, "admin-privacy");

        await admin.GetByTestId("culture-en").ClickAsync();
        await EndToEndFixture.WaitForInteractiveAsync(admin);
        await Expect(admin.GetByTestId("retention-run")).ToContainTextAsync("Run now", new() { IgnoreCase = true });
        await ScreenshotAsync(admin, "admin-privacy-en");
    }
}
