using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>axe-core checks: a page fails on any serious or critical violation.</summary>
public static class AccessibilityAssertions
{
    private static readonly HashSet<string> BlockingImpacts = ["serious", "critical"];

    public static async Task ShouldHaveNoSeriousAccessibilityViolationsAsync(
        this IPage page, AxeRunContext? context = null, AxeRunOptions? options = null)
    {
        var result = context is null ? await page.RunAxe(options) : await page.RunAxe(context, options);
        var blocking = result.Violations.Where(violation => BlockingImpacts.Contains(violation.Impact ?? "")).ToList();
        if (blocking.Count > 0)
        {
            Assert.Fail(Describe(page.Url, blocking));
        }
    }

    private static string Checks(AxeResultNode node) =>
        string.Join("; ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message));

    private static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var report = new StringBuilder($"Serious accessibility violations on {url}:");
        foreach (var violation in violations)
        {
            report.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append($"    at {node.Target}: {Checks(node)}");
            }
        }
        return report.ToString();
    }
}
