using CoupDePousse.Tests.EndToEnd.Support;
using Microsoft.Playwright;

namespace CoupDePousse.Tests.EndToEnd;

public sealed class LoginPageTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task Login_page_serves_a_sign_in_form_with_blazor_loaded()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync("/Account/Login");

        response!.Status.Should().Be(200);
        await Assertions.Expect(page.Locator("[data-testid=login-email], input[name='Input.Email']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=login-password], input[type=password]")).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'")).Should().BeTrue("blazor.web.js must load");
        await ScreenshotAsync(page, "login-page");
    }
}
