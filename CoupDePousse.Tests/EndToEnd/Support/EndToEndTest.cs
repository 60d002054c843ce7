using Microsoft.Playwright;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>
/// Base of every end-to-end test: opens one browser session per user and, when the test fails,
/// leaves a full-page screenshot of each open page in TestResults/screenshots.
/// </summary>
[Collection(EndToEndCollection.Name)]
public abstract class EndToEndTest(EndToEndFixture fixture) : IAsyncLifetime
{
    private readonly List<BrowserSession> sessions = [];

    protected EndToEndFixture Fixture { get; } = fixture;

    /// <summary>A new isolated page (own cookies), not signed in.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var session = await Fixture.NewSessionAsync();
        sessions.Add(session);
        return session.Page;
    }

    /// <summary>A new isolated page signed in as <paramref name="email"/>, its circuit live.</summary>
    protected async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync();
        await EndToEndFixture.SignInAsync(page, email);
        return page;
    }

    protected static Task<string> ScreenshotAsync(IPage page, string name) => TestArtifacts.ScreenshotAsync(page, name);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await ScreenshotOpenPagesAsync();
        }
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private async Task ScreenshotOpenPagesAsync()
    {
        var testName = TestArtifacts.CurrentTestName();
        var pages = sessions.SelectMany(session => session.Context.Pages).Where(page => !page.IsClosed).ToList();
        for (var index = 0; index < pages.Count; index++)
        {
            try
            {
                var path = await TestArtifacts.ScreenshotAsync(pages[index], $"{testName}-{index + 1}");
                TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failed test: {path}");
            }
            catch (PlaywrightException)
            {
                // A crashed page must not hide the test's own failure.
            }
        }
    }
}
