using CoupDePousse.Domain.Cases;

namespace CoupDePousse.Tests.Domain.Cases;

public class LifecycleDiagramTests
{
    private const string Begin = "```mermaid";

    [Fact]
    public void The_documented_diagram_is_the_one_generated_from_the_machine()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "case-lifecycle.md");
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = document.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length + 1;
        var end = document.IndexOf("```", start, StringComparison.Ordinal);

        var documented = document[start..end].Trim();

        documented.Should().Be(CaseLifecycle.ToMermaid().ReplaceLineEndings("\n").Trim(),
            "docs/case-lifecycle.md must be regenerated when the machine changes (CaseLifecycle.ToMermaid())");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoupDePousse.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CoupDePousse.sln not found above the test binaries");
    }
}
