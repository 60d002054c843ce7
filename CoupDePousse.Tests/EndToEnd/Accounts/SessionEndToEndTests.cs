using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CoupDePousse.Tests.EndToEnd.Steps.CaseFlows;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Accounts;

public sealed partial class SessionEndToEndTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private const string SessionCookie = ".AspNetCore.Identity.Application";

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginAddress();

    [Fact]
    public async Task An_hr_member_demoted_by_the_admin_loses_the_pipeline_open_in_another_browser()
    {
        var (userId, email, key) = await CreateUserAsync(Roles.HR);
        var hr = await SignInAsync(email, key);
        await OpenAsync(hr, "/pipeline");
        await Expect(hr.GetByTestId("pipeline-table")).ToBeVisibleAsync();

        var admin = await SignInAsync(DemoUsers.Admin);
        await OpenAsync(admin, "/admin?tab=users");
        await FillTextAsync(admin.GetByTestId("field-user-search"), email);
        await Expect(admin.GetByTestId("user-row")).ToHaveCountAsync(1);
        await SettleAsync(admin);
        await admin.Locator($"[data-testid=edit-user][data-user-id='{userId}']").ClickAsync();
        await Expect(admin.Locator($"[data-testid=user-editor][data-user-id='{userId}']")).ToBeVisibleAsync();
        await ChooseAsync(admin, "field-user-role", "Bénéficiaire");
        await admin.GetByTestId("save-role").ClickAsync();
        await Expect(admin.Locator($"[data-testid=user-row][data-user-id='{userId}'] + td")).ToHaveAttributeAsync("data-role", Roles.Beneficiary);

        // Revalidation runs every 2 s in the tests (1 min in production): the open tab is sent to the sign-in page.
        await Expect(hr).ToHaveURLAsync(LoginAddress(), new() { Timeout = 30_000 });
        await Expect(hr.GetByTestId("session-ended")).ToBeVisibleAsync();
        await hr.GotoAsync("/pipeline");
        await Expect(hr).ToHaveURLAsync(LoginAddress());
        await Expect(hr.GetByTestId("pipeline-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_signs_in()
    {
        var page = await SignInAsync(DemoUsers.Beneficiary2);
        var copied = (await page.Context.CookiesAsync()).Where(cookie => cookie.Name.StartsWith(SessionCookie, StringComparison.Ordinal)).ToList();
        copied.Should().NotBeEmpty();

        // Before sign-out the copy works: the test would prove nothing otherwise.
        var before = await NewPageWithCookiesAsync(copied);
        await OpenAsync(before, "/");
        await Expect(before.GetByTestId("logout")).ToBeVisibleAsync();

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-link").Or(page.GetByTestId("login-email")).First).ToBeVisibleAsync();

        var replay = await NewPageWithCookiesAsync(copied);
        await replay.GotoAsync("/");
        await Expect(replay).ToHaveURLAsync(LoginAddress());
        await Expect(replay.GetByTestId("logout")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_open_in_another_browser()
    {
        var (_, email, _) = await CreateUserAsync(Roles.Beneficiary);
        var elsewhere = await SignInAsync(email);
        await OpenAsync(elsewhere, "/");
        var here = await SignInAsync(email);

        await OpenStaticAsync(here, "/Account/Manage");
        await here.GetByTestId("sign-out-everywhere").ClickAsync();

        await Expect(here).ToHaveURLAsync(LoginAddress());
        await Expect(elsewhere).ToHaveURLAsync(LoginAddress(), new() { Timeout = 30_000 });
        await elsewhere.GotoAsync("/");
        await Expect(elsewhere).ToHaveURLAsync(LoginAddress());
    }

    private async Task<IPage> NewPageWithCookiesAsync(IEnumerable<BrowserContextCookiesResult> cookies)
    {
        var page = await NewPageAsync();
        await page.Context.AddCookiesAsync(cookies.Select(cookie => new Cookie
        {
            Name = cookie.Name,
            Value = cookie.Value,
            Domain = cookie.Domain,
            Path = cookie.Path,
            HttpOnly = cookie.HttpOnly,
            Secure = cookie.Secure,
            SameSite = cookie.SameSite,
        }));
        return page;
    }

    /// <summary>
    /// An account of its own, so that changing it leaves the demo accounts as other tests expect them; a role that must
    /// use MFA gets an authenticator, whose key is returned.
    /// </summary>
    private async Task<(string Id, string Email, string? AuthenticatorKey)> CreateUserAsync(string role)
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"session-{Guid.NewGuid():N}@demo.local";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Camille Sessions", Department = "RH", EmailConfirmed = true };
        (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.PrivacyAcknowledgements.Add(new PrivacyAcknowledgement { UserId = user.Id, Version = PrivacyNotice.Version, AcknowledgedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        if (!Roles.MustUseMfa.Contains(role))
        {
            return (user.Id, email, null);
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (user.Id, email, await users.GetAuthenticatorKeyAsync(user));
    }
}
