using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Features.Meetings;
using CoupDePousse.App.Features.Notifications;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Features.Preferences;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.App.Features.Statements;
using CoupDePousse.App.Localization;
using CoupDePousse.App.Mail;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.Domain.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.Tests.Components;

/// <summary>
/// Every resource pair (French neutral, English satellite) is complete, and every key the app's code asks a localizer for
/// exists in the resource file of that localizer: literal keys are read from the sources, interpolated and computed keys
/// are expanded from the tables below, and a new kind of lookup fails until it is listed here.
/// </summary>
public partial class ResourceTests
{
    private static readonly string AppDirectory = FindAppDirectory();

    /// <summary>Interpolated keys ("Mode.{session.Mode}" is read as "Mode.{}") and the values their placeholder takes.</summary>
    private static readonly (string Resource, string Template, IEnumerable<string> Values)[] InterpolatedKeys =
    [
        (nameof(SharedResource), "Home.Welcome.{}", Roles.All),
        (nameof(SharedResource), "Nav.NewCase.{}", Roles.CanProposeCase),
        (nameof(SharedResource), "Role.{}", Roles.All),
        (nameof(SharedResource), "Identity.{}", typeof(LocalizedIdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name)),
        (nameof(PipelineText), "Waiting.{}", Names<WaitingParty>()),
        (nameof(PipelineText), "Export.{}", PipelineService.ExportColumns),
        (nameof(MeetingText), "Kind.{}", Names<CoupDePousse.Domain.Meetings.MeetingKind>()),
        (nameof(MeetingText), "Status.{}", Names<CoupDePousse.Domain.Meetings.MeetingStatus>()),
        (nameof(MeetingText), "Mode.{}", Names<SessionMode>()),
        (nameof(StatementText), "Mode.{}", Names<SessionMode>()),
        (nameof(ReportText), "Figure.{}", ReportTables.FigureKeys),
        (nameof(ReportText), "Indicator.{}", ReportTables.IndicatorKeys),
        (nameof(ReportText), "Table.{}", ["Indicators", "Months", "Departments", "Domains", "Ends", "Objectives", "Measures"]),
        (nameof(ReportText), "Sheet.{}", ["Indicators", "Months", "Departments", "Domains", "Ends", "Objectives", "Measures"]),
        (nameof(ReportText), "End.{}", Names<CoupDePousse.Domain.Programme.CaseEnd>()),
        (nameof(ReportText), "Objectives.{}", Names<CoupDePousse.Domain.Programme.ObjectivesResult>()),
        (nameof(ReportText), "Export.{}", ["Table", "Group", "Figure", "Value", "Note"]),
        (nameof(StatementText), "Column.{}", Names<StatementColumn>()),
        (nameof(MeetingText), "Reason.{}", Names<CoupDePousse.Domain.Meetings.MeetingChangeReason>()),
        (nameof(NotificationText), "Kind.{}", Names<CoupDePousse.Domain.Notifications.NotificationKind>()),
        (nameof(TimeZoneText), "Zone.{}", TimeZoneChoices.Offered),
        (nameof(DashboardText), "Coarse.{}", Names<CoarseStatus>()),
        (nameof(DashboardText), "Next.{}", Names<NextStep>()),
        (nameof(DashboardText), "Admin.{}.Title", ["Users", "Interveners", "Budget", "Audit"]),
        (nameof(DashboardText), "Admin.{}.Text", ["Users", "Interveners", "Budget", "Audit"]),
        (nameof(AdminText), "Retention.Field.{}", Names<CoupDePousse.Domain.Privacy.RetentionField>()),
        (nameof(AdminText), "Retention.Kind.{}", Names<CoupDePousse.Domain.Privacy.RetentionKind>()),
        (nameof(AdminText), "Retention.Outcome.{}", Names<CoupDePousse.App.Data.RetentionRunOutcome>()),
        (nameof(CaseText), "Referral.{}", Names<ReferralKind>()),
        (nameof(CaseText), "Conflict.Relation.{}", Names<CoupDePousse.Domain.Interveners.ConflictRelation>()),
        (nameof(CaseText), "Party.{}", Names<Party>()),
        (nameof(CaseText), "ConflictDeclaration.Status.{}", Names<ConflictDeclarationStatus>()),
        (nameof(CaseText), "History.Trigger.{}", Names<CaseTrigger>()),
        (nameof(CaseText), "Role.{}", Names<Role>()),
        // A proposal is sent from its own page, which says so with ProposalText's "Sent.{role}".
        (nameof(CaseText), "Done.{}", Enum.GetValues<CaseTrigger>().Where(t => !t.IsAutomatic() && t != CaseTrigger.Propose).Select(t => t.ToString())),
        (nameof(CaseText), "Coarse.{}", Names<CoarseStatus>()),
        (nameof(CaseText), "Next.{}", Names<NextStep>()),
        (nameof(CaseText), "Proposer.Explain.{}", Names<CoarseStatus>()),
        (nameof(CaseText), "Rating.{}", Names<ObjectiveRating>()),
        (nameof(CaseText), "Mode.{}", Names<SessionMode>()),
        // The cases page lists cases for these two roles only; the others are sent elsewhere.
        (nameof(CaseText), "List.Intro.{}", [Roles.Beneficiary, Roles.Intervener]),
        (nameof(CaseText), "Extension.{}", Names<ExtensionStatus>()),
        (nameof(CaseText), "ExtensionCategory.{}", Names<ExtensionCategory>()),
        (nameof(ProposalText), "Title.{}", Roles.CanProposeCase),
        (nameof(ProposalText), "Intro.{}", Roles.CanProposeCase),
        // A beneficiary asks for themselves: only the others choose whom the proposal is for.
        (nameof(ProposalText), "Field.Beneficiary.Help.{}", Roles.CanProposeCase.Except([Roles.Beneficiary])),
        (nameof(ProposalText), "Field.Description.Help.{}", Roles.CanProposeCase),
        (nameof(ProposalText), "Audience.Situation.{}", Roles.CanProposeCase),
        (nameof(ProposalText), "Submit.{}", Roles.CanProposeCase),
        (nameof(ProposalText), "Sent.{}", Roles.CanProposeCase),
        (nameof(ProposalText), "Checklist.{}", Enumerable.Range(1, 6).Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (nameof(AdminText), "Role.{}", Roles.All),
        (nameof(AdminText), "Status.{}", Names<AccountStatus>()),
        (nameof(AdminText), "AuditKind.{}", Names<SecurityEventKind>()),
        (nameof(MailText), "Subject.{}", Names<CoupDePousse.Domain.Notifications.NotificationKind>()),
        (nameof(MailText), "Body.{}", Names<CoupDePousse.Domain.Notifications.NotificationKind>()),
        (nameof(MailPreferencesText), "Kind.{}", Names<CoupDePousse.Domain.Notifications.NotificationKind>()),
        (nameof(PersonalDataText), "MailKind.{}", Names<CoupDePousse.Domain.Notifications.NotificationKind>()),
        (nameof(PersonalDataText), "Notification.{}", Names<CoupDePousse.Domain.Notifications.NotificationKind>()),
        (nameof(PersonalDataText), "MeetingKind.{}", Names<CoupDePousse.Domain.Meetings.MeetingKind>()),
        (nameof(PersonalDataText), "MeetingStatus.{}", Names<CoupDePousse.Domain.Meetings.MeetingStatus>()),
        (nameof(PersonalDataText), "CompanyTextStatus.{}", Names<CompanyTextStatus>()),
        (nameof(PersonalDataText), "Author.{}", Names<CoupDePousse.Domain.Resources.ActionItemAuthor>()),
    ];

    /// <summary>Keys computed elsewhere and passed as a variable: the expression the lookup uses, the file that computes them and how it writes them.</summary>
    private static readonly (string Resource, string Expression, string KeySource, string KeyPattern)[] ComputedKeys =
    [
        (nameof(DashboardText), "HrTodo(row)", "Features/Pipeline/HrDashboard.razor", @"=> ""(?<key>Hr\.Todo\.\w+)"""),
        (nameof(SharedResource), "resourceKey", "Localization/AppMudLocalizer.cs", @"""(?<key>MudBlazor\.\w+)"""),
    ];

    public static TheoryData<string> ResourceFiles => new(
        Directory.EnumerateFiles(AppDirectory, "*.resx", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".en.resx", StringComparison.Ordinal) && !IsBuildOutput(path))
            .Select(path => Path.GetRelativePath(AppDirectory, path))
            .Order());

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_french_string_has_an_english_translation(string resource)
    {
        var french = Entries(Path.Combine(AppDirectory, resource));
        var english = Entries(Path.Combine(AppDirectory, Path.ChangeExtension(resource, ".en.resx")));

        french.Should().NotBeEmpty();
        english.Keys.Should().BeEquivalentTo(french.Keys);
        french.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key).Should().BeEmpty("every French string has a text");
        english.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key).Should().BeEmpty("every English string has a text");
    }

    [Fact]
    public void Every_literal_key_used_in_code_exists_in_its_resource()
    {
        var lookups = Lookups().ToList();
        var missing = lookups
            .SelectMany(lookup => LiteralKeys(lookup.Argument).Select(key => (lookup.File, lookup.Resource, Key: key)))
            .Where(use => !Keys(use.Resource).Contains(use.Key))
            .Select(use => $"{use.File}: {use.Resource}[\"{use.Key}\"]");

        lookups.Should().Contain(lookup => LiteralKeys(lookup.Argument).Any(), "the scan must find the app's lookups");
        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_interpolated_key_used_in_code_is_expanded_by_this_test()
    {
        var used = Lookups()
            .Where(lookup => lookup.Argument.StartsWith("$\"", StringComparison.Ordinal))
            .Select(lookup => (lookup.Resource, Template: Placeholder().Replace(FirstString(lookup.Argument), "{}")))
            .Distinct();

        used.Should().BeSubsetOf(InterpolatedKeys.Select(entry => (entry.Resource, entry.Template)), "each interpolated key needs the values it takes listed here");
    }

    [Fact]
    public void Every_expansion_of_an_interpolated_key_exists()
    {
        var missing = InterpolatedKeys
            .SelectMany(entry => entry.Values.Select(value => (entry.Resource, Key: entry.Template.Replace("{}", value, StringComparison.Ordinal))))
            .Where(use => !Keys(use.Resource).Contains(use.Key))
            .Select(use => $"{use.Resource}[\"{use.Key}\"]");

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_computed_key_exists()
    {
        var computed = Lookups()
            .Where(lookup => !LiteralKeys(lookup.Argument).Any() && !lookup.Argument.StartsWith("$\"", StringComparison.Ordinal))
            .Select(lookup => (lookup.Resource, Expression: lookup.Argument.Split(',')[0].Trim()))
            .Distinct();
        computed.Should().BeSubsetOf(ComputedKeys.Select(entry => (entry.Resource, entry.Expression)), "each key passed as a variable needs its source listed here");

        foreach (var (resource, expression, keySource, keyPattern) in ComputedKeys)
        {
            var keys = Regex.Matches(File.ReadAllText(Path.Combine(AppDirectory, keySource)), keyPattern).Select(match => match.Groups["key"].Value).ToList();

            keys.Should().NotBeEmpty("{0} computes the keys of {1}", keySource, expression);
            keys.Should().OnlyContain(key => Keys(resource).Contains(key), "{0} only computes keys of {1}", keySource, resource);
        }
    }

    [Theory]
    [InlineData("fr-FR", "Tableau de bord")]
    [InlineData("en-US", "Dashboard")]
    public void French_is_the_neutral_language_and_english_the_translation(string culture, string expected)
    {
        var title = Localized<SharedResource>(culture, "Home.Title");

        title.ResourceNotFound.Should().BeFalse();
        title.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData("fr-FR", "Pilotage des coups de pousse", "Demander un coup de pousse pour moi")]
    [InlineData("en-US", "Coup de pousse pipeline", "Ask for a coup de pousse for myself")]
    public void Feature_strings_resolve_in_both_languages(string culture, string pipelineTitle, string askForMyself)
    {
        var pipeline = Localized<PipelineText>(culture, "Title");
        var dashboard = Localized<DashboardText>(culture, "Beneficiary.Ask");

        pipeline.ResourceNotFound.Should().BeFalse();
        pipeline.Value.Should().Be(pipelineTitle);
        dashboard.Value.Should().Be(askForMyself);
    }

    [Theory]
    [InlineData("fr-FR", "Mon coup de pousse")]
    [InlineData("en-US", "My coup de pousse")]
    public void Case_strings_resolve_in_french_and_english(string culture, string expected)
    {
        var title = Localized<CaseText>(culture, "Page.TitleMine");

        title.ResourceNotFound.Should().BeFalse();
        title.Value.Should().Be(expected);
    }

    // The lookahead lets a lookup nested in another one's arguments (T["Chip", T[$"Waiting.{party}"]]) be found too.
    /// <summary>Each <c>Name[...]</c> lookup on a localizer the file injects or receives, with the resource it reads.</summary>
    private static IEnumerable<(string File, string Resource, string Argument)> Lookups()
    {
        foreach (var path in Directory.EnumerateFiles(AppDirectory, "*.*", SearchOption.AllDirectories).Where(p => (p.EndsWith(".razor", StringComparison.Ordinal) || p.EndsWith(".cs", StringComparison.Ordinal)) && !IsBuildOutput(p)))
        {
            var source = File.ReadAllText(path);
            foreach (Match localizer in Localizer().Matches(source))
            {
                var (resource, name) = (localizer.Groups["resource"].Value, localizer.Groups["name"].Value);
                foreach (Match lookup in Regex.Matches(source, $@"(?<![\w.]){Regex.Escape(name)}\[(?=(?<argument>[^\]\r\n]*)\])"))
                {
                    yield return (Path.GetRelativePath(AppDirectory, path), resource, lookup.Groups["argument"].Value);
                }
            }
        }
    }

    /// <summary>"Key", "Key", args, or cond ? "A" : "B": the literal keys an argument names, none for an interpolated or computed one.</summary>
    private static IEnumerable<string> LiteralKeys(string argument)
    {
        var literal = Regex.Match(argument, @"^\s*""(?<key>[^""]+)""");
        if (literal.Success)
        {
            return [literal.Groups["key"].Value];
        }

        var choice = Regex.Match(argument, @"\?\s*""(?<a>[^""]+)""\s*:\s*""(?<b>[^""]+)""");
        return choice.Success ? [choice.Groups["a"].Value, choice.Groups["b"].Value] : [];
    }

    private static string FirstString(string argument) => Regex.Match(argument, @"^\$""(?<text>[^""]*)""").Groups["text"].Value;

    private static HashSet<string> Keys(string resource)
    {
        var path = Directory.EnumerateFiles(AppDirectory, resource + ".resx", SearchOption.AllDirectories).Single(p => !IsBuildOutput(p));
        return Entries(path).Keys.ToHashSet();
    }

    private static Dictionary<string, string> Entries(string resxPath) =>
        XDocument.Load(resxPath).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static LocalizedString Localized<TResource>(string culture, string key)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<TResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => Enum.GetNames<TEnum>();

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string FindAppDirectory() => Path.Combine(LifecycleDiagramTests.RepositoryRoot(), "CoupDePousse.App");

    [GeneratedRegex(@"IStringLocalizer<(?<resource>\w+)>\s+(?<name>\w+)")]
    private static partial Regex Localizer();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
