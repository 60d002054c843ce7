using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;

namespace CoupDePousse.Tests.EndToEnd.Journeys.Steps;

/// <summary>
/// Base of the journeys: besides the base's screenshot of every open page, a failed journey leaves a screenshot of
/// each signed-in role's dashboard (TestResults/screenshots/{test}-dashboard-{user}.png), opened in a new tab of that
/// role's browser context so the page where the failure happened stays as it was.
/// </summary>
public abstract class JourneyTest(EndToEndFixture fixture) : EndToEndTest(fixture), IAsyncLifetime
{
    private readonly List<(string Email, IPage Page)> signedIn = [];

    /// <summary>Signs in through the login page, as the base does, and remembers the role for the failure screenshots.</summary>
    protected new async Task<IPage> SignInAsync(string email)
    {
        var page = await base.SignInAsync(email);
        signedIn.Add((email, page));
        return page;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await ScreenshotDashboardsAsync();
        }

        await DisposeAsync();
    }

    private async Task ScreenshotDashboardsAsync()
    {
        var testName = TestArtifacts.CurrentTestName();
        foreach (var (email, page) in signedIn)
        {
            IPage? dashboard = null;
            try
            {
                dashboard = await page.Context.NewPageAsync();
                dashboard.SetDefaultTimeout(5_000);
                await dashboard.GotoAsync("/");
                await EndToEndFixture.WaitForInteractiveAsync(dashboard);
                await dashboard.Locator("[data-testid=dashboard]").WaitForAsync();
                var path = await TestArtifacts.ScreenshotAsync(dashboard, $"{testName}-dashboard-{email.Split('@')[0]}");
                TestContext.Current.TestOutputHelper?.WriteLine($"Dashboard of {email} at the failure: {path}");
            }
            catch (PlaywrightException)
            {
                // A dashboard that cannot be shown must not hide the test's own failure.
            }
            finally
            {
                if (dashboard is not null)
                {
                    await dashboard.CloseAsync();
                }
            }
        }
    }
}
