using System.Text;
using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;
using static CoupDePousse.Tests.TestSupport.PersonalDataScenario;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>"My data" and the intervener's notes export, as their pages render them.</summary>
public class MyDataPageTests : FeaturePageContext
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_beneficiary_page_shows_what_the_json_holds_and_says_notes_are_asked_of_the_intervener()
    {
        var stored = await StoreAsync(Database, Token);
        SignInAs(Beneficiary);

        var cut = RenderWithProviders<MyDataPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=my-data-case]").Should().HaveCount(4), Patience);
        var json = Encoding.UTF8.GetString((await Database.PersonalData().ExportAsync(Beneficiary, PersonalDataChannel.Json, Token))!.ToJson());
        MarkersIn(cut.Markup).Should().BeEquivalentTo(MarkersIn(json), "the page and the download hold the same content");
        MarkersIn(cut.Markup).Should().Contain(SeenByTheBeneficiary);
        cut.Markup.Should().NotContain(Marker("SessionNote")).And.NotContain(OtherCaseNote).And.NotContain(OtherJournal);
        cut.Find("[data-testid=my-data-notes]").TextContent.Should().Contain("intervenant");
        cut.Find("[data-testid=my-data-account]").TextContent.Should().Contain("Bénédicte Bénéficiaire").And.Contain("Marc Manager").And.Contain("Logistique");
        cut.Find("[data-testid=my-data-download]").GetAttribute("href").Should().Be(PersonalDataEndpoint.JsonPath);
        cut.FindAll($"[data-case-id='{stored.Closed}'] [data-testid=my-data-objectives] li").Should().ContainSingle();
        cut.FindAll("[data-testid=my-data-other-roles]").Should().BeEmpty();
        cut.Markup.Should().Contain("@media print");
    }

    [Fact]
    public async Task Hr_sees_their_account_and_is_told_case_content_lives_in_the_cases()
    {
        await StoreAsync(Database, Token);
        SignInAs(Hr);

        var cut = RenderWithProviders<MyDataPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=my-data-account]").TextContent.Should().Contain("Hélène RH"), Patience);
        cut.Find("[data-testid=my-data-other-roles]");
        cut.FindAll("[data-testid=my-data-case]").Should().BeEmpty();
        cut.FindAll("[data-testid=my-data-profile]").Should().BeEmpty();
        MarkersIn(cut.Markup).Should().BeEmpty();
        await using var db = Database.CreateDbContext();
        (await db.SecurityEvents.CountAsync(e => e.Kind == SecurityEventKind.PersonalDataExported && e.ActorUserId == HrId, Token)).Should().Be(1, "the view is audited");
    }

    [Fact]
    public void The_intervener_sees_their_profile()
    {
        SignInAs(Intervener);

        var cut = RenderWithProviders<MyDataPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=my-data-profile]").TextContent.Should().Contain("120"), Patience);
    }

    [Fact]
    public async Task The_intervener_finds_the_notes_export_on_their_case_page()
    {
        var stored = await StoreAsync(Database, Token);
        SignInAs(Intervener);

        var cut = this.RenderCase(stored.Closed);

        cut.WaitForAssertion(() => cut.Find("[data-testid=notes-export]").GetAttribute("href").Should().Be($"/cases/{stored.Closed}/notes-export"), Patience);
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Hr)]
    public async Task Nobody_else_finds_the_notes_export_on_the_case_page(Who who)
    {
        var stored = await StoreAsync(Database, Token);
        SignInAs(Of(who));

        var cut = this.RenderCase(stored.Closed);

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-page]"), Patience);
        cut.FindAll("[data-testid=notes-export]").Should().BeEmpty();
    }

    [Fact]
    public async Task The_notes_export_page_shows_that_case_s_notes_only_with_a_text_download()
    {
        var stored = await StoreAsync(Database, Token);
        SignInAs(Intervener);

        var cut = RenderWithProviders<NotesExportPage>((nameof(NotesExportPage.Id), stored.Closed));

        cut.WaitForAssertion(() => cut.Find("[data-testid=notes-export-page]").GetAttribute("data-count").Should().Be("1"), Patience);
        cut.Find("[data-testid=notes-export-note]").TextContent.Should().Contain(Marker("SessionNote"));
        cut.Markup.Should().NotContain(OtherCaseNote, "only that case's notes");
        cut.Find("[data-testid=notes-export-download]").GetAttribute("href").Should().Be(PersonalDataEndpoint.NotesPath(stored.Closed));
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    public async Task Anyone_else_gets_the_notes_export_page_of_a_missing_case(Who who)
    {
        var stored = await StoreAsync(Database, Token);
        SignInAs(Of(who));

        var cut = RenderWithProviders<NotesExportPage>((nameof(NotesExportPage.Id), stored.Closed));

        cut.WaitForAssertion(() => cut.Find("[data-testid=not-found]"), Patience);
        cut.FindAll("[data-testid=notes-export-page]").Should().BeEmpty();
        cut.Markup.Should().NotContain(Marker("SessionNote"));
    }
}
