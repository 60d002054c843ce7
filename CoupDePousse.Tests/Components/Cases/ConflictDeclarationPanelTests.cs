using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>The intervener declares on their case page and alone reads their words back; HR sees the status and decides.</summary>
public class ConflictDeclarationPanelTests : FeaturePageContext
{
    private const string Words = "Nous avons été associés dans une précédente entreprise.";

    [Fact]
    public async Task The_intervener_describes_a_conflict_and_reads_it_back_while_the_interview_waits()
    {
        var coachingCase = await Database.SaveAsync(InPreliminaryInterview());
        SignInAs(Intervener);
        var cut = this.RenderCase(coachingCase.Id);

        cut.WaitForElement("[data-testid=conflict-declaration]", Patience).GetAttribute("data-status").Should().Be("NotDeclared");
        cut.Find("[data-testid=action-DeclareConflict]").HasAttribute("disabled").Should().BeTrue("a conflict needs its description");
        cut.Find("[data-testid=field-conflict-description]").Input(Words);
        cut.WaitForAssertion(() => cut.Find("[data-testid=action-DeclareConflict]").HasAttribute("disabled").Should().BeFalse(), Patience);
        cut.Find("[data-testid=action-DeclareConflict]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict-declaration]").GetAttribute("data-status").Should().Be("ConflictDeclared"), Patience);
        cut.Find("[data-testid=conflict-description]").TextContent.Should().Be(Words);
        cut.FindAll("[data-testid=action-RecordInterview]").Should().BeEmpty();
        (await Database.LoadAsync(coachingCase.Id)).ConflictDescription.Should().Be(Words);
    }

    [Fact]
    public async Task The_intervener_declares_no_conflict_and_may_then_record_the_interview()
    {
        var coachingCase = await Database.SaveAsync(InPreliminaryInterview());
        SignInAs(Intervener);
        var cut = this.RenderCase(coachingCase.Id);

        cut.WaitForElement("[data-testid=action-DeclareNoConflict]", Patience).Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict-declaration]").GetAttribute("data-status").Should().Be("NoConflict"), Patience);
        cut.Find("[data-testid=action-RecordInterview]").Should().NotBeNull();
    }

    [Fact]
    public async Task Hr_sees_that_a_conflict_is_declared_never_its_words_and_lets_it_go_with_a_reason_kept_in_the_audit()
    {
        var coachingCase = await Database.SaveAsync(WithDeclaredConflict(Words));
        SignInAs(Hr);
        var cut = this.RenderCase(coachingCase.Id);

        cut.WaitForElement("[data-testid=conflict-declaration]", Patience).GetAttribute("data-status").Should().Be("ConflictDeclared");
        cut.Markup.Should().NotContain(Words);
        cut.Find("[data-testid=action-AssignIntervener]").Should().NotBeNull("HR may reassign instead");
        cut.Find("[data-testid=field-declared-conflict-override-reason]").Input("Lien ancien, sans effet aujourd'hui");
        cut.WaitForAssertion(() => cut.Find("[data-testid=action-OverrideDeclaredConflict]").HasAttribute("disabled").Should().BeFalse(), Patience);
        cut.Find("[data-testid=action-OverrideDeclaredConflict]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict-declaration]").GetAttribute("data-status").Should().Be("ConflictOverridden"), Patience);
        await using var db = Database.CreateDbContext();
        var audit = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.ConflictOverridden, Xunit.TestContext.Current.CancellationToken);
        audit.ActorUserId.Should().Be(HrId);
        audit.SubjectUserId.Should().Be(IntervenerId);
        audit.NewValue.Should().Be("Lien ancien, sans effet aujourd'hui");
        audit.OldValue.Should().NotContain(Words);
    }

    [Fact]
    public async Task The_beneficiary_sees_neither_the_declaration_nor_its_words()
    {
        var coachingCase = await Database.SaveAsync(WithDeclaredConflict(Words));
        SignInAs(Beneficiary);
        var cut = this.RenderCase(coachingCase.Id);

        cut.WaitForElement("[data-testid=stop-or-continue], [data-testid=next-step], [data-testid=case-title], h1", Patience);
        cut.FindAll("[data-testid=conflict-declaration]").Should().BeEmpty();
        cut.Markup.Should().NotContain(Words);
    }
}
