using Bunit;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Administration;

/// <summary>The administrator's library panel: create, refuse a dangerous link next to the form, archive.</summary>
public class ResourceLibraryPanelTests : FeaturePageContext
{
    [Fact]
    public async Task The_administrator_creates_a_resource_and_archives_it()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<ResourceLibraryPanel>();
        panel.WaitForElement("[data-testid=resource-library-empty]", Patience);

        panel.Find("[data-testid=field-resource-title-fr]").Change("La méthode DESC");
        panel.Find("[data-testid=field-resource-summary-fr]").Change("Décrire, exprimer, spécifier, conclure.");
        panel.Find("[data-testid=field-resource-link]").Change("https://example.org/desc");
        panel.Find("[data-testid=resource-save]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=resource-row]").TextContent.Should().Contain("La méthode DESC"), Patience);
        panel.Find("[data-testid=resource-row]").GetAttribute("data-archived").Should().Be("false");
        panel.Find("[data-testid=resource-archive]").Click();
        panel.WaitForAssertion(() => panel.Find("[data-testid=resource-row]").GetAttribute("data-archived").Should().Be("true"), Patience);
        var rows = (await Database.ResourceLibrary().ListAsync(Admin, Xunit.TestContext.Current.CancellationToken)).Value;
        rows.Should().ContainSingle().Which.Should().Match<LibraryResourceRow>(r => r.IsArchived && r.Link == "https://example.org/desc");
    }

    [Fact]
    public async Task A_javascript_link_is_refused_next_to_the_form_and_nothing_is_stored()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<ResourceLibraryPanel>();
        panel.WaitForElement("[data-testid=resource-library-empty]", Patience);

        panel.Find("[data-testid=field-resource-title-fr]").Change("Piège");
        panel.Find("[data-testid=field-resource-link]").Change("javascript:alert(1)");
        panel.Find("[data-testid=resource-save]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=resource-form] [data-testid=error-message]").GetAttribute("data-error-code").Should().Be(ResourceErrors.InvalidLink.Code), Patience);
        (await Database.ResourceLibrary().ListAsync(Admin, Xunit.TestContext.Current.CancellationToken)).Value.Should().BeEmpty();
    }
}
