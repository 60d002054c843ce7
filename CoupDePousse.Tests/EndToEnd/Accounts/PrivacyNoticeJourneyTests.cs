using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Accounts;

/// <summary>A new person reads the privacy notice at first sign-in, then goes where they were going; it is not shown again.</summary>
public sealed partial class PrivacyNoticeJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [GeneratedRegex(@"/privacy/notice\?returnUrl=%2Fpreferences$")]
    private static partial Regex NoticeOnTheWayToPreferences();

    [GeneratedRegex("/preferences$")]
    private static partial Regex PreferencesPage();

    private async Task<string> CreateBeneficiaryAsync()
    {
        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"nouvelle-{Guid.NewGuid():N}@demo.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Léa Nouvelle" };
        (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Beneficiary)).Succeeded.Should().BeTrue();
        return email;
    }

    private static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.Locator("[data-testid=login-email]").FillAsync(email);
        await page.Locator("[data-testid=login-password]").FillAsync(DemoUsers.Password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
    }

    [Fact]
    public async Task A_new_person_reads_the_notice_at_first_sign_in_then_lands_where_they_were_going_and_is_not_asked_again()
    {
        var email = await CreateBeneficiaryAsync();
        var page = await NewPageAsync();

        // Before signing in: the general part, from the sign-in page.
        await page.GotoAsync("/preferences");
        await page.GetByTestId("login-privacy").ClickAsync();
        await Expect(page.GetByTestId("privacy-general-only")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=privacy-section][data-kind=YourData]")).ToHaveCountAsync(0);
        await Expect(page).ToHaveTitleAsync(new Regex("CoupDePousse"));
        await page.ShouldHaveNoSeriousAccessibilityViolationsAsync();

        // A deep link: sign-in, then the notice, which remembers where the person was going.
        await page.GotoAsync("/preferences");
        await SubmitPasswordAsync(page, email);
        await Expect(page).ToHaveURLAsync(NoticeOnTheWayToPreferences());
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("privacy-notice")).ToHaveAttributeAsync("data-role", Roles.Beneficiary);
        await Expect(page.Locator("[data-testid=privacy-section][data-kind=YourData]")).ToContainTextAsync("Votre journal");
        await Expect(page.GetByTestId("privacy-notice-required")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousAccessibilityViolationsAsync();

        // Nothing else opens meanwhile, not even by the menu.
        await page.GetByTestId("nav-cases").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/privacy/notice\?returnUrl=%2Fcases$"));
        await page.GotoAsync("/preferences");
        await Expect(page).ToHaveURLAsync(NoticeOnTheWayToPreferences());
        await EndToEndFixture.WaitForInteractiveAsync(page);

        await page.GetByTestId("privacy-acknowledge").ClickAsync();
        await Expect(page).ToHaveURLAsync(PreferencesPage());
        await Expect(page.GetByTestId("preferences-timezone")).ToBeVisibleAsync();
        await using (var scope = Fixture.Server.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            (await scope.ServiceProvider.GetRequiredService<PrivacyNoticeGate>().HasReadAsync(user!.Id, TestContext.Current.CancellationToken)).Should().BeTrue();
        }

        // Readable any time from the footer, now with the date it was read.
        await page.GetByTestId("footer-privacy").ClickAsync();
        await Expect(page.GetByTestId("privacy-acknowledged")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("privacy-notice")).ToHaveAttributeAsync("data-version", PrivacyNotice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Signing in again goes straight to the app.
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await SubmitPasswordAsync(page, email);
        await EndToEndFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=dashboard]")).ToHaveAttributeAsync("data-role", Roles.Beneficiary);
        await Expect(page.GetByTestId("privacy-acknowledge")).ToHaveCountAsync(0);
    }
}
