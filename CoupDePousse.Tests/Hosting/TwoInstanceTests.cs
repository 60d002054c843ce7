using System.Text.Json;
using CoupDePousse.App.Diagnostics;
using CoupDePousse.Tests.EndToEnd.Steps;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.Hosting;

/// <summary>
/// Two app instances on one PostgreSQL database behind nginx (docs/nginx/coupdepousse.conf): the instance serving a
/// browser dies, the browser comes back on the other one, still signed in, with nothing committed lost.
/// </summary>
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task When_the_instance_serving_a_browser_dies_the_browser_carries_on_signed_in_on_the_other_with_its_writes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var deployment = await TwoInstanceDeployment.StartAsync(cancellationToken);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await EndToEndFixture.LaunchChromiumAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = deployment.Nginx.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        try
        {
            await EndToEndFixture.SignInAsync(page, DemoUsers.Intervener);
            var caseId = await CaseFlows.FindSophiesCaseInSessionsAsync(page);
            var beforeTheCrash = CaseFlows.Marker("before-the-crash");
            await CaseFlows.WriteSessionNoteAsync(page, caseId, beforeTheCrash);

            // The circuit's connection (/_blazor) went through nginx to one instance: that one dies.
            var serving = await deployment.Nginx.LastUpstreamPortAsync("/_blazor", cancellationToken);
            serving.Should().NotBeNull("nginx logs the instance that answered the circuit's negotiation");
            var dying = deployment.InstanceOnPort(serving!.Value);
            var surviving = deployment.Instances.Single(i => i != dying);
            await page.EvaluateAsync("() => window.beforeTheCrash = true");
            await dying.KillAsync();

            // Blazor's reconnection reaches the survivor through nginx, which refuses the unknown circuit; the
            // reconnect script (ReconnectModal.razor.js) reloads the page, and a fresh circuit starts there.
            await page.WaitForFunctionAsync("() => window.beforeTheCrash === undefined", null, new() { Timeout = 30_000 });
            await EndToEndFixture.WaitForInteractiveAsync(page);
            await WaitForCircuitOnAsync(deployment, surviving.Port, cancellationToken);
            page.Url.Should().EndWith($"/cases/{caseId}", "the cookie (shared key ring) and the session (in the database) still hold");
            await Expect(page.GetByTestId("case-page")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=session-note]").Filter(new() { HasText = beforeTheCrash })).ToHaveCountAsync(1);

            var afterTheCrash = CaseFlows.Marker("after-the-crash");
            await CaseFlows.WriteSessionNoteAsync(page, caseId, afterTheCrash);
            await CaseFlows.OpenCaseAsync(page, caseId);
            await Expect(page.Locator("[data-testid=session-note]").Filter(new() { HasText = beforeTheCrash })).ToHaveCountAsync(1);
            await Expect(page.Locator("[data-testid=session-note]").Filter(new() { HasText = afterTheCrash })).ToHaveCountAsync(1);
            dying.HasExited.Should().BeTrue();
            ExpectOperatorLogs(surviving, [beforeTheCrash, afterTheCrash]);
            ExpectOperatorLogs(dying, [beforeTheCrash, afterTheCrash]);
            (await deployment.Nginx.LastUpstreamPortAsync("/_blazor", cancellationToken)).Should().Be(surviving.Port);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{failure.Message}{Environment.NewLine}{deployment.Diagnostics()}", failure);
        }
    }

    /// <summary>
    /// Decision 041 on a real run: JSON lines; the SQL of a page request names its request, the SQL of a click names its
    /// circuit; no line carries the text written.
    /// </summary>
    private static void ExpectOperatorLogs(AppProcess instance, IReadOnlyList<string> caseTexts)
    {
        var output = instance.Output;
        foreach (var text in caseTexts)
        {
            output.Should().NotContain(line => line.Contains(text, StringComparison.OrdinalIgnoreCase), "no log line may carry a case's text");
        }

        var commands = output.Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(entry => entry.GetProperty("Category").GetString() == "Microsoft.EntityFrameworkCore.Database.Command")
            .Select(entry => entry.TryGetProperty("Scopes", out var scopes) ? scopes.ToString() : "")
            .ToList();
        commands.Should().Contain(scopes => scopes.Contains("\"RequestId\"", StringComparison.Ordinal) && scopes.Contains("\"TraceId\"", StringComparison.Ordinal));
        commands.Should().Contain(scopes => scopes.Contains($"\"{CircuitScope.Key}\"", StringComparison.Ordinal));
    }

    /// <summary>Waits until nginx has passed a circuit request (/_blazor) to the instance on <paramref name="port"/>.</summary>
    private static async Task WaitForCircuitOnAsync(TwoInstanceDeployment deployment, int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await deployment.Nginx.LastUpstreamPortAsync("/_blazor", cancellationToken) != port)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No circuit reached the surviving instance on {port} within 30 s.");
            }
            await Task.Delay(200, cancellationToken);
        }
    }
}
