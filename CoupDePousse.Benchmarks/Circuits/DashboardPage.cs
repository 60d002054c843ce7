using System.Diagnostics;
using Microsoft.Playwright;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>One tab on HR's dashboard, its circuit live: clicks the to-do list's order switch and notes whether its circuit dropped.</summary>
internal sealed class DashboardPage
{
    /// <summary>The dashboard's figures rendered by the live circuit (the layout's marker is true only once interactive).</summary>
    public const string ReadySelector = "[data-interactive=true] [data-testid=hr-waiting-on-hr]";

    public const string ListSelector = "[data-interactive=true] [data-testid=hr-todo-list]";

    /// <summary>
    /// Added to every page before its own scripts: records each state the app's reconnect dialog is asked to show
    /// (the event Blazor sends to #components-reconnect-modal), so that a reconnection that healed still counts.
    /// </summary>
    public const string ReconnectWatchScript =
        """
        (() => {
          window.__cdpReconnect = [];
          const watch = () => {
            const modal = document.getElementById('components-reconnect-modal');
            if (!modal) return;
            modal.addEventListener('components-reconnect-state-changed', event => {
              const state = event.detail && event.detail.state;
              if (state && state !== 'hide') window.__cdpReconnect.push(state);
            });
          };
          if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch); else watch();
        })();
        """;

    // Timed inside the page, so that Playwright's round trip does not count: from the click to the DOM change that shows the
    // other order. -1: no change within the timeout; -2: no switch to click.
    private const string ClickScript =
        """
        async timeoutMs => {
          const list = document.querySelector('[data-testid=hr-todo-list]');
          if (!list) return -2;
          const target = list.getAttribute('data-order') === 'step' ? 'age' : 'step';
          const option = document.querySelector(`[data-testid=hr-todo-order-${target}]`);
          if (!option) return -2;
          return await new Promise(resolve => {
            const done = value => { observer.disconnect(); clearTimeout(timer); resolve(value); };
            const observer = new MutationObserver(() => {
              const current = document.querySelector('[data-testid=hr-todo-list]');
              if (current && current.getAttribute('data-order') === target) done(performance.now() - start);
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-order'] });
            const timer = setTimeout(() => done(-1), timeoutMs);
            const start = performance.now();
            option.click();
          });
        }
        """;

    private const string ReconnectStateScript =
        """
        () => {
          const modal = document.getElementById('components-reconnect-modal');
          const shown = modal && (modal.open || /components-reconnect-(show|retrying|failed|rejected|paused|resume-failed)/.test(modal.className));
          return (window.__cdpReconnect || []).concat(shown ? ['shown at the end'] : []);
        }
        """;

    private readonly IPage page;
    private readonly List<string> dropReasons = [];
    private bool watching;

    private DashboardPage(IPage page)
    {
        this.page = page;
        page.Crash += (_, _) => Drop("the tab crashed");
        page.FrameNavigated += (_, frame) =>
        {
            // The dialog reloads the page when the server no longer knows the circuit.
            if (watching && frame == page.MainFrame)
            {
                Drop("the page reloaded");
            }
        };
    }

    public List<double> Latencies { get; } = [];

    public List<double> RoundTrips { get; } = [];

    /// <summary>Beats where a click could not start on time because the previous one was still waiting.</summary>
    public int LateBeats { get; private set; }

    public bool Dropped
    {
        get
        {
            lock (dropReasons)
            {
                return dropReasons.Count > 0;
            }
        }
    }

    public IReadOnlyList<string> DropReasons
    {
        get
        {
            lock (dropReasons)
            {
                return dropReasons.ToList();
            }
        }
    }

    /// <summary>Opens HR's home in a new tab and waits until the live circuit rendered the dashboard.</summary>
    public static async Task<DashboardPage> OpenAsync(IBrowserContext context, TimeSpan timeout)
    {
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(page);
        await page.GotoAsync("/", new PageGotoOptions { Timeout = (float)timeout.TotalMilliseconds });
        await page.Locator(ReadySelector).WaitForAsync(new LocatorWaitForOptions { Timeout = (float)timeout.TotalMilliseconds });
        dashboard.watching = true;
        return dashboard;
    }

    /// <summary>Signs in on the login page of a new tab; the context keeps the cookie for every later tab.</summary>
    public static async Task<DashboardPage> SignInAsync(IBrowserContext context, string email, string password, TimeSpan timeout)
    {
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(page);
        await page.GotoAsync("/Account/Login", new PageGotoOptions { Timeout = (float)timeout.TotalMilliseconds });
        await page.Locator("[data-testid=login-email]").FillAsync(email);
        await page.Locator("[data-testid=login-password]").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        try
        {
            await page.Locator(ReadySelector).WaitForAsync(new LocatorWaitForOptions { Timeout = (float)timeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{email} did not reach HR's dashboard after signing in (now on {page.Url}); is it an HR account of this database?");
        }

        dashboard.watching = true;
        return dashboard;
    }

    public async Task<bool> HasOrderSwitchAsync() => await page.Locator(ListSelector).CountAsync() > 0;

    /// <summary>Clicks the order switch a few times, untimed, so that the measured clicks run the server's optimized code.</summary>
    public async Task WarmUpAsync(int clicks, TimeSpan clickTimeout)
    {
        for (var click = 0; click < clicks; click++)
        {
            if (await page.EvaluateAsync<double>(ClickScript, clickTimeout.TotalMilliseconds) < 0)
            {
                throw new InvalidOperationException("the order switch of HR's to-do list did not change the list's order");
            }
        }
    }

    /// <summary>Clicks the order switch at <paramref name="firstAt"/>, then every <paramref name="interval"/>, until <paramref name="end"/>.</summary>
    public async Task ClickAsync(Stopwatch clock, TimeSpan firstAt, TimeSpan interval, TimeSpan end, TimeSpan clickTimeout)
    {
        var next = firstAt;
        while (next < end)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var sent = clock.Elapsed;
            double elapsed;
            try
            {
                elapsed = await page.EvaluateAsync<double>(ClickScript, clickTimeout.TotalMilliseconds);
            }
            catch (PlaywrightException exception)
            {
                Drop($"the page stopped answering: {exception.Message.Split('\n')[0]}");
                return;
            }

            switch (elapsed)
            {
                case >= 0:
                    lock (Latencies)
                    {
                        Latencies.Add(elapsed);
                        RoundTrips.Add((clock.Elapsed - sent).TotalMilliseconds);
                    }

                    break;
                case -1:
                    Drop("a click got no answer in time");
                    break;
                default:
                    Drop("the order switch is gone");
                    return;
            }

            next += interval;
            while (next < clock.Elapsed)
            {
                next += interval;
                LateBeats++;
            }
        }
    }

    /// <summary>After the run: what the reconnect dialog showed on this page, if anything.</summary>
    public async Task CollectReconnectsAsync()
    {
        if (page.IsClosed)
        {
            return;
        }

        try
        {
            foreach (var state in await page.EvaluateAsync<string[]>(ReconnectStateScript))
            {
                Drop($"reconnect dialog: {state}");
            }
        }
        catch (PlaywrightException exception)
        {
            Drop($"the page stopped answering: {exception.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Closes the tab the way a person does, so that the circuit ends at once rather than after its retention period.</summary>
    public Task CloseAsync()
    {
        watching = false;
        return page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
    }

    private void Drop(string reason)
    {
        lock (dropReasons)
        {
            dropReasons.Add(reason);
        }
    }
}
