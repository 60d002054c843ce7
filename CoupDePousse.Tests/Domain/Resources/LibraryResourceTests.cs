using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using FluentAssertions;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Resources;

public class LibraryResourceTests
{
    public static LibraryResourceInput Input(string? link = "https://example.org/feedback") => new(
        CoachingDomain.ManagementAndCommunication, "difficult-conversations",
        "  Le modèle DESC  ", "The DESC model", "Décrire, exprimer, spécifier, conclure.", "Describe, express, specify, conclude.", link);

    [Fact]
    public void The_administrator_creates_a_resource_in_both_languages()
    {
        var resource = LibraryResource.Create(Admin, Input(), Now).ShouldSucceed();

        resource.TitleFrench.Should().Be("Le modèle DESC");
        resource.TitleEnglish.Should().Be("The DESC model");
        resource.TopicCode.Should().Be("difficult-conversations");
        resource.Link.Should().Be("https://example.org/feedback");
        resource.IsArchived.Should().BeFalse();
    }

    [Fact]
    public void Nobody_but_the_administrator_manages_the_library()
    {
        var resource = LibraryResource.Create(Admin, Input(), Now).ShouldSucceed();

        foreach (var actor in new[] { Hr, Manager, Intervener, Beneficiary })
        {
            LibraryResource.Create(actor, Input(), Now).Error.Should().Be(ResourceErrors.OnlyAdmin);
            resource.Edit(actor, Input() with { TitleFrench = "Autre" }, Now).Error.Should().Be(ResourceErrors.OnlyAdmin);
            resource.Archive(actor, true, Now).Error.Should().Be(ResourceErrors.OnlyAdmin);
        }

        resource.TitleFrench.Should().Be("Le modèle DESC");
        resource.IsArchived.Should().BeFalse();
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.org/file")]
    [InlineData("https://exa mple.org")]
    [InlineData("www.example.org")]
    public void Only_absolute_web_links_are_accepted(string link)
    {
        LibraryResource.Create(Admin, Input(link), Now).Error.Should().Be(ResourceErrors.InvalidLink);
    }

    [Fact]
    public void The_link_is_optional()
    {
        LibraryResource.Create(Admin, Input(link: "  "), Now).ShouldSucceed().Link.Should().BeNull();
    }

    [Fact]
    public void One_language_is_enough_and_the_reader_falls_back_on_it()
    {
        var frenchOnly = LibraryResource.Create(Admin, Input() with { TitleEnglish = null, SummaryEnglish = null }, Now).ShouldSucceed();

        LibraryResource.Fallback(frenchOnly.TitleFrench, frenchOnly.TitleEnglish, readerIsEnglish: true).Should().Be("Le modèle DESC");
        LibraryResource.Fallback("Français", "English", readerIsEnglish: true).Should().Be("English");
        LibraryResource.Fallback("", "English", readerIsEnglish: false).Should().Be("English");
    }

    [Fact]
    public void A_resource_needs_a_title_and_a_text_needs_a_title_in_its_language()
    {
        LibraryResource.Create(Admin, Input() with { TitleFrench = " ", TitleEnglish = null }, Now).Error.Should().Be(ResourceErrors.TitleRequired);
        LibraryResource.Create(Admin, Input() with { TitleEnglish = "" }, Now).Error.Should().Be(ResourceErrors.SummaryWithoutTitle);
        LibraryResource.Create(Admin, Input() with { TitleFrench = new string('a', TextLimits.ResourceTitle + 1) }, Now).Error!.Code.Should().Be(CaseErrors.TextTooLong.Code);
        LibraryResource.Create(Admin, Input() with { SummaryEnglish = new string('a', TextLimits.ResourceSummary + 1) }, Now).Error!.Code.Should().Be(CaseErrors.TextTooLong.Code);
    }

    [Fact]
    public void The_topic_belongs_to_the_domain_of_the_catalogue()
    {
        LibraryResource.Create(Admin, Input() with { TopicCode = "no-such-topic" }, Now).Error.Should().Be(CaseErrors.UnknownTopic);
        LibraryResource.Create(Admin, Input() with { TopicCode = "one-off-stress" }, Now).Error.Should().Be(CaseErrors.TopicOutsideDomains);
        LibraryResource.Create(Admin, Input() with { TopicCode = null }, Now).ShouldSucceed().TopicCode.Should().BeNull("a resource may serve a whole domain");
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var resource = LibraryResource.Create(Admin, Input(), Now).ShouldSucceed();

        resource.Edit(Admin, Input("javascript:alert(1)") with { TitleFrench = "Nouveau" }, Now.AddDays(1)).Error.Should().Be(ResourceErrors.InvalidLink);

        resource.TitleFrench.Should().Be("Le modèle DESC");
        resource.Link.Should().Be("https://example.org/feedback");
        resource.UpdatedAt.Should().Be(Now);
    }
}
