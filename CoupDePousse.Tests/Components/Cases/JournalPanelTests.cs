using Bunit;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>The journal on the case page: the beneficiary's to write and share; the intervener reads what is shared; nobody else sees any of it.</summary>
public class JournalPanelTests : FeaturePageContext
{
    private const string SharedText = "MARQUEUR-JOURNAL-PARTAGE";
    private const string PrivateText = "MARQUEUR-JOURNAL-PRIVE";

    private async Task<Guid> CaseWithJournalAsync()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        var journal = Database.Journal();
        var token = Xunit.TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, coachingCase.Id, SharedText, token)).ShouldSucceed();
        (await journal.WriteAsync(Beneficiary, coachingCase.Id, PrivateText, token)).ShouldSucceed();
        var shared = (await journal.MyJournalAsync(Beneficiary, coachingCase.Id, token))!.Entries.Single(e => e.Text == SharedText);
        (await journal.ShareAsync(Beneficiary, coachingCase.Id, shared.Id, true, token)).ShouldSucceed();
        return coachingCase.Id;
    }

    [Fact]
    public async Task The_beneficiary_sees_every_entry_and_which_one_the_intervener_sees()
    {
        var id = await CaseWithJournalAsync();
        SignInAs(Beneficiary);

        var cut = this.RenderCase(id);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=journal-entry]").Should().HaveCount(2), MudTestContext.Patience);
        var entries = cut.FindAll("[data-testid=journal-entry]");
        entries.Single(e => e.TextContent.Contains(SharedText)).GetAttribute("data-shared").Should().Be("true");
        entries.Single(e => e.TextContent.Contains(SharedText)).TextContent.Should().Contain("Visible par votre intervenant·e");
        entries.Single(e => e.TextContent.Contains(PrivateText)).GetAttribute("data-shared").Should().Be("false");
        entries.Single(e => e.TextContent.Contains(PrivateText)).TextContent.Should().Contain("Vous seul(e)");
    }

    [Fact]
    public async Task The_beneficiary_writes_an_entry_and_deletes_it_after_confirming()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        SignInAs(Beneficiary);
        var cut = this.RenderCase(coachingCase.Id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=journal-save]"), MudTestContext.Patience);

        cut.Find("[data-testid=field-journal-text]").Input("Une pensée du soir");
        cut.Find("[data-testid=journal-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=journal-entry]").TextContent.Should().Contain("Une pensée du soir"), MudTestContext.Patience);

        cut.Find("[data-testid=journal-delete]").Click();
        cut.FindAll("[data-testid=journal-entry]").Should().HaveCount(1, "nothing is deleted before the confirmation");
        cut.Find("[data-testid=journal-delete-confirm]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=journal-entry]").Should().BeEmpty(), MudTestContext.Patience);
    }

    [Fact]
    public async Task The_intervener_reads_only_the_shared_entry_and_cannot_change_it()
    {
        var id = await CaseWithJournalAsync();
        SignInAs(Intervener);

        var cut = this.RenderCase(id);

        cut.WaitForAssertion(() => cut.Find("[data-testid=journal-shared-entry]").TextContent.Should().Contain(SharedText), MudTestContext.Patience);
        cut.FindAll("[data-testid=journal-shared-entry]").Should().HaveCount(1);
        cut.Markup.Should().NotContain(PrivateText);
        cut.FindAll("[data-testid=journal], [data-testid=journal-share], [data-testid=journal-delete], [data-testid=field-journal-text]").Should().BeEmpty();
    }

    public static TheoryData<string> Others => ["hr", "manager", "admin", "other-intervener"];

    [Theory]
    [MemberData(nameof(Others))]
    public async Task Nobody_else_gets_any_of_the_journal(string who)
    {
        var id = await CaseWithJournalAsync();
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

        cut.Markup.Should().NotContain(SharedText).And.NotContain(PrivateText);
        cut.FindAll("[data-testid=journal], [data-testid=journal-shared], [data-testid=journal-entry], [data-testid=journal-shared-entry]").Should().BeEmpty();
    }
}
