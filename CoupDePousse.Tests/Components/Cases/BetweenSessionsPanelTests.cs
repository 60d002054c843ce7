using Bunit;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>Between sessions on the case page: the intervener shares and sets, the beneficiary reads and ticks; nobody else sees any of it.</summary>
public class BetweenSessionsPanelTests : FeaturePageContext
{
    private const string ItemText = "MARQUEUR-ACTION-ENTRE-SEANCES";
    private const string ResourceTitle = "MARQUEUR-RESSOURCE-PARTAGEE";

    private static readonly LibraryResourceInput Desc = new(CoachingDomain.ManagementAndCommunication, "difficult-conversations",
        ResourceTitle, "The DESC method", "Décrire, exprimer, spécifier, conclure.", null, "https://example.org/desc");

    private async Task<Guid> AddResourceAsync(LibraryResourceInput input)
    {
        var token = Xunit.TestContext.Current.CancellationToken;
        (await Database.ResourceLibrary().CreateAsync(Admin, input, token)).ShouldSucceed();
        return (await Database.ResourceLibrary().ListAsync(Admin, token)).Value.Single(r => r.TitleFrench == input.TitleFrench).Id;
    }

    private async Task<Guid> CaseWithWorkAsync()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        var resourceId = await AddResourceAsync(Desc);
        var service = Database.BetweenSessions();
        var token = Xunit.TestContext.Current.CancellationToken;
        (await service.ShareAsync(Intervener, coachingCase.Id, resourceId, token)).ShouldSucceed();
        (await service.AddItemAsync(Intervener, coachingCase.Id, ItemText, Today.AddDays(7), token)).ShouldSucceed();
        return coachingCase.Id;
    }

    [Fact]
    public async Task The_beneficiary_reads_the_resource_opens_its_link_safely_and_ticks_the_item()
    {
        var id = await CaseWithWorkAsync();
        SignInAs(Beneficiary);

        var cut = this.RenderCase(id);

        cut.WaitForAssertion(() => cut.Find("[data-testid=shared-resource]").TextContent.Should().Contain(ResourceTitle), MudTestContext.Patience);
        var link = cut.Find("[data-testid=shared-resource-link]");
        link.GetAttribute("href").Should().Be("https://example.org/desc");
        link.GetAttribute("target").Should().Be("_blank");
        link.GetAttribute("rel").Should().Be("noopener noreferrer");
        cut.FindAll("[data-testid=library], [data-testid=resource-share], [data-testid=resource-withdraw]").Should().BeEmpty("only the intervener shares");
        cut.Find("[data-testid=between-item]").GetAttribute("data-done").Should().Be("false");
        cut.FindAll("[data-testid=between-item-delete]").Should().BeEmpty("the intervener's item is not the beneficiary's to delete");

        cut.Find("input[data-testid=between-item-done]").Change(true);

        cut.WaitForAssertion(() => cut.Find("[data-testid=between-item]").GetAttribute("data-done").Should().Be("true"), MudTestContext.Patience);
        var stored = await Database.BetweenSessions().ForCaseAsync(Beneficiary, id, Xunit.TestContext.Current.CancellationToken);
        stored!.Items.Single().DoneAt.Should().NotBeNull();
    }

    [Fact]
    public async Task The_beneficiary_adds_their_own_item_and_deletes_it()
    {
        var id = await CaseWithWorkAsync();
        SignInAs(Beneficiary);
        var cut = this.RenderCase(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=between-item-add]"), MudTestContext.Patience);

        cut.Find("[data-testid=field-between-item-text]").Change("Parler à Paul lundi");
        cut.Find("[data-testid=between-item-add]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=between-item]").Should().HaveCount(2), MudTestContext.Patience);
        var mine = cut.FindAll("[data-testid=between-item]").Single(i => i.TextContent.Contains("Parler à Paul lundi"));
        mine.GetAttribute("data-author").Should().Be(nameof(ActionItemAuthor.Beneficiary));
        mine.QuerySelector("[data-testid=between-item-delete]")!.Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=between-item]").Should().ContainSingle(), MudTestContext.Patience);
    }

    [Fact]
    public async Task The_intervener_shares_from_the_library_of_the_case_and_sets_an_item_with_a_due_date()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        var fitting = await AddResourceAsync(Desc);
        await AddResourceAsync(new LibraryResourceInput(CoachingDomain.StressAndEmotions, "one-off-stress", "Respiration carrée", null, null, null, null));
        SignInAs(Intervener);
        var cut = this.RenderCase(coachingCase.Id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=library-choice]"), MudTestContext.Patience);

        cut.FindAll("[data-testid=library-choice]").Should().ContainSingle("only the case's domains and topics are offered at first")
            .Which.GetAttribute("data-resource-id").Should().Be(fitting.ToString());
        cut.Find("[data-testid=library-choice] [data-testid=resource-share]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=shared-resource]").GetAttribute("data-resource-id").Should().Be(fitting.ToString()), MudTestContext.Patience);

        cut.Find("[data-testid=field-between-item-text]").Change("Noter trois faits précis");
        cut.Find("[data-testid=field-between-item-due]").Change(Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        cut.Find("[data-testid=between-item-add]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=between-item]").TextContent.Should().Contain("Noter trois faits précis"), MudTestContext.Patience);
        cut.FindAll("[data-testid=between-item-done]").Should().BeEmpty("only the beneficiary ticks");
        var stored = await Database.BetweenSessions().ForCaseAsync(Intervener, coachingCase.Id, Xunit.TestContext.Current.CancellationToken);
        stored!.Items.Single().DueOn.Should().Be(Today.AddDays(5));
    }

    [Fact]
    public async Task The_intervener_edits_their_item_in_place()
    {
        var id = await CaseWithWorkAsync();
        SignInAs(Intervener);
        var cut = this.RenderCase(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=between-item-edit]"), MudTestContext.Patience);

        cut.Find("[data-testid=between-item-edit]").Click();
        cut.Find("[data-testid=field-between-item-edit]").Change("Noter quatre faits précis");
        cut.Find("[data-testid=field-between-item-edit-due]").Change("");
        cut.Find("[data-testid=between-item-edit-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=between-item]").TextContent.Should().Contain("Noter quatre faits précis"), MudTestContext.Patience);
        var stored = await Database.BetweenSessions().ForCaseAsync(Intervener, id, Xunit.TestContext.Current.CancellationToken);
        stored!.Items.Single().Should().Match<CoupDePousse.App.Features.Cases.ActionItemView>(i => i.Text == "Noter quatre faits précis" && i.DueOn == null);
    }

    [Fact]
    public async Task An_empty_item_shows_the_message_and_adds_nothing()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        SignInAs(Intervener);
        var cut = this.RenderCase(coachingCase.Id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=between-item-add]"), MudTestContext.Patience);

        cut.Find("[data-testid=between-item-add]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=between-sessions] [data-testid=error-message]").GetAttribute("data-error-code").Should().Be(ResourceErrors.ActionItemRequired.Code), MudTestContext.Patience);
        cut.FindAll("[data-testid=between-item]").Should().BeEmpty();
    }

    public static TheoryData<string> Others => ["hr", "manager", "admin", "other-intervener"];

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Nobody_else_gets_any_of_it(string who)
    {
        var id = await CaseWithWorkAsync();
        Actor actor = who switch
        {
            "hr" => Hr,
            "manager" => Manager,
            "admin" => Admin,
            _ => OtherIntervener,
        };
        SignInAs(actor);

        var cut = this.RenderCase(id);
        await Task.Delay(200, Xunit.TestContext.Current.CancellationToken);

        cut.Markup.Should().NotContain(ItemText).And.NotContain(ResourceTitle);
        cut.FindAll("[data-testid=between-sessions], [data-testid=between-item], [data-testid=shared-resource]").Should().BeEmpty();
    }
}
