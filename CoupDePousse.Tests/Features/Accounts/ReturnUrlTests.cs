using System.Net;
using System.Text.RegularExpressions;
using CoupDePousse.App.Data.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>A hostile ReturnUrl on the sign-in form signs the person in to the home page, never elsewhere and never a 500 (decision 044).</summary>
public partial class ReturnUrlTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http:/evil.example")]
    [InlineData("/\tevil")]
    public async Task A_hostile_return_address_signs_in_to_the_home_page(string returnUrl)
    {
        var response = await SignInWithReturnUrlAsync(returnUrl);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a refused return address is not an error");
        Landing(response).Should().Be("http://localhost/");
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_followed()
    {
        var response = await SignInWithReturnUrlAsync("/cases?tab=mine");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Landing(response).Should().Be("http://localhost/cases?tab=mine");
    }

    /// <summary>Where the browser goes next, resolved against this site.</summary>
    private static string Landing(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).ToString();

    private async Task<HttpResponseMessage> SignInWithReturnUrlAsync(string returnUrl)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var address = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var get = await client.GetAsync(address, TestContext.Current.CancellationToken);
        get.StatusCode.Should().Be(HttpStatusCode.OK, "the login page opens whatever the return address");
        var page = await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DemoUsers.Hr.Email,
            ["Input.Password"] = DemoUsers.Password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(address, form, TestContext.Current.CancellationToken);
    }
}
