using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Tests.EndToEnd.Support;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Accounts;

/// <summary>An intervener who is not a demo account must enrol an authenticator at first sign-in, then signs in with it.</summary>
public sealed partial class MfaEnrolmentJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private const string Password = "Intervenant-2026!";

    [GeneratedRegex("/Account/Manage/EnableAuthenticator$")]
    private static partial Regex EnrolmentPage();

    [GeneratedRegex("/Account/LoginWith2fa")]
    private static partial Regex SecondFactorPage();

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginPage();

    private async Task<string> CreateIntervenerAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"intervenant-{Guid.NewGuid():N}@cabinet.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Hélène Garnier" };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Intervener)).Succeeded.Should().BeTrue();
        return email;
    }

    private static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("[data-testid=login-email]").FillAsync(email);
        await page.Locator("[data-testid=login-password]").FillAsync(Password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
    }

    [Fact]
    public async Task A_new_intervener_enrols_an_authenticator_then_signs_in_with_password_and_code()
    {
        var email = await CreateIntervenerAsync();
        var page = await NewPageAsync();

        // First sign-in: the password is right, but the app is closed until an authenticator is enrolled.
        await SubmitPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(EnrolmentPage());
        await page.GotoAsync("/cases");
        await Expect(page).ToHaveURLAsync(EnrolmentPage());
        await Expect(page.Locator("[data-testid=mfa-required]")).ToBeVisibleAsync();
        await Expect(page.Locator("img[data-testid=mfa-qr]")).ToHaveAttributeAsync("src", new Regex("^data:image/png;base64,"));
        var key = await page.Locator("[data-testid=mfa-shared-key]").InnerTextAsync();
        await ScreenshotAsync(page, "mfa-enrolment");

        await page.Locator("[data-testid=mfa-code]").FillAsync(Totp.Code(key));
        await page.Locator("[data-testid=mfa-submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(Authenticator.RecoveryCodeCount);
        await ScreenshotAsync(page, "mfa-recovery-codes");
        await page.Locator("[data-testid=mfa-continue]").ClickAsync();
        // Enrolled, the new intervener reads the privacy notice before the app opens.
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=privacy-acknowledge]").ClickAsync();
        await Expect(page.Locator("[data-testid=dashboard]")).ToHaveAttributeAsync("data-role", Roles.Intervener);
        await page.Locator("[data-testid=logout]").ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginPage());

        // Next sign-in: password, then the code; a wrong code is refused.
        await SubmitPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(SecondFactorPage());
        await page.Locator("[data-testid=mfa-code]").FillAsync(Totp.WrongCode(key));
        await page.Locator("[data-testid=mfa-submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=error-message]")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(SecondFactorPage());

        await page.Locator("[data-testid=mfa-code]").FillAsync(Totp.Code(key));
        await page.Locator("[data-testid=mfa-submit]").ClickAsync();

        await EndToEndFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=dashboard]")).ToHaveAttributeAsync("data-role", Roles.Intervener);
        await ScreenshotAsync(page, "mfa-signed-in-with-code");
    }
}
