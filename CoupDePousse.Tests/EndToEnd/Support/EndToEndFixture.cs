using Microsoft.Playwright;

using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>One app server and one headless Chromium for the whole "e2e" collection.</summary>
public class EndToEndFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public EndToEndFixture()
        : this(new AppServerFixture())
    {
    }

    /// <summary>For a collection whose app runs with settings or services of its own (a moved clock, a mail server).</summary>
    protected EndToEndFixture(AppServerFixture server)
    {
        Server = server;
    }

    public AppServerFixture Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not launched yet.");

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        // The server and the browser start side by side: each takes a second or two.
        var serverStart = Task.Run(Server.Start);
        playwright = await Playwright.CreateAsync();
        browser = await LaunchChromiumAsync(playwright);
        await serverStart;
    }

    /// <summary>Headless Debian Chromium (<c>CHROMIUM_PATH</c>), as every browser test launches it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });

    /// <summary>A fresh browser context (own cookies, so own user) and its page, pointed at the app.</summary>
    public async Task<BrowserSession> NewSessionAsync(string locale = "fr-FR")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>
    /// Signs in through the login page and waits until the circuit of the landing page is live; with an authenticator
    /// key, answers the second step with the code an authenticator app would show.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password = DemoUsers.Password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("[data-testid=login-email]").FillAsync(email);
        await page.Locator("[data-testid=login-password]").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        if (authenticatorKey is not null)
        {
            await page.Locator("[data-testid=mfa-code]").FillAsync(Totp.Code(authenticatorKey));
            await page.Locator("[data-testid=mfa-submit]").ClickAsync();
        }

        await WaitForInteractiveAsync(page);
    }

    /// <summary>Waits for the layout's marker of a live circuit; clicks before it are lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").First.WaitForAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "e2e";
}
