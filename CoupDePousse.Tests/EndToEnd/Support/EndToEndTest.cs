using Microsoft.Playwright;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>
/// Base of every end-to-end test: opens one browser session per user and, when the test fails, leaves in
/// TestResults/screenshots a full-page screenshot of each open page and of each signed-in role's dashboard
/// (opened in a new tab, so the page where the failure happened stays as it was).
/// </summary>
[Collection(EndToEndCollection.Name)]
public abstract class EndToEndTest(EndToEndFixture fixture) : IAsyncLifetime
{
    private readonly List<(BrowserSession Session, string? Email)> sessions = [];

    protected EndToEndFixture Fixture { get; } = fixture;

    /// <summary>A new isolated page (own cookies), not signed in.</summary>
    protected async Task<IPage> NewPageAsync() => (await OpenSessionAsync(null)).Page;

    /// <summary>A new isolated page signed in as <paramref name="email"/> (with an authenticator code when a key is given), its circuit live.</summary>
    protected async Task<IPage> SignInAsync(string email, string? authenticatorKey = null)
    {
        var session = await OpenSessionAsync(email);
        await EndToEndFixture.SignInAsync(session.Page, email, authenticatorKey: authenticatorKey);
        return session.Page;
    }

    protected static Task<string> ScreenshotAsync(IPage page, string name) => TestArtifacts.ScreenshotAsync(page, name);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await ScreenshotOpenPagesAsync();
            await ScreenshotDashboardsAsync();
        }

        foreach (var (session, _) in sessions)
        {
            await session.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<BrowserSession> OpenSessionAsync(string? email)
    {
        var session = await Fixture.NewSessionAsync();
        sessions.Add((session, email));
        return session;
    }

    private async Task ScreenshotOpenPagesAsync()
    {
        var testName = TestArtifacts.CurrentTestName();
        var pages = sessions.SelectMany(s => s.Session.Context.Pages).Where(page => !page.IsClosed).ToList();
        for (var index = 0; index < pages.Count; index++)
        {
            await TryScreenshotAsync(pages[index], $"{testName}-{index + 1}");
        }
    }

    private async Task ScreenshotDashboardsAsync()
    {
        var testName = TestArtifacts.CurrentTestName();
        foreach (var (session, email) in sessions.Where(s => s.Email is not null))
        {
            IPage? dashboard = null;
            try
            {
                dashboard = await session.Context.NewPageAsync();
                dashboard.SetDefaultTimeout(5_000);
                await dashboard.GotoAsync("/");
                await EndToEndFixture.WaitForInteractiveAsync(dashboard);
                await dashboard.Locator("[data-testid=dashboard]").WaitForAsync();
                await TryScreenshotAsync(dashboard, $"{testName}-dashboard-{email!.Split('@')[0]}");
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

    private static async Task TryScreenshotAsync(IPage page, string name)
    {
        try
        {
            var path = await TestArtifacts.ScreenshotAsync(page, name);
            TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failed test: {path}");
        }
        catch (PlaywrightException)
        {
            // A crashed page must not hide the test's own failure.
        }
    }
}
