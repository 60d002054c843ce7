using System.Net;
using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>The real app in Development with demo data: the exemption covers demo accounts only, so new accounts meet the rule.</summary>
public partial class MfaRequirementTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    private const string Password = "Mot-de-passe-2026!";

    [GeneratedRegex("<li><code>[^<]+</code></li>")]
    private static partial Regex RecoveryCodeItem();

    private async Task<(AccountClient Client, ApplicationUser User)> SignedInAsync(string role)
    {
        var user = await AccountClient.CreateUserAsync(factory.Services, role, Password);
        var client = new AccountClient(factory);
        var response = await client.SignInAsync(user.Email!, Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (client, user);
    }

    private async Task<ApplicationUser> EnrolledUserAsync(string role)
    {
        var user = await AccountClient.CreateUserAsync(factory.Services, role, Password);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(stored);
        await users.SetTwoFactorEnabledAsync(stored, true);
        return stored;
    }

    private async Task<string> AuthenticatorKeyAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!))!;
    }

    private async Task<List<SecurityEvent>> EventsAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.SecurityEvents.Where(e => e.SubjectUserId == userId).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    // The middleware answers with a relative address, Blazor's static redirects with an absolute one.
    private static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is null ? null : new Uri(new Uri("http://localhost/"), response.Headers.Location).AbsolutePath;

    private static void ShouldBeSentToEnrolment(HttpResponseMessage response, string because) =>
        RedirectPath(response).Should().Be(MfaEnrolment.EnrolmentPath, because);

    [Fact]
    public async Task An_hr_user_without_mfa_is_sent_to_enrolment_from_every_app_page()
    {
        var (client, _) = await SignedInAsync(Roles.HR);

        foreach (var url in new[] { "/", "/pipeline", "/cases", "/cases/1", "/cases/new", "/no-such-page" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            ShouldBeSentToEnrolment(response, url);
        }
    }

    [Fact]
    public async Task The_enrolment_page_the_logout_and_static_files_stay_open_meanwhile()
    {
        var (client, _) = await SignedInAsync(Roles.Intervener);

        var page = await client.GetPageAsync(MfaEnrolment.EnrolmentPath);
        (await client.GetAsync("/Account/Manage/TwoFactorAuthentication")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/favicon.png")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/_framework/blazor.web.js")).StatusCode.Should().Be(HttpStatusCode.OK);

        page.Should().Contain("data-testid=\"mfa-required\"").And.Contain("data-testid=\"mfa-code\"").And.Contain("src=\"data:image/png;base64,");
        Totp.Base32Decode(AccountClient.ReadSharedKey(page)).Should().HaveCount(20, "Identity's key is 160 bits");
        var logout = await client.SignOutFromAsync(MfaEnrolment.EnrolmentPath);
        logout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync(MfaEnrolment.EnrolmentPath)).Headers.Location!.ToString().Should().Contain("/Account/Login", "signed out");
    }

    [Fact]
    public async Task Enrolling_with_the_code_of_the_shown_key_gives_ten_recovery_codes_and_opens_the_app()
    {
        var (client, user) = await SignedInAsync(Roles.HR);
        var key = AccountClient.ReadSharedKey(await client.GetPageAsync(MfaEnrolment.EnrolmentPath));

        var wrong = await client.PostFormAsync(MfaEnrolment.EnrolmentPath, "enable-authenticator", ("Input.Code", Totp.WrongCode(key)));
        (await AccountClient.ReadAsync(wrong)).Should().Contain("data-testid=\"error-message\"").And.NotContain("data-testid=\"recovery-codes\"");
        ShouldBeSentToEnrolment(await client.GetAsync("/"), "a wrong code enrols nothing");

        var right = await client.PostFormAsync(MfaEnrolment.EnrolmentPath, "enable-authenticator", ("Input.Code", Totp.Code(key)));

        var html = await AccountClient.ReadAsync(right);
        html.Should().Contain("data-testid=\"recovery-codes\"");
        RecoveryCodeItem().Matches(html).Should().HaveCount(10);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "the refreshed cookie says the authenticator is enrolled");
        (await client.GetAsync("/pipeline")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await EventsAsync(user.Id)).Should().ContainSingle(e => e.Kind == SecurityEventKind.MfaEnabled).Which.ActorUserId.Should().Be(user.Id);
    }

    [Theory]
    [InlineData(Roles.Beneficiary)]
    [InlineData(Roles.Manager)]
    public async Task Beneficiaries_and_managers_use_the_app_without_mfa(string role)
    {
        var (client, _) = await SignedInAsync(role);

        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_demo_intervener_signs_in_without_mfa_in_development()
    {
        var client = new AccountClient(factory);
        await client.SignInAsync(App.Data.Demo.DemoUsers.Intervener.Email, App.Data.Demo.DemoUsers.Password);

        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_enrolled_user_needs_the_code_after_the_password_and_a_wrong_code_is_refused_and_audited()
    {
        var user = await EnrolledUserAsync(Roles.Admin);
        var key = await AuthenticatorKeyAsync(user.Id);
        var client = new AccountClient(factory);

        var afterPassword = await client.SignInAsync(user.Email!, Password);
        RedirectPath(afterPassword).Should().Be("/Account/LoginWith2fa");
        (await client.GetAsync("/")).Headers.Location!.ToString().Should().Contain("/Account/Login", "the password alone signs nobody in");

        var wrong = await client.PostFormAsync("/Account/LoginWith2fa", "login-with-2fa", ("Input.Code", Totp.WrongCode(key)));
        (await AccountClient.ReadAsync(wrong)).Should().Contain("data-testid=\"error-message\"");
        var right = await client.PostFormAsync("/Account/LoginWith2fa", "login-with-2fa", ("Input.Code", Totp.Code(key)));

        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await EventsAsync(user.Id)).Select(e => (e.Kind, e.ActorUserId)).Should().Equal(
            (SecurityEventKind.SignInFailed, user.Id), (SecurityEventKind.SignInSucceeded, user.Id));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await EnrolledUserAsync(Roles.Intervener);
        string code;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.First();
        }

        var first = new AccountClient(factory);
        await first.SignInAsync(user.Email!, Password);
        var used = await first.PostFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code", ("Input.RecoveryCode", code));
        var second = new AccountClient(factory);
        await second.SignInAsync(user.Email!, Password);
        var reused = await second.PostFormAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code", ("Input.RecoveryCode", code));

        used.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await first.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AccountClient.ReadAsync(reused)).Should().Contain("data-testid=\"error-message\"");
        (await EventsAsync(user.Id)).Should().ContainSingle(e => e.Kind == SecurityEventKind.RecoveryCodeRedeemed).Which.NewValue.Should().Be("9");
    }

    [Fact]
    public async Task Resetting_the_authenticator_asks_the_password_changes_the_security_stamp_and_sends_back_to_enrolment()
    {
        var user = await EnrolledUserAsync(Roles.HR);
        var key = await AuthenticatorKeyAsync(user.Id);
        var client = new AccountClient(factory);
        await client.SignInAsync(user.Email!, Password);
        await client.PostFormAsync("/Account/LoginWith2fa", "login-with-2fa", ("Input.Code", Totp.Code(key)));
        string stampBefore;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            stampBefore = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!.SecurityStamp!;
        }

        var refused = await client.PostFormAsync("/Account/Manage/ResetAuthenticator", "reset-authenticator", ("Input.Password", "not-the-password"));
        var reset = await client.PostFormAsync("/Account/Manage/ResetAuthenticator", "reset-authenticator", ("Input.Password", Password));

        (await AccountClient.ReadAsync(refused)).Should().Contain("data-testid=\"error-message\"");
        ShouldBeSentToEnrolment(reset, "a reset asks for a new enrolment");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!;
            stored.TwoFactorEnabled.Should().BeFalse();
            stored.SecurityStamp.Should().NotBe(stampBefore);
        }
        (await AuthenticatorKeyAsync(user.Id)).Should().NotBe(key);
        ShouldBeSentToEnrolment(await client.GetAsync("/"), "an HR member without an authenticator must enrol again");
        (await EventsAsync(user.Id)).Should().ContainSingle(e => e.Kind == SecurityEventKind.MfaReset);
    }
}
