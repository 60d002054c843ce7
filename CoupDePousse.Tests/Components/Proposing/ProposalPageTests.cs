using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Proposing;

public class ProposalPageTests : FeaturePageContext
{
    private IRenderedComponent<IComponent> RenderForm() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<ProposalPage>(1);
        builder.CloseComponent();
    });

    private static void ChooseBeneficiary(IRenderedComponent<IComponent> form, string name)
    {
        form.Find("[data-testid=field-beneficiary]").Closest("div.mud-input-control")!.MouseDown();
        form.WaitForAssertion(() => form.FindAll("div.mud-list-item").Should().Contain(item => item.TextContent.Contains(name)), Patience);
        form.FindAll("div.mud-list-item").First(item => item.TextContent.Contains(name)).Click();
    }

    private static void FillRequest(IRenderedComponent<IComponent> form)
    {
        form.Find("[data-testid=field-domain-ManagementAndCommunication]").Change(true);
        form.WaitForElement("[data-testid=field-topic-difficult-conversations]", Patience).Change(true);
        form.Find("[data-testid=field-description]").Input("Des entretiens de recadrage à conduire dans une nouvelle équipe.");
        form.Find("[data-testid=field-work-impact]").Input("Les retards répétés désorganisent le planning.");
        form.Find("[data-testid=field-timing]").Input("Dans le mois");
    }

    private async Task<int> CaseCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Cases.CountAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Manager_must_confirm_each_point_of_the_offer_before_it_is_sent()
    {
        SignInAs(Manager, "Marc Manager");
        var form = RenderForm();
        form.WaitForElement("[data-testid=field-beneficiary]", Patience);
        ChooseBeneficiary(form, "Bénédicte Bénéficiaire");
        FillRequest(form);
        for (var item = 1; item <= 5; item++)
        {
            form.Find($"[data-testid=field-checklist-{item}]").Change(true);
        }

        form.Find("[data-testid=propose-submit]").Click();

        form.WaitForElement("[data-testid=error-message]", Patience).TextContent
            .Should().Be("Confirmez chacun des points sur la façon de présenter l’offre avant de l’envoyer.");
        (await CaseCountAsync()).Should().Be(0);
        form.Find("[data-testid=offer-checklist]").TextContent.Should().Contain("sans supposer que la personne soit en défaut")
            .And.Contain("il ne s'agit pas d'une « thérapie »")
            .And.Contain("entretien préalable avec l'intervenant, sans autre engagement");

        form.Find("[data-testid=field-checklist-6]").Change(true);
        form.Find("[data-testid=propose-submit]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => navigation.Uri.Should().MatchRegex("/cases/[0-9a-f-]{36}$"), Patience);
        await using var db = Database.CreateDbContext();
        var saved = await db.Cases.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        navigation.Uri.Should().EndWith($"/cases/{saved.Id}");
        saved.BeneficiaryId.Should().Be(BeneficiaryId);
        saved.Domains.Should().Equal(CoachingDomain.ManagementAndCommunication);
        saved.TopicCodes.Should().Equal("difficult-conversations");
        saved.Description.Should().Be("Des entretiens de recadrage à conduire dans une nouvelle équipe.");
        saved.WorkImpact.Should().Be("Les retards répétés désorganisent le planning.");
    }

    [Fact]
    public async Task Manager_gets_a_clear_message_when_no_person_is_chosen()
    {
        SignInAs(Manager, "Marc Manager");
        var form = RenderForm();
        form.WaitForElement("[data-testid=field-beneficiary]", Patience);
        FillRequest(form);

        form.Find("[data-testid=propose-submit]").Click();

        form.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().Be("Choisissez la personne concernée.");
        (await CaseCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Beneficiary_asks_for_themself_without_choosing_anyone_nor_a_checklist()
    {
        SignInAs(Beneficiary, "Bénédicte Bénéficiaire");
        var form = RenderForm();
        form.WaitForElement("[data-testid=proposal-form]", Patience);

        form.FindAll("[data-testid=field-beneficiary]").Should().BeEmpty();
        form.FindAll("[data-testid=offer-checklist]").Should().BeEmpty();
        form.Find("[data-testid=reassurance]").TextContent.Should().Contain("Ce n'est pas une thérapie");
        FillRequest(form);
        form.Find("[data-testid=propose-submit]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => navigation.Uri.Should().MatchRegex("/cases/[0-9a-f-]{36}$"), Patience);
        await using var db = Database.CreateDbContext();
        (await db.Cases.SingleAsync(Xunit.TestContext.Current.CancellationToken)).BeneficiaryId.Should().Be(BeneficiaryId);
    }

    [Fact]
    public async Task Topics_of_a_domain_appear_once_it_is_chosen_and_the_domain_refusal_is_shown()
    {
        SignInAs(Hr, "Hélène RH");
        var form = RenderForm();
        form.WaitForElement("[data-testid=field-beneficiary]", Patience);
        form.FindAll("[data-testid=field-topic-one-off-stress]").Should().BeEmpty();
        form.FindAll("[data-testid=offer-checklist]").Should().BeEmpty("only a manager presents the offer to their own team member");
        form.Find("[data-testid=field-domain-StressAndEmotions]").Change(true);
        form.WaitForElement("[data-testid=field-topic-one-off-stress]", Patience);
        form.Markup.Should().Contain("Prise de recul et appropriation du processus émotionnel");
        ChooseBeneficiary(form, "Octave Autre");

        form.Find("[data-testid=propose-submit]").Click();

        form.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().Be("Décrivez la situation en quelques phrases.");
        (await CaseCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("Manager", "Lu uniquement par la personne concernée et l'intervenant. Ni les RH ni vous ne le relirez.")]
    [InlineData("HR", "Lu uniquement par la personne concernée et l'intervenant. Une fois envoyé, les RH ne le relisent pas.")]
    [InlineData("Beneficiary", "Lu uniquement par vous et l'intervenant. Ni les RH ni votre manager ne le lisent.")]
    public void Each_part_of_the_request_says_who_will_read_it(string role, string situationAudience)
    {
        SignInAs(role switch { "Manager" => Manager, "HR" => Hr, _ => Beneficiary }, "Personne");
        var form = RenderForm();
        form.WaitForElement("[data-testid=proposal-form]", Patience);

        form.Find("[data-testid=audience-situation]").TextContent.Trim().Should().Be(situationAudience);
        form.Find("[data-testid=audience-work-impact]").TextContent.Trim().Should().Be("Lu aussi par les RH, qui en ont besoin pour valider la demande.");
        form.Find("[data-testid=audience-timing]").TextContent.Trim().Should().Be("Lu aussi par les RH, qui en ont besoin pour valider la demande.");
        form.Markup.Should().Contain("La situation, avec ses mots").And.Contain("L'impact sur le travail");
    }

    [Fact]
    public async Task The_impact_on_the_work_is_asked_for_before_the_proposal_is_sent()
    {
        SignInAs(Hr, "Hélène RH");
        var form = RenderForm();
        form.WaitForElement("[data-testid=field-beneficiary]", Patience);
        ChooseBeneficiary(form, "Octave Autre");
        form.Find("[data-testid=field-domain-ManagementAndCommunication]").Change(true);
        form.Find("[data-testid=field-description]").Input("Des entretiens de recadrage à conduire.");
        form.Find("[data-testid=field-timing]").Input("Dans le mois");

        form.Find("[data-testid=propose-submit]").Click();

        form.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().Be("Dites en quelques mots ce que la situation change dans le travail.");
        (await CaseCountAsync()).Should().Be(0);
    }
}
