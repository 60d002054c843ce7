using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Domain.Privacy;

/// <summary>The privacy notice: per role, in French and English, who sees what as the agreement says it, versioned by its text.</summary>
public class PrivacyNoticeTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The fingerprint of each version's text. Changed the text? Raise <see cref="PrivacyNotice.Version"/> and add its fingerprint here.</summary>
    private static readonly Dictionary<int, string> Fingerprints = new()
    {
        [1] = "3649293c117532e3eee6cc3fff39a08fbbd50909c99bd8b5566f618be669bb07",
    };

    public static TheoryData<Role> AllRoles => new(Enum.GetValues<Role>());

    private static string All(IEnumerable<PrivacyNoticeSection> sections) =>
        string.Join("\n", sections.SelectMany(s => s.Lines.Prepend(s.Title)));

    [Fact]
    public void The_current_text_is_the_text_of_the_current_version()
    {
        Fingerprints.Should().ContainKey(PrivacyNotice.Version, "a new version needs its fingerprint pinned here");
        PrivacyNotice.Fingerprint().Should().Be(Fingerprints[PrivacyNotice.Version],
            "the notice's text changed: raise PrivacyNotice.Version so that everyone is shown it again, and pin its fingerprint {0}",
            PrivacyNotice.Fingerprint());
    }

    [Fact]
    public void Each_version_has_its_own_text()
    {
        Fingerprints.Values.Should().OnlyHaveUniqueItems();
        Fingerprints.Keys.Max().Should().Be(PrivacyNotice.Version);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public void Every_role_reads_the_general_part_and_what_the_app_keeps_about_them(Role role)
    {
        foreach (var culture in new[] { French, English })
        {
            PrivacyNotice.Compose(role, culture).Select(s => s.Kind).Should().Equal(Enum.GetValues<PrivacyNoticeSectionKind>());
            var general = PrivacyNotice.Compose(null, culture);
            PrivacyNotice.Compose(role, culture).Where(s => s.Kind != PrivacyNoticeSectionKind.YourData).Should().BeEquivalentTo(general, o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void The_general_part_read_before_signing_in_names_no_role()
    {
        PrivacyNotice.Compose(null, English).Select(s => s.Kind).Should().NotContain(PrivacyNoticeSectionKind.YourData);
    }

    [Fact]
    public void The_part_of_each_role_says_what_that_role_leaves_in_the_app()
    {
        string YourData(Role role) => All(PrivacyNotice.Compose(role, English).Where(s => s.Kind == PrivacyNoticeSectionKind.YourData));

        YourData(Role.Beneficiary).Should().Contain("Your journal").And.Contain("may touch on health");
        YourData(Role.Manager).Should().Contain("you see only “proposed”, “in progress” or “ended”");
        YourData(Role.Intervener).Should().Contain("Your session notes: only you read them").And.Contain("hourly rate");
        YourData(Role.HR).Should().Contain("your decisions (assignment, extra hours, cancellation and its reason)");
        YourData(Role.Admin).Should().Contain("settings changed");
        Enum.GetValues<Role>().Select(YourData).Should().OnlyHaveUniqueItems();
        All(PrivacyNotice.Compose(Role.Intervener, French)).Should().Contain("Vos notes de séance : vous seul les lisez.");
    }

    [Fact]
    public void The_lawful_basis_is_the_employers_legitimate_interest_never_consent()
    {
        var english = All(PrivacyNotice.Compose(null, English));
        var french = All(PrivacyNotice.Compose(null, French));

        english.Should().Contain("The lawful basis is the employer’s legitimate interest in offering voluntary support");
        english.Should().Contain("does not rest on your consent").And.Contain("Taking part stays voluntary");
        english.Should().Contain("independent of the company").And.Contain("the controller of this data");
        french.Should().Contain("La base légale est l’intérêt légitime de l’employeur").And.Contain("ne repose pas sur votre consentement");
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public void Who_sees_what_is_the_agreements_own_text(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var coachingCase = CaseBuilder.Accepted();
        var agreement = AgreementText.Compose(coachingCase.CurrentAgreement!, culture).Single(s => s.Kind == AgreementSectionKind.Visibility);
        var notice = PrivacyNotice.Compose(Role.Beneficiary, culture).Single(s => s.Kind == PrivacyNoticeSectionKind.WhoSeesWhat);

        notice.Title.Should().Be(agreement.Title);
        notice.Lines.Take(agreement.Lines.Count).Should().Equal(agreement.Lines);
        notice.Lines.Should().HaveCount(agreement.Lines.Count + 1, "the notice adds only that nobody else opens a case");
    }

    [Fact]
    public void Who_sees_what_follows_each_visibility_flag()
    {
        var notice = PrivacyNotice.Compose(Role.Manager, English).Single(s => s.Kind == PrivacyNoticeSectionKind.WhoSeesWhat);
        foreach (var relation in VisibilityText.ExplainedRelations)
        {
            var line = notice.Lines.Single(l => l == VisibilityText.Line(relation, English));
            var seen = line.Split(" Does not see: ")[0];
            foreach (var (sees, _, label, _) in VisibilityText.Items)
            {
                var rules = new CaseVisibility(relation, ObjectivesSharedWithCompany: false);
                var shared = new CaseVisibility(relation, ObjectivesSharedWithCompany: true);
                seen.Contains(label, StringComparison.Ordinal).Should().Be(sees(rules) || sees(shared), "{0}: {1}", relation, label);
            }
        }

        notice.Lines.Should().Contain(l => l.StartsWith("HR, for the company, see:", StringComparison.Ordinal) && l.Contains("Does not see: the situation in the person’s own words", StringComparison.Ordinal));
    }

    [Fact]
    public void Retention_periods_are_the_admins_with_the_defaults_when_none_is_set()
    {
        var defaults = PrivacyNotice.Compose(Role.Beneficiary, English).Single(s => s.Kind == PrivacyNoticeSectionKind.Retention).Lines;
        defaults.Should().Contain($"The intervener’s session notes: destroyed {RetentionDefaults.SessionNoteMonths} months after the case ends.");
        defaults.Should().Contain(l => l.StartsWith($"An ended case: anonymised {RetentionDefaults.EndedCaseMonths} months after it ends", StringComparison.Ordinal));
        defaults.Should().Contain($"The security log: {RetentionDefaults.SecurityEventMonths} months.");
        defaults.Should().Contain("An invitation never used: deleted when it expires.");

        var periods = RetentionPeriods.Create(3, 24, 18, 2, 7, 1).Value;
        var set = PrivacyNotice.Compose(null, French, periods: periods).Single(s => s.Kind == PrivacyNoticeSectionKind.Retention).Lines;
        set.Should().Contain("Les notes de séance de l’intervenant : détruites 3 mois après la fin du dossier.")
            .And.Contain(l => l.StartsWith("Un dossier terminé : anonymisé 24 mois après sa fin", StringComparison.Ordinal))
            .And.Contain("Le journal de sécurité : 18 mois.")
            .And.Contain("Les notifications : 2 mois.")
            .And.Contain("Une invitation jamais utilisée : supprimée 7 jours après son expiration.");
    }

    [Fact]
    public void Rights_point_to_the_data_download_and_to_the_administrator()
    {
        var rights = All(PrivacyNotice.Compose(null, English).Where(s => s.Kind == PrivacyNoticeSectionKind.Rights));

        rights.Should().Contain(PrivacyNotice.AccessPath).And.Contain("Erasure: ask the administrator").And.Contain("CNIL");
    }

    [Fact]
    public void The_contact_set_by_the_admin_is_printed_otherwise_the_administrator_is_named()
    {
        PrivacyNotice.Compose(null, English, "dpo@company.test").Single(s => s.Kind == PrivacyNoticeSectionKind.Contact).Lines
            .Should().Equal("For any question about your data: dpo@company.test");
        PrivacyNotice.Compose(Role.HR, French, "  ").Single(s => s.Kind == PrivacyNoticeSectionKind.Contact).Lines
            .Should().Equal("Pour toute question sur vos données, écrivez à l’administrateur du programme.");
    }

    [Fact]
    public void The_contact_does_not_change_the_versioned_text()
    {
        var before = PrivacyNotice.Fingerprint();
        PrivacyNotice.Compose(Role.Admin, English, "dpo@company.test");
        PrivacyNotice.Fingerprint().Should().Be(before);
    }

    [Fact]
    public void A_contact_is_short_plain_text_or_none()
    {
        PrivacyContact.Create("  dpo@company.test ").Value.Should().Be("dpo@company.test");
        PrivacyContact.Create("   ").Value.Should().BeNull();
        PrivacyContact.Create(new string('a', PrivacyContact.MaxLength + 1)).Error!.Code.Should().Be(TextErrors.TooLong.Code);
        PrivacyContact.Create("dpo\u202E@company.test").Error.Should().Be(TextErrors.BidiControl);
    }
}
