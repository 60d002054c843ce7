using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CoupDePousse.App.Components.Account.Shared;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace CoupDePousse.Tests.Components.Account;

/// <summary>Inside a live circuit no request reaches the middleware: the gate around the router holds the rule on each navigation.</summary>
public class MfaEnrolmentGateTests : MudTestContext
{
    public MfaEnrolmentGateTests() =>
        Services.AddSingleton(new MfaEnrolment(new HostingEnvironment { EnvironmentName = "Production" }, new ConfigurationBuilder().Build()));

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private IRenderedComponent<MfaEnrolmentGate> RenderGateAt(string path)
    {
        Navigation.NavigateTo(path);
        return Render<MfaEnrolmentGate>(parameters => parameters.AddChildContent("<p id=\"page\">page</p>"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pipeline")]
    [InlineData("/cases/7")]
    public void An_hr_member_without_an_authenticator_is_sent_to_enrolment_and_sees_no_page(string path)
    {
        AddAuthorization().SignIn(Roles.HR);

        var gate = RenderGateAt(path);

        gate.FindAll("#page").Should().BeEmpty();
        var last = Navigation.History.First();
        new Uri(last.Uri, UriKind.RelativeOrAbsolute).ToString().Should().EndWith(MfaEnrolment.EnrolmentPath);
        last.Options.ForceLoad.Should().BeTrue("the enrolment page is static: the circuit must be left");
    }

    [Fact]
    public void An_hr_member_with_an_authenticator_sees_the_page()
    {
        AddAuthorization().SignIn(Roles.HR).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(AppClaimTypes.MfaEnabled, "true"));

        var gate = RenderGateAt("/pipeline");

        gate.Find("#page").TextContent.Should().Be("page");
        Navigation.Uri.Should().EndWith("/pipeline");
    }

    [Fact]
    public void A_beneficiary_without_an_authenticator_sees_the_page()
    {
        AddAuthorization().SignIn(Roles.Beneficiary);

        var gate = RenderGateAt("/cases");

        gate.Find("#page").TextContent.Should().Be("page");
    }

    [Fact]
    public void The_account_pages_render_for_whoever_must_enrol()
    {
        AddAuthorization().SignIn(Roles.Admin);

        var gate = RenderGateAt(MfaEnrolment.EnrolmentPath);

        gate.Find("#page").TextContent.Should().Be("page");
    }
}
