using System.Net;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.Features.Accounts.LoginForm;

namespace CoupDePousse.Tests.Features.Accounts;

public class LoginTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Login_page_renders_the_hooks_and_the_demo_accounts_in_french()
    {
        var page = await GetLoginPageAsync(NewClient());

        page.Should().Contain("data-testid=\"login-email\"")
            .And.Contain("data-testid=\"login-password\"")
            .And.Contain("data-testid=\"login-submit\"")
            .And.Contain("<html lang=\"fr\"");
        foreach (var account in DemoUsers.All)
        {
            page.Should().Contain($"data-email=\"{account.Email}\"");
        }
        page.Should().Contain("Bénéficiaire").And.Contain("Intervenant");
    }

    [Fact]
    public async Task A_demo_user_signs_in_with_the_login_form_and_reaches_the_dashboard()
    {
        var client = NewClient();
        var page = await GetLoginPageAsync(client);

        var response = await PostLoginAsync(client, page,
            ("_handler", "login"), ("Input.Email", DemoUsers.Hr.Email), ("Input.Password", DemoUsers.Password));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = await ReadPageAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));
        dashboard.Should().Contain(DemoUsers.Hr.DisplayName).And.Contain("data-testid=\"logout\"").And.Contain("href=\"/pipeline\"");
    }

    [Fact]
    public async Task The_one_click_demo_button_signs_in_as_that_account()
    {
        var client = NewClient();
        var page = await GetLoginPageAsync(client);

        var response = await PostLoginAsync(client, page, ("_handler", "demo-login"), ("DemoEmail", DemoUsers.Beneficiary.Email));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = await ReadPageAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));
        dashboard.Should().Contain(DemoUsers.Beneficiary.DisplayName).And.NotContain("href=\"/pipeline\"");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_signs_nobody_in()
    {
        var client = NewClient();
        var page = await GetLoginPageAsync(client);

        var response = await PostLoginAsync(client, page,
            ("_handler", "login"), ("Input.Email", DemoUsers.Manager2.Email), ("Input.Password", "not-the-password"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await ReadPageAsync(response);
        html.Should().Contain("data-testid=\"error-message\"");
        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task The_language_switch_sets_the_culture_cookie_and_returns_to_the_page()
    {
        var client = NewClient();

        var response = await client.GetAsync("/culture/set?culture=en-US&redirectUri=%2FAccount%2FLogin", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/Account/Login");
        var page = await GetLoginPageAsync(client);
        page.Should().Contain("<html lang=\"en\"").And.Contain("Demo accounts");
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var response = await NewClient().GetAsync("/culture/set?culture=en-US&redirectUri=https%3A%2F%2Fevil.example", TestContext.Current.CancellationToken);

        response.Headers.Location!.ToString().Should().Be("/");
    }

    [Fact]
    public async Task The_language_a_signed_in_person_chooses_is_kept_on_their_account_for_their_mails()
    {
        var client = NewClient();
        var page = await GetLoginPageAsync(client);
        await PostLoginAsync(client, page, ("_handler", "demo-login"), ("DemoEmail", DemoUsers.Beneficiary2.Email));

        await client.GetAsync("/culture/set?culture=en-US&redirectUri=%2F", TestContext.Current.CancellationToken);

        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            (await db.Users.SingleAsync(u => u.Email == DemoUsers.Beneficiary2.Email, TestContext.Current.CancellationToken)).Language.Should().Be("en");
        }

        await client.GetAsync("/culture/set?culture=fr-FR&redirectUri=%2F", TestContext.Current.CancellationToken);

        await using var again = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await again.Users.SingleAsync(u => u.Email == DemoUsers.Beneficiary2.Email, TestContext.Current.CancellationToken)).Language.Should().Be("fr");
    }

    [Fact]
    public async Task A_signed_in_person_reaches_their_mail_preferences_page()
    {
        var client = NewClient();
        var page = await GetLoginPageAsync(client);
        await PostLoginAsync(client, page, ("_handler", "demo-login"), ("DemoEmail", DemoUsers.Beneficiary3.Email));

        var response = await client.GetAsync("/preferences", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await ReadPageAsync(response);
        html.Should().Contain("data-testid=\"mail-preferences\"").And.Contain("data-testid=\"mail-pref-MeetingReminder\"");
    }
}
