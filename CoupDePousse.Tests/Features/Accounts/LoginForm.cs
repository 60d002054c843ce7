using System.Net;
using System.Text.RegularExpressions;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>The login page spoken to over HTTP, as a browser without JavaScript would.</summary>
public static partial class LoginForm
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public static async Task<string> GetLoginPageAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await ReadPageAsync(response);
    }

    // Razor encodes non-ASCII characters (é becomes &#xE9;).
    public static async Task<string> ReadPageAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string page, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        token.Should().NotBeEmpty("the form carries an antiforgery token");
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in with the login page's one-click demo button (Development only).</summary>
    public static async Task<HttpResponseMessage> DemoSignInAsync(HttpClient client, string email) =>
        await PostLoginAsync(client, await GetLoginPageAsync(client), ("_handler", "demo-login"), ("DemoEmail", email));

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string page, string email, string password) =>
        PostLoginAsync(client, page, ("_handler", "login"), ("Input.Email", email), ("Input.Password", password));
}
