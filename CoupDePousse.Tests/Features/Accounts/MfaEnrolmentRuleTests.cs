using System.Security.Claims;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CoupDePousse.Tests.Features.Accounts;

public class MfaEnrolmentRuleTests
{
    private static MfaEnrolment Rule(string environment = "Production", bool demoSeed = false) =>
        new(new HostingEnvironment { EnvironmentName = environment },
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DemoSeeding.SeedKey] = demoSeed ? "true" : "false" }).Build());

    private static ClaimsPrincipal User(string role, string email = "someone@entreprise.test", bool mfa = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "user-1"), new(ClaimTypes.Name, email), new(ClaimTypes.Role, role) };
        if (mfa)
        {
            claims.Add(new Claim(AppClaimTypes.MfaEnabled, "true"));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Identity.Application"));
    }

    [Theory]
    [InlineData(Roles.Intervener)]
    [InlineData(Roles.HR)]
    [InlineData(Roles.Admin)]
    public void Interveners_hr_and_admins_without_an_authenticator_must_enrol(string role)
    {
        Rule().MustEnrol(User(role)).Should().BeTrue();
    }

    [Theory]
    [InlineData(Roles.Intervener)]
    [InlineData(Roles.HR)]
    [InlineData(Roles.Admin)]
    public void An_enrolled_authenticator_lets_them_through(string role)
    {
        Rule().MustEnrol(User(role, mfa: true)).Should().BeFalse();
    }

    [Theory]
    [InlineData(Roles.Beneficiary)]
    [InlineData(Roles.Manager)]
    public void Beneficiaries_and_managers_are_never_forced(string role)
    {
        Rule().MustEnrol(User(role)).Should().BeFalse();
    }

    [Fact]
    public void Anonymous_visitors_are_not_sent_to_enrolment()
    {
        Rule().MustEnrol(new ClaimsPrincipal(new ClaimsIdentity())).Should().BeFalse();
    }

    [Fact]
    public void Demo_accounts_skip_enrolment_in_development_with_demo_data()
    {
        Rule(Environments.Development, demoSeed: true).MustEnrol(User(Roles.HR, DemoUsers.Hr.Email)).Should().BeFalse();
    }

    [Fact]
    public void A_non_demo_account_gets_no_exemption_even_in_development()
    {
        Rule(Environments.Development, demoSeed: true).MustEnrol(User(Roles.HR, "rh.reelle@entreprise.test")).Should().BeTrue();
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void Demo_accounts_get_no_exemption_outside_development_with_demo_data(string environment, bool demoSeed)
    {
        Rule(environment, demoSeed).MustEnrol(User(Roles.Admin, DemoUsers.Admin.Email)).Should().BeTrue();
    }

    [Theory]
    [InlineData("/Account/Manage/EnableAuthenticator", true)]
    [InlineData("/Account/Logout", true)]
    [InlineData("/account/login", true)]
    [InlineData("/_blazor/negotiate", true)]
    [InlineData("/_framework/blazor.web.js", true)]
    [InlineData("/", false)]
    [InlineData("/pipeline", false)]
    [InlineData("/cases/3", false)]
    [InlineData("/admin", false)]
    [InlineData("/Accounts", false)]
    public void Only_account_pages_and_the_framework_stay_open(string path, bool open)
    {
        MfaEnrolment.IsOpenPath(new PathString(path)).Should().Be(open);
    }
}
