using Bunit;
using Microsoft.Extensions.DependencyInjection;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Pipeline;

/// <summary>HR's envelope card: the figures with their warning, and a typed amount saved or refused next to the field.</summary>
public class EnvelopeCardTests : FeaturePageContext
{
    [Fact]
    public async Task Hrs_home_shows_the_envelope_and_warns_from_80_percent_committed()
    {
        UseCulture("en-US");
        SignInAs(Hr);
        // 6 h at 120 €/h committed: 720 € of an 800 € envelope is 90 %.
        await Database.SaveAsync(InSessions(60));
        var service = Services.GetRequiredService<EnvelopeService>();
        (await service.SetAsync(Hr, 2026, 800m, Xunit.TestContext.Current.CancellationToken)).IsSuccess.Should().BeTrue();

        var page = RenderWithProviders<HrDashboard>();

        page.WaitForElement("[data-testid=envelope-committed]", Patience).GetAttribute("data-cents").Should().Be("72000");
        page.Find("[data-testid=envelope-remaining]").GetAttribute("data-cents").Should().Be("8000");
        var warning = page.Find("[data-testid=envelope-warning]");
        warning.GetAttribute("data-level").Should().Be("warning");
        warning.TextContent.Should().Contain("90 %");
    }

    [Fact]
    public async Task An_amount_typed_with_a_comma_is_saved_and_anything_else_is_refused_next_to_the_field()
    {
        UseCulture("fr-FR");
        SignInAs(Hr);

        var page = RenderWithProviders<EnvelopeCard>();
        page.WaitForElement("input[data-testid=envelope-field]", Patience).Change("12 500,50");
        page.Find("[data-testid=envelope-save]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=envelope-amount]").GetAttribute("data-cents").Should().Be("1250050"), Patience);

        page.Find("input[data-testid=envelope-field]").Change("douze mille");
        page.Find("[data-testid=envelope-save]").Click();

        page.WaitForAssertion(() => page.Markup.Should().Contain("Saisissez un montant en euros"), Patience);
        page.Find("[data-testid=envelope-amount]").GetAttribute("data-cents").Should().Be("1250050");
        (await Services.GetRequiredService<EnvelopeService>().GetAsync(Hr, Xunit.TestContext.Current.CancellationToken)).Value.EnvelopeCents.Should().Be(12_500_50);
    }
}
