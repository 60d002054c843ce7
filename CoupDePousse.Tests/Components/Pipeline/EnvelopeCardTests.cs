using Bunit;
using Microsoft.Extensions.DependencyInjection;
using CoupDePousse.App.Features.Common;
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
        var service = Services.GetRequiredService<EnvelopeSettingsService>();
        (await service.SetAsync(Hr, 2026, null, 800m, Xunit.TestContext.Current.CancellationToken)).IsSuccess.Should().BeTrue();

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

    [Fact]
    public async Task A_department_envelope_typed_in_english_is_saved_and_its_line_shows_withheld_figures_for_a_small_group()
    {
        UseCulture("en-US");
        SignInAs(Hr);
        await Database.SaveAsync(InSessions(60));

        var page = RenderWithProviders<EnvelopeCard>();
        page.WaitForElement("input[data-testid=envelope-field][data-year='2026'][data-department='Logistique']", Patience).Change("12,500.50");
        page.Find("[data-testid=envelope-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=envelope-department][data-department='Logistique']").GetAttribute("data-cents").Should().Be("1250050"), Patience);
        page.Find("[data-testid=envelope-department]").GetAttribute("data-withheld").Should().Be("true", "one case is under the threshold of 5");
        page.Find("[data-testid=envelope-withheld-note]").TextContent.Should().Contain("fewer than 5");
        page.Markup.Should().NotContain("envelope-department-committed");
    }

    [Fact]
    public async Task A_bad_amount_in_any_field_says_why_next_to_it_and_saves_nothing()
    {
        UseCulture("fr-FR");
        SignInAs(Admin);

        var page = RenderWithProviders<CoupDePousse.App.Features.Administration.EnvelopesPanel>();
        page.WaitForElement("input[data-testid=envelope-field][data-year='2026']:not([data-department])", Patience).Change("12 500,50");
        page.Find("input[data-testid=envelope-field][data-year='2027'][data-department='Ventes']").Change("12,500");
        page.Find("[data-testid=envelope-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=envelope-error]").TextContent.Should().Contain("rien n'a été enregistré"), Patience);
        var ventes = page.Find("tr[data-department='Ventes']");
        ventes.TextContent.Should().Contain("Saisissez un montant en euros");
        page.FindAll("tr[data-testid=envelope-row]")[0].TextContent.Should().NotContain("Saisissez");
        var settings = (await Services.GetRequiredService<EnvelopeSettingsService>().GetAsync(Admin, Xunit.TestContext.Current.CancellationToken)).Value;
        settings.Years.Should().OnlyContain(y => y.CompanyCents == null && y.DepartmentCents.Count == 0);
    }
}
