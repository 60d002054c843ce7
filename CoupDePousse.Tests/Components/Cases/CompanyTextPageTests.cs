using Bunit;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>The closing text meant for the company on the case page: drafted and approved between the two parties, read by the company only once approved.</summary>
public class CompanyTextPageTests : FeaturePageContext
{
    private const string Text = "MARQUEUR-TEXTE-ENTREPRISE : accompagnement mené à son terme.";

    [Fact]
    public async Task The_intervener_drafts_and_the_status_says_it_awaits_the_beneficiary()
    {
        var coachingCase = await Database.SaveAsync(Closed());
        SignInAs(Intervener);
        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=company-text-status]").GetAttribute("data-status").Should().Be(nameof(CompanyTextStatus.None));
        cut.Find("[data-testid=field-company-text]").Input(Text);
        cut.Find("[data-testid=company-text-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=company-text-status]").GetAttribute("data-status").Should().Be(nameof(CompanyTextStatus.AwaitingApproval)), Patience);
        cut.FindAll("[data-testid=company-text-approve]").Should().BeEmpty("only the beneficiary approves");
        (await Database.LoadAsync(coachingCase.Id)).CompanyTextDraft.Should().Be(Text);
    }

    [Fact]
    public async Task The_beneficiary_confirms_the_exact_text_and_the_company_reads_it()
    {
        var coachingCase = await Database.SaveAsync(WithCompanyTextDraft(Text));
        SignInAs(Beneficiary);
        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=company-text-approve]").Click();
        cut.Find("[data-testid=company-text-confirm]").TextContent.Should().Contain("liront exactement ce texte");
        cut.Find("[data-testid=company-text-confirm-text]").TextContent.Should().Be(Text);
        cut.Find("[data-testid=company-text-approve-confirm]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=company-text-status]").GetAttribute("data-status").Should().Be(nameof(CompanyTextStatus.Approved)), Patience);
        cut.FindAll("[data-testid=company-text-withdraw]").Should().ContainSingle();
        (await Database.LoadAsync(coachingCase.Id)).ApprovedCompanyText.Should().Be(Text);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public async Task The_company_reads_nothing_before_approval(Who who)
    {
        var coachingCase = await Database.SaveAsync(WithCompanyTextDraft(Text));
        SignInAs(Of(who));
        var cut = this.RenderCase(coachingCase.Id);

        cut.Markup.Should().NotContain("MARQUEUR-TEXTE-ENTREPRISE");
        cut.FindAll("[data-testid=company-text-approved]").Should().BeEmpty();
        cut.FindAll("[data-testid=company-text]").Should().BeEmpty();
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public async Task Hr_and_the_proposing_manager_read_exactly_the_approved_text(Who who)
    {
        var coachingCase = await Database.SaveAsync(WithCompanyTextApproved(Text));
        SignInAs(Of(who));
        var cut = this.RenderCase(coachingCase.Id);

        var approved = cut.Find("[data-testid=company-text-approved]");
        approved.TextContent.Should().Contain("Texte validé par la personne").And.Contain(Text);
        cut.FindAll("[data-testid=field-company-text]").Should().BeEmpty();
    }
}
