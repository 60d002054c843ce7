using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoupDePousse.Tests.EndToEnd.Accounts;

/// <summary>An account starts with an invitation: the admin hands over a link, its owner chooses a password with it, once.</summary>
public sealed class InvitationJourneyTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    private const string ChosenPassword = "Choisi-par-Nina-2026!";

    [Fact]
    public async Task An_invited_person_chooses_a_password_signs_in_and_cannot_use_the_link_again()
    {
        // The admin creates the account: no password field, a link shown once instead.
        var admin = await SignInAsync(DemoUsers.Admin);
        await admin.GotoAsync("/admin?tab=users");
        await EndToEndFixture.WaitForInteractiveAsync(admin);
        var email = $"nina.{Guid.NewGuid():N}"[..16] + "@demo.local";
        await Expect(admin.GetByTestId("field-new-password")).ToHaveCountAsync(0);
        await admin.GetByTestId("field-new-email").FillAsync(email);
        await admin.GetByTestId("field-new-name").FillAsync("Nina Nouvelle");
        await admin.GetByTestId("create-user-submit").ClickAsync();
        var link = (await admin.GetByTestId("invitation-link").TextContentAsync())!.Trim();
        link.Should().Contain("/Account/AcceptInvitation?userId=");

        // Nina, in a browser of her own, opens the link and chooses her password.
        var nina = await NewPageAsync();
        await nina.GotoAsync(link);
        await Expect(nina.GetByTestId("invitation-email")).ToContainTextAsync(email);
        await nina.GetByTestId("field-NewPassword").FillAsync(ChosenPassword);
        await nina.GetByTestId("field-ConfirmPassword").FillAsync(ChosenPassword);
        await nina.GetByTestId("accept-invitation-submit").ClickAsync();

        // Nothing signed her in: she lands on the sign-in page, told her password is saved, and signs in with it.
        await nina.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await Expect(nina.GetByTestId("status-message")).ToBeVisibleAsync();
        await EndToEndFixture.SignInAsync(nina, email, ChosenPassword);
        // A new account reads the privacy notice first.
        await nina.GetByTestId("privacy-acknowledge").ClickAsync();
        await Expect(nina.Locator("[data-testid=dashboard]")).ToHaveAttributeAsync("data-role", "Beneficiary");

        // The same link, opened again, is refused and offers no form.
        var again = await NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.GetByTestId("error-message")).ToBeVisibleAsync();
        await Expect(again.GetByTestId("field-NewPassword")).ToHaveCountAsync(0);
    }
}
