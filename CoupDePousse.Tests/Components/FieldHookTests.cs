using System.Reflection;
using System.Text.RegularExpressions;
using CoupDePousse.App.Components;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.Domain.Cases;
using CoupDePousse.Tests.EndToEnd.BadInput;

namespace CoupDePousse.Tests.Components;

/// <summary>
/// Every input of every razor file carries a data-testid the bad-input sweep's catalog knows, and every text input has a
/// limit the browser enforces, shown by a counter (decision 044). Read from the sources, so a new field cannot be forgotten.
/// </summary>
public partial class FieldHookTests
{
    // Any component whose name ends like an input (the MudBlazor ones, a shared number field...), Blazor's Input*, raw HTML inputs.
    [GeneratedRegex(@"(?<![\w.])<(?<tag>[A-Z]\w*(?:Field|Picker|Select|Autocomplete|CheckBox|RadioGroup|Switch)|Input[A-Z]\w*|input|textarea|select)\b")]
    private static partial Regex InputTag();

    [GeneratedRegex("""data-testid="(?:@\(\$"(?<template>[^"]*)"\)|(?<plain>[^"@]*))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TestId();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Hole();

    public sealed record InputInSource(string File, int Line, string Tag, string Text, string? Id);

    public static IReadOnlyList<InputInSource> Inputs()
    {
        var app = FindAppDirectory();
        var found = new List<InputInSource>();
        foreach (var file in Directory.EnumerateFiles(app, "*.razor", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var source = File.ReadAllText(file);
            foreach (Match match in InputTag().Matches(source))
            {
                var text = TagText(source, match.Index);
                var id = TestId().Match(text) is { Success: true } m
                    ? m.Groups["template"].Success ? Hole().Replace(m.Groups["template"].Value, "{}") : m.Groups["plain"].Value
                    : null;
                found.Add(new(Path.GetRelativePath(app, file), source[..match.Index].Count(c => c == '\n') + 1, match.Groups["tag"].Value, text, id));
            }
        }

        return found;
    }

    /// <summary>
    /// A hidden input (a form's return address, a user name for the password manager) is not a field; nor is the input
    /// inside a shared field component (NumberField) that takes its caller's attributes: each use carries its own id.
    /// </summary>
    private static bool IsHidden(InputInSource input) =>
        (input.Tag == "input" && (input.Text.Contains("type=\"hidden\"", StringComparison.Ordinal) || Regex.IsMatch(input.Text, @"\shidden[\s/>]")))
        || input.Text.Contains("UserAttributes=\"Attributes\"", StringComparison.Ordinal);

    [Fact]
    public void Every_input_carries_a_data_testid_the_sweep_knows()
    {
        var fields = Inputs().Where(i => !IsHidden(i)).ToList();
        fields.Should().HaveCountGreaterThan(100, "the scan finds the application's inputs");

        fields.Where(i => i.Id is null).Select(i => $"{i.File}:{i.Line} <{i.Tag}>")
            .Should().BeEmpty("every input carries data-testid=\"field-…\" (docs/ui-hooks.md)");
        var known = FieldCatalog.All.Select(f => f.Id).ToHashSet();
        fields.Where(i => i.Id is not null && !known.Contains(i.Id)).Select(i => $"{i.File}:{i.Line} {i.Id}")
            .Should().BeEmpty("a new field goes into EndToEnd/BadInput/FieldCatalog.cs with its page, role, kind and submit button");
    }

    [Fact]
    public void The_catalog_names_only_fields_that_exist_once()
    {
        var inSources = Inputs().Select(i => i.Id).ToHashSet();
        FieldCatalog.All.Select(f => f.Id).Should().OnlyHaveUniqueItems();
        FieldCatalog.All.Where(f => !inSources.Contains(f.Id)).Select(f => f.Id).Should().BeEmpty("a removed field leaves the catalog");
        FieldCatalog.All.Where(f => f.Kind is FieldKind.Text or FieldKind.Secret && f.Limit is null).Should().BeEmpty("a text field has a limit");
    }

    [Fact]
    public void Every_text_field_has_the_limit_of_its_catalog_entry_and_a_counter()
    {
        var problems = new List<string>();
        foreach (var input in Inputs().Where(i => i.Id is not null && FieldCatalog.All.Any(f => f.Id == i.Id && f.Kind is FieldKind.Text or FieldKind.Secret)))
        {
            var entry = FieldCatalog.Get(input.Id!);
            var limit = Regex.Match(input.Text, @"(?:MaxLength|maxlength)=""@?(?<limit>[\w.]+)""");
            if (!limit.Success)
            {
                problems.Add($"{input.File}:{input.Line} {input.Id}: no maxlength");
                continue;
            }

            if (LimitValue(limit.Groups["limit"].Value) != entry.Limit)
            {
                problems.Add($"{input.File}:{input.Line} {input.Id}: maxlength {limit.Groups["limit"].Value} is not the catalog's {entry.Limit}");
            }

            if (input.Tag.StartsWith("Mud", StringComparison.Ordinal) && !input.Text.Contains("Counter=", StringComparison.Ordinal))
            {
                problems.Add($"{input.File}:{input.Line} {input.Id}: no counter");
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void The_largest_field_limit_is_the_one_the_circuit_is_sized_for()
    {
        var limits = typeof(TextLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(TextLimits.Largest)).Select(f => (int)f.GetRawConstantValue()!)
            .Concat(FieldCatalog.All.Where(f => f.Limit is not null).Select(f => f.Limit!.Value));
        limits.Max().Should().Be(TextLimits.Largest);
        CircuitLimits.MaximumReceiveMessageSize.Should().BeGreaterThanOrEqualTo(TextLimits.Largest * 6L + 4096,
            "a field filled to its limit with the worst characters still fits in one message");
    }

    private static int LimitValue(string expression)
    {
        if (int.TryParse(expression, out var value))
        {
            return value;
        }

        var parts = expression.Split('.');
        var type = typeof(TextLimits).Assembly.GetTypes().Single(t => t.Name == parts[^2]);
        return (int)type.GetField(parts[^1])!.GetRawConstantValue()!;
    }

    private static string TagText(string source, int start)
    {
        char? quote = null;
        var depth = 0;
        for (var i = start + 1; i < source.Length; i++)
        {
            var c = source[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c == '"')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '>' && depth <= 0)
            {
                return source[start..(i + 1)];
            }
        }

        return source[start..];
    }

    private static string FindAppDirectory() => Path.Combine(LifecycleDiagramTests.RepositoryRoot(), "CoupDePousse.App");
}
