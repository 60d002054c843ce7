using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Privacy;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Privacy;

/// <summary>The running app sends a person who has not read the current notice to it, remembering where they were going.</summary>
public class PrivacyNoticeGateTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private const string Password = "Mot-de-passe-2026!";

    private async Task<(AccountClient Client, ApplicationUser User)> NewSignedInAsync(string role)
    {
        var user = await AccountClient.CreateUserAsync(factory.Services, role, Password, readPrivacyNotice: false);
        var client = new AccountClient(factory);
        (await client.SignInAsync(user.Email!, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, user);
    }

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task Someone_who_has_not_read_the_notice_is_sent_to_it_from_every_app_page_with_where_they_were_going()
    {
        var (client, _) = await NewSignedInAsync(Roles.Beneficiary);

        foreach (var url in new[] { "/", "/cases", "/preferences", "/cases?page=2" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            Location(response).Should().Be(PrivacyNoticeGate.NoticeUri(url), url);
        }

        Location(await client.GetAsync("/cases?page=2")).Should().Be("/privacy/notice?returnUrl=%2Fcases%3Fpage%3D2");
        Location(await client.GetAsync("/")).Should().Be("/privacy/notice");
    }

    [Fact]
    public async Task The_notice_the_account_pages_the_logout_and_static_files_stay_open_meanwhile()
    {
        var (client, _) = await NewSignedInAsync(Roles.Manager);

        var notice = await client.GetPageAsync("/privacy/notice?returnUrl=%2Fcases");
        notice.Should().Contain("data-testid=\"privacy-notice\"");
        (await client.GetAsync("/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/favicon.png")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/_framework/blazor.web.js")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Once_read_the_app_opens_at_once_without_signing_in_again()
    {
        var (client, user) = await NewSignedInAsync(Roles.Beneficiary);
        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using (var scope = factory.Services.CreateScope())
        {
            var actor = new CoupDePousse.Domain.Common.Actor(user.Id, CoupDePousse.Domain.Common.Role.Beneficiary);
            (await scope.ServiceProvider.GetRequiredService<PrivacyNoticeService>().AcknowledgeAsync(actor, TestContext.Current.CancellationToken)).IsSuccess.Should().BeTrue();
        }

        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_hr_member_enrols_an_authenticator_before_reading_the_notice()
    {
        var (client, _) = await NewSignedInAsync(Roles.HR);

        Location(await client.GetAsync("/pipeline")).Should().Be(MfaEnrolment.EnrolmentPath);
    }

    [Fact]
    public async Task Anyone_reads_the_general_part_without_signing_in()
    {
        var html = await new AccountClient(factory).GetPageAsync("/privacy/notice");

        html.Should().Contain("data-testid=\"privacy-general-only\"").And.Contain("intérêt légitime");
        html.Should().NotContain("data-kind=\"YourData\"").And.NotContain("data-testid=\"privacy-acknowledge\"");
    }

    [Theory]
    [InlineData("/cases/3?tab=x", "/cases/3?tab=x")]
    [InlineData("/", "/")]
    [InlineData("//evil.test/x", null)]
    [InlineData("/\\evil.test", null)]
    [InlineData("https://evil.test/", null)]
    [InlineData("cases", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/cases\r\nLocation: x", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_an_address_on_this_site_is_followed_after_reading(string? returnUrl, string? followed)
    {
        LocalUrl.Safe(returnUrl).Should().Be(followed);
    }
}
