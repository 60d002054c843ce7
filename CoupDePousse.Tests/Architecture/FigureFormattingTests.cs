using System.Text.RegularExpressions;
using CoupDePousse.Tests.Domain.Cases;

namespace CoupDePousse.Tests.Architecture;

/// <summary>
/// Every number and date a page shows goes through <c>Figures</c> (decision 043): no component formats one itself, so
/// none can forget the culture's thousands separator. Machine values (invariant or round-trip) and the exports, which
/// keep their own layout (decision 035), are the only other formatting.
/// </summary>
public partial class FigureFormattingTests
{
    [Fact]
    public void No_page_or_read_model_formats_a_number_or_a_date_itself()
    {
        var app = Path.Combine(LifecycleDiagramTests.RepositoryRoot(), "CoupDePousse.App");
        var sources = new[] { "Features", "Components" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(app, folder), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".razor", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !IsFormatterOrExport(Path.GetFileName(path)))
            .ToList();
        sources.Should().Contain(path => path.EndsWith("HrDashboard.razor", StringComparison.Ordinal), "the scan reads the app's components");

        var offences = sources
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path: Path.GetRelativePath(app, path), Number: index + 1, Line: line)))
            .Where(l => Offends(l.Line, razor: l.Path.EndsWith(".razor", StringComparison.Ordinal)))
            .Select(l => $"{l.Path}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        offences.Should().BeEmpty("a shown number or date is written by Figures (Count, Hours, Euros, Share, Percent, Date, DateTime...)");
    }

    [Theory]
    [InlineData("""<p>@total.ToString("N0", CultureInfo.CurrentCulture)</p>""", true)]
    [InlineData("""@at.ToLocalTime().ToString("d")""", true)]
    [InlineData("""private string Count(int? count) => count?.ToString(CultureInfo.CurrentCulture) ?? "";""", true)]
    [InlineData("""@($"{hours:N0} h")""", true)]
    [InlineData("""@string.Format(T["Retention.Bounds"], min, max)""", true)]
    [InlineData("""@EuroFormat.Format(cents)""", true)]
    [InlineData("""@Durations.Format(minutes)""", true)]
    [InlineData("""<time datetime="@line.CreatedAt.ToString("O", CultureInfo.InvariantCulture)">""", false)]
    [InlineData("""@Figures.Count(total)""", false)]
    [InlineData("""data-shown="@row.Shown.ToString().ToLowerInvariant()" """, false)]
    [InlineData("""@T["Common.SeeAll", Figures.Count(page.TotalCount)]""", false)]
    public void The_scan_tells_ad_hoc_formatting_from_the_formatter(string line, bool offends)
    {
        Offends(line, razor: true).Should().Be(offends);
    }

    private static bool IsFormatterOrExport(string file) =>
        file is "Figures.cs" or "TableExport.cs" || file.Contains("Export", StringComparison.Ordinal);

    private static bool Offends(string line, bool razor) =>
        (FormattedToString().IsMatch(line) && !line.Contains("InvariantCulture", StringComparison.Ordinal) && !RoundTrip().IsMatch(line))
        || CultureToString().IsMatch(line)
        || OwnFormatters().IsMatch(line)
        || (razor && (InterpolatedFormat().IsMatch(line) || StringFormat().IsMatch(line)));

    [GeneratedRegex("""\.ToString\("[^"]*"(,|\))""")]
    private static partial Regex FormattedToString();

    [GeneratedRegex("""\.ToString\("O"\)""")]
    private static partial Regex RoundTrip();

    [GeneratedRegex("""\.ToString\(CultureInfo\.CurrentCulture\)""")]
    private static partial Regex CultureToString();

    [GeneratedRegex("""\b(EuroFormat\.Format|Durations\.Format)\(""")]
    private static partial Regex OwnFormatters();

    [GeneratedRegex("""\{[^{}"]+:([NPCDFEX][0-9]*|[dgtDTGfFMY]|[0#][^{}"]*)\}""")]
    private static partial Regex InterpolatedFormat();

    [GeneratedRegex("""\bstring\.Format\(""")]
    private static partial Regex StringFormat();
}
