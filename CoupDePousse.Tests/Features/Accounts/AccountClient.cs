using System.Net;
using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.Domain.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>A browser without a browser: cookies kept, redirects not followed, forms of the static account pages posted with their antiforgery token.</summary>
public sealed partial class AccountClient(WebApplicationFactory<Program> factory)
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-testid=\"mfa-shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    /// <summary>A new account of <paramref name="role"/> with an address no demo account has.</summary>
    /// <summary>A new account; unless told otherwise it has read the current privacy notice, so the app opens to it.</summary>
    public static async Task<ApplicationUser> CreateUserAsync(IServiceProvider services, string role, string password, bool readPrivacyNotice = true)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@entreprise.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}" };
        (await users.CreateAsync(user, password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        if (readPrivacyNotice)
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            db.PrivacyAcknowledgements.Add(new PrivacyAcknowledgement { UserId = user.Id, Version = PrivacyNotice.Version, AcknowledgedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return user;
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(url, TestContext.Current.CancellationToken);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return await ReadAsync(response);
    }

    // Razor encodes non-ASCII characters (é becomes &#xE9;).
    public static async Task<string> ReadAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>Posts the form <paramref name="formName"/> of the page at <paramref name="url"/>, read first for its token.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, string formName, params (string Name, string Value)[] fields) =>
        PostFromPageAsync(url, url, [.. fields, ("_handler", formName)]);

    /// <summary>The sign-out form of the page at <paramref name="url"/>, posted to the logout endpoint.</summary>
    public Task<HttpResponseMessage> SignOutFromAsync(string url) => PostFromPageAsync(url, "/Account/Logout", ("ReturnUrl", ""));

    private async Task<HttpResponseMessage> PostFromPageAsync(string pageUrl, string actionUrl, params (string Name, string Value)[] fields)
    {
        var page = await GetPageAsync(pageUrl);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        token.Should().NotBeEmpty("the form carries an antiforgery token");
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await Http.PostAsync(actionUrl, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/Account/Login", "login", ("Input.Email", email), ("Input.Password", password));

    public static string ReadSharedKey(string page)
    {
        var key = SharedKey().Match(page).Groups[1].Value;
        key.Should().NotBeEmpty("the enrolment page shows the key as text");
        return key;
    }
}
