using Bunit;
using CoupDePousse.App.Components.Layout;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace CoupDePousse.Tests.Components;

public class MainLayoutTests : MudTestContext
{
    // The bell reads the database; its own tests render it (NotificationBellTests).
    public MainLayoutTests() => ComponentFactories.AddStub<CoupDePousse.App.Features.Notifications.NotificationBell>();

    private IRenderedComponent<MainLayout> RenderLayout(bool interactive = true)
    {
        UseRenderer(interactive);
        return Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, (RenderFragment)(builder => builder.AddContent(0, "page body"))));
    }

    [Fact]
    public void Hr_sees_the_pipeline_link()
    {
        AddAuthorization().SignIn(Roles.HR);

        var layout = RenderLayout();

        layout.FindAll("a[href='/pipeline']").Should().ContainSingle();
        layout.FindAll("a[href='/admin']").Should().BeEmpty();
    }

    [Fact]
    public void Beneficiary_sees_neither_pipeline_nor_admin_but_may_ask_for_a_case()
    {
        AddAuthorization().SignIn(Roles.Beneficiary);

        var layout = RenderLayout();

        layout.FindAll("a[href='/pipeline']").Should().BeEmpty();
        layout.FindAll("a[href='/admin']").Should().BeEmpty();
        layout.Find("a[href='/cases/new']").TextContent.Should().Contain("Demander un coup de pousse");
    }

    [Fact]
    public void Intervener_cannot_propose_a_case()
    {
        AddAuthorization().SignIn(Roles.Intervener);

        var layout = RenderLayout();

        layout.FindAll("a[href='/cases']").Should().ContainSingle();
        layout.FindAll("a[href='/cases/new']").Should().BeEmpty();
    }

    [Fact]
    public void Admin_sees_administration_and_not_the_cases()
    {
        AddAuthorization().SignIn(Roles.Admin);

        var layout = RenderLayout();

        layout.FindAll("a[href='/admin']").Should().ContainSingle();
        layout.FindAll("a[href='/cases']").Should().BeEmpty();
    }

    [Fact]
    public void Signed_in_user_gets_the_logout_hook_and_display_name()
    {
        AddAuthorization().SignIn(Roles.Manager, displayName: "Julien Moreau");

        var layout = RenderLayout();

        var logout = layout.Find("[data-testid=logout]");
        logout.GetAttribute("type").Should().Be("submit");
        logout.Closest("form")!.GetAttribute("action").Should().Be("Account/Logout");
        layout.Find("[data-testid=user-display-name]").TextContent.Should().Be("Julien Moreau");
        layout.Markup.Should().Contain("page body");
    }

    [Fact]
    public void Anonymous_visitor_gets_no_navigation_and_no_logout()
    {
        AddAuthorization();

        var layout = RenderLayout();

        layout.FindAll("[data-testid=logout]").Should().BeEmpty();
        layout.FindAll("a[href='/cases']").Should().BeEmpty();
        layout.FindAll("[data-testid=login-link]").Should().ContainSingle();
    }

    [Fact]
    public void Interactive_marker_is_lower_case_true_once_the_circuit_is_live()
    {
        AddAuthorization().SignIn(Roles.HR);

        var layout = RenderLayout();

        layout.Find("[data-interactive]").GetAttribute("data-interactive").Should().Be("true");
    }

    [Fact]
    public void Interactive_marker_is_false_while_prerendering()
    {
        AddAuthorization().SignIn(Roles.HR);

        var layout = RenderLayout(interactive: false);

        layout.Find("[data-interactive]").GetAttribute("data-interactive").Should().Be("false");
    }

    [Fact]
    public void Layout_speaks_english_when_the_culture_is_english()
    {
        UseCulture("en-US");
        AddAuthorization().SignIn(Roles.HR);

        var layout = RenderLayout();

        layout.Find("[data-testid=nav-dashboard]").TextContent.Should().Contain("Dashboard");
        layout.Find("[data-testid=culture-en]").GetAttribute("aria-current").Should().Be("true");
    }
}
