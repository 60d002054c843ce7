using System.Net;
using System.Net.Sockets;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Restarts;

/// <summary>
/// Decision 046: the app restarts under a signed-in person typing a proposal. The dialog says so in French and keeps trying;
/// when a new app answers on the same port (same database, same key ring), the page reloads by itself, still signed in,
/// with the typed text back; sending the form clears the kept draft.
/// </summary>
[Collection(RestartCollection.Name)]
public sealed class RestartTests(RestartFixture fixture)
{
    private const string Description = "Je n'arrive plus à dire non, et mon équipe en pâtit. Texte tapé avant le redémarrage.";
    private const string DraftKey = "cdp-draft:proposal";

    [Fact]
    public async Task After_a_restart_the_page_comes_back_by_itself_signed_in_with_the_typed_text()
    {
        await using var session = await fixture.NewSessionAsync();
        var page = session.Page;
        await EndToEndFixture.SignInAsync(page, DemoUsers.Beneficiary);
        await page.GotoAsync("/cases/new");
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("field-domain-StressAndEmotions").CheckAsync();
        await page.GetByTestId("field-description").FillAsync(Description);
        await page.GetByTestId("field-work-impact").FillAsync("Les délais glissent.");
        await page.GetByTestId("field-timing").FillAsync("Dès que possible");
        await page.WaitForFunctionAsync($"() => (sessionStorage.getItem('{DraftKey}') ?? '').length > 0");
        (await page.EvaluateAsync<string>($"() => sessionStorage.getItem('{DraftKey}')")).Should().NotContain("pâtit", "only ciphertext is stored");

        await fixture.StopAsync();
        var dialog = page.Locator("[data-testid=reconnect-modal]");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Le serveur (ne répond plus|ne répond pas encore|est toujours injoignable)"),
            new() { UseInnerText = true });

        await fixture.StartAsync();
        await Expect(page.GetByTestId("field-description")).ToHaveValueAsync(Description, new() { Timeout = 60_000 });
        await Expect(dialog).Not.ToBeVisibleAsync();
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("field-timing")).ToHaveValueAsync("Dès que possible");
        await Expect(page.GetByTestId("field-domain-StressAndEmotions")).ToBeCheckedAsync();

        await page.GetByTestId("propose-submit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/[0-9a-f-]{36}$"));
        (await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{DraftKey}')")).Should().BeNull("a sent form leaves no draft");
    }
}

/// <summary>One app it can stop and start again on the same port, database and key ring, and one Chromium.</summary>
public sealed class RestartFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "coupdepousse-restart-" + Guid.NewGuid().ToString("N"));
    private readonly int port = FreePort();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private RestartableApp? app;

    private Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var serverStart = StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await EndToEndFixture.LaunchChromiumAsync(playwright);
        await serverStart;
    }

    public Task StartAsync()
    {
        app = new RestartableApp(directory, port);
        return Task.Run(app.StartServer);
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }

    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await StopAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app as <see cref="AppServerFixture"/> runs it, on a given port and a given folder (database and key ring).</summary>
    private sealed class RestartableApp : WebApplicationFactory<Program>
    {
        private readonly string directory;

        public RestartableApp(string directory, int port)
        {
            this.directory = directory;
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var databasePath = Path.Combine(directory, "app.db");
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Path", databasePath);
            builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:History", "false");
            builder.UseSetting("Security:Login:RequestsPerAddressPerMinute", "10000");
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RestartCollection : ICollectionFixture<RestartFixture>
{
    public const string Name = "restart";
}
