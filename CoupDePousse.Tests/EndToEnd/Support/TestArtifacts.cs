using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>Where tests leave files for people: TestResults/ at the repo root (or TEST_RESULTS_DIR).</summary>
public static partial class TestArtifacts
{
    public static string ResultsDirectory { get; } = FindResultsDirectory();

    public static string ScreenshotsDirectory => Path.Combine(ResultsDirectory, "screenshots");

    /// <summary>A full-page screenshot at TestResults/screenshots/{name}.png; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotsDirectory);
        var path = Path.Combine(ScreenshotsDirectory, SafeFileName(name) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The running test's name without its namespace and class, fit for a file name.</summary>
    public static string CurrentTestName()
    {
        var test = TestContext.Current.Test;
        if (test is null)
        {
            return "outside-a-test";
        }
        var name = test.TestDisplayName;
        var className = test.TestCase.TestClassName;
        if (className is not null && name.StartsWith(className + ".", StringComparison.Ordinal))
        {
            name = name[(className.Length + 1)..];
        }
        return SafeFileName(name);
    }

    private static string SafeFileName(string name)
    {
        var safe = UnsafeCharacters().Replace(name, "_").Trim('_');
        return safe.Length <= 120 ? safe : safe[..120];
    }

    private static string FindResultsDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoupDePousse.sln")))
            {
                return Path.Combine(directory.FullName, "TestResults");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }

    [GeneratedRegex(@"[^A-Za-z0-9_.-]+")]
    private static partial Regex UnsafeCharacters();
}
