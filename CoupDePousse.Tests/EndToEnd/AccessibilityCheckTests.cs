using CoupDePousse.Tests.EndToEnd.Support;

namespace CoupDePousse.Tests.EndToEnd;

public sealed class AccessibilityCheckTests(EndToEndFixture fixture) : EndToEndTest(fixture)
{
    [Fact]
    public async Task A_critical_violation_fails_the_check_and_is_named()
    {
        var page = await NewPageAsync();
        await page.SetContentAsync("<html lang=\"en\"><head><title>t</title></head><body><main><img src=\"x.png\"></main></body></html>");

        var check = () => page.ShouldHaveNoSeriousAccessibilityViolationsAsync();

        await check.Should().ThrowAsync<Exception>().WithMessage("*image-alt (critical)*");
    }

    [Fact]
    public async Task A_page_without_serious_violations_passes_the_check()
    {
        var page = await NewPageAsync();
        await page.SetContentAsync("<html lang=\"en\"><head><title>t</title></head><body><main><h1>Coup de pousse</h1><img src=\"x.png\" alt=\"logo\"></main></body></html>");

        await page.ShouldHaveNoSeriousAccessibilityViolationsAsync();
    }
}
