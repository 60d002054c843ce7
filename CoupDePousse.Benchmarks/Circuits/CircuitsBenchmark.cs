using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CoupDePousse.App.Diagnostics;
using Microsoft.Playwright;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>
/// Signed-in HR dashboards in one headless Chromium against a running app: server memory per live circuit, then many
/// circuits clicking a cheap action, timed in the browser. A target not met is a result (exit code 0); only a run that
/// could not happen fails.
/// </summary>
public static class CircuitsBenchmark
{
    // Lets the circuits just opened finish their first renders before the server is measured.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    // Enough clicks for the runtime to recompile the click's path with its optimizing tier before the timed phase.
    private const int WarmUpClicks = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        CircuitsOptions options;
        try
        {
            options = CircuitsOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(CircuitsOptions.Usage);
            return 2;
        }

        try
        {
            var report = await MeasureAsync(options);
            report.Print(Console.Out);
            return 0;
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException or HttpRequestException or InvalidOperationException)
        {
            Console.Error.WriteLine($"circuits: the run could not complete: {exception.Message}");
            return 1;
        }
    }

    private static async Task<CircuitsReport> MeasureAsync(CircuitsOptions options)
    {
        using var server = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(5) };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ChromiumPath,
            Headless = true,
            Args = ChromiumArguments(options),
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = options.Url.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1024, Height = 700 },
        });
        await context.AddInitScriptAsync(DashboardPage.ReconnectWatchScript);

        Progress($"signing in as {options.Email} on {options.Url}");
        var warmUp = await DashboardPage.SignInAsync(context, options.Email, options.Password, options.OpenTimeout);
        if (!await warmUp.HasOrderSwitchAsync())
        {
            throw new InvalidOperationException("HR's to-do list is empty in this database: there is no order switch to click");
        }

        await Task.Delay(Settle);
        var baseline = await ReadMemoryAsync(server);

        var pages = await OpenAsync(context, options.MemoryCircuits, 0, options);
        await Task.Delay(Settle);
        var atMemoryCircuits = await ReadMemoryAsync(server);

        MemoryReport? atLoadCircuits = null;
        if (pages.Count < options.Circuits)
        {
            pages.AddRange(await OpenAsync(context, options.Circuits - pages.Count, pages.Count, options));
            await Task.Delay(Settle);
            atLoadCircuits = await ReadMemoryAsync(server);
        }
        else
        {
            foreach (var extra in pages.Skip(options.Circuits))
            {
                await extra.CloseAsync();
            }

            pages = pages.Take(options.Circuits).ToList();
        }

        await warmUp.WarmUpAsync(WarmUpClicks, options.ClickTimeout);
        await Task.Delay(Settle);
        Progress($"{pages.Count} dashboards click their order switch every {options.Interval.TotalSeconds:0.#} s for {options.Duration.TotalSeconds:0} s");
        var before = CpuSample.Take(options.ServerPid);
        var clock = Stopwatch.StartNew();
        var clicking = Task.WhenAll(pages.Select((page, index) =>
            page.ClickAsync(clock, options.Interval * index / pages.Count, options.Interval, options.Duration, options.ClickTimeout)));
        while (await Task.WhenAny(clicking, Task.Delay(TimeSpan.FromSeconds(10))) != clicking)
        {
            Progress($"{clock.Elapsed.TotalSeconds:0} s: {pages.Sum(p => p.Latencies.Count)} clicks, {pages.Count(p => p.Dropped)} dropped");
        }

        await clicking;
        var after = CpuSample.Take(options.ServerPid);

        foreach (var page in pages)
        {
            await page.CollectReconnectsAsync();
        }

        MemoryReport? afterLoad;
        try
        {
            afterLoad = await ReadMemoryAsync(server);
        }
        catch (HttpRequestException exception)
        {
            // A server that went down during the run is a result: every circuit dropped.
            Progress($"the server no longer answers: {exception.Message}");
            afterLoad = null;
        }

        return new CircuitsReport(options, baseline, atMemoryCircuits, atLoadCircuits, afterLoad, pages, after - before);
    }

    private static IEnumerable<string> ChromiumArguments(CircuitsOptions options) =>
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-extensions", "--mute-audio",
        // Hundreds of tabs of one site share a few renderer processes instead of one each.
        $"--renderer-process-limit={options.RendererProcesses}",
        // Every tab stays a foreground tab: no timer throttling of the ones nobody looks at.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    /// <summary>Opens <paramref name="count"/> dashboards, a few at a time, each until its live circuit rendered it.</summary>
    private static async Task<List<DashboardPage>> OpenAsync(IBrowserContext context, int count, int alreadyOpen, CircuitsOptions options)
    {
        Progress($"opening {count} dashboards ({options.OpenInParallel} at a time)");
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(options.OpenInParallel);
        var opened = 0;
        var pages = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var page = await DashboardPage.OpenAsync(context, options.OpenTimeout);
                if (Interlocked.Increment(ref opened) % 25 == 0)
                {
                    Progress($"{alreadyOpen + opened} dashboards open ({clock.Elapsed.TotalSeconds:0} s)");
                }

                return page;
            }
            finally
            {
                gate.Release();
            }
        }));
        Progress($"{count} dashboards opened in {clock.Elapsed.TotalSeconds:0.0} s");
        return pages.ToList();
    }

    private static async Task<MemoryReport> ReadMemoryAsync(HttpClient server)
    {
        using var response = await server.GetAsync(MemoryDiagnostics.Path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException(
                $"{MemoryDiagnostics.Path} answers 404: run the app in Development with {MemoryDiagnostics.EnabledKey}=true and call it from this machine");
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<MemoryReport>()
            ?? throw new InvalidOperationException($"{MemoryDiagnostics.Path} answered no report");
    }

    private static void Progress(string message) => Console.WriteLine($"==> {message}");
}
