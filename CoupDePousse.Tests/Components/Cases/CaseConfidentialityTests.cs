using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>What HR's case page must never render, proven with marker strings that the beneficiary's page does render.</summary>
public class CaseConfidentialityTests : FeaturePageContext
{
    private const string VerdictComment = "MARQUEUR-COMMENTAIRE-INTERVENANT";
    private const string ObjectiveText = "MARQUEUR-OBJECTIF-PERSONNEL";
    private const string NoteText = "MARQUEUR-NOTE-PRIVEE";
    private const string SummaryText = "MARQUEUR-SYNTHESE-CLOTURE";
    private const string ReferralNote = "MARQUEUR-ORIENTATION";

    /// <summary>A closed case with an intervener verdict comment, unshared objectives, a private note and a closing summary.</summary>
    private async Task<Guid> ClosedCaseWithEverythingConfidentialAsync()
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        foreach (var criterion in AcceptanceCriteria.OwnedBy(Party.Intervener))
        {
            coachingCase.RecordVerdict(Intervener, criterion, true, criterion == AcceptanceCriterion.PersonInvolved ? VerdictComment : null, Now).ShouldSucceed();
        }

        coachingCase.SetObjectives(Beneficiary, [new(ObjectiveText, "Un signe concret")], [4], Now).ShouldSucceed();
        AcceptAgreementByAll(coachingCase);
        var session = coachingCase.LogSession(Intervener, Today, 60, SessionMode.Video, Now);
        await Database.SaveAsync(coachingCase);
        (await Database.SessionNotes().WriteNoteAsync(Intervener, coachingCase.Id, session.Value.Id, NoteText, Xunit.TestContext.Current.CancellationToken)).ShouldSucceed();
        (await Database.Cases().PerformAsync(Intervener, coachingCase.Id, coachingCase.Version, new CloseCommand(SummaryText), Xunit.TestContext.Current.CancellationToken)).ShouldSucceed();
        return coachingCase.Id;
    }

    [Fact]
    public async Task Hr_page_never_renders_the_verdict_comment_objectives_note_or_closing_summary()
    {
        var id = await ClosedCaseWithEverythingConfidentialAsync();
        SignInAs(Hr);

        var cut = this.RenderCase(id);
        cut.ExpandCriteria();

        cut.Markup.Should().NotContain(VerdictComment).And.NotContain(ObjectiveText).And.NotContain(NoteText).And.NotContain(SummaryText);
        cut.Find("[data-testid=objectives-not-shared]").TextContent.Should().Contain("n’a pas partagé ses objectifs");
        cut.Find("[data-testid=verdict-5-intervener]").GetAttribute("data-validated").Should().Be("true", "HR sees the intervener's verdict, validated or not");
        cut.Find("[data-testid=cost]").GetAttribute("data-cents").Should().Be("12000");
        cut.Find("[data-testid=cost]").TextContent.Should().Contain("120,00").And.Contain("€");
    }

    [Fact]
    public async Task The_beneficiary_page_does_render_what_hr_may_not_see_but_never_the_note()
    {
        var id = await ClosedCaseWithEverythingConfidentialAsync();
        SignInAs(Beneficiary);

        var cut = this.RenderCase(id);
        cut.ExpandCriteria();

        cut.Markup.Should().Contain(VerdictComment).And.Contain(ObjectiveText).And.Contain(SummaryText);
        cut.Markup.Should().NotContain(NoteText);
    }

    [Fact]
    public async Task The_intervener_reads_their_own_private_note()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        (await Database.SessionNotes().WriteNoteAsync(Intervener, coachingCase.Id, coachingCase.Sessions.Single().Id, NoteText, Xunit.TestContext.Current.CancellationToken)).ShouldSucceed();
        SignInAs(Intervener);

        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=session-note]").TextContent.Should().Contain(NoteText);
    }

    [Fact]
    public async Task Hr_page_never_renders_the_referral_note_which_the_beneficiary_sees()
    {
        var excluded = InterviewHeld();
        excluded.Exclude(Intervener, new Referral(ReferralKind.OccupationalHealth, ReferralNote), Now).ShouldSucceed();
        await Database.SaveAsync(excluded);

        SignInAs(Hr);
        var hrPage = this.RenderCase(excluded.Id);
        hrPage.Markup.Should().NotContain(ReferralNote).And.NotContain("Médecine du travail");
        hrPage.Find("[data-testid=case-outcome]").GetAttribute("data-outcome").Should().Be(nameof(CaseOutcome.ExcludedWithReferral));
    }

    [Fact]
    public async Task The_beneficiary_sees_where_they_were_referred()
    {
        var excluded = InterviewHeld();
        excluded.Exclude(Intervener, new Referral(ReferralKind.OccupationalHealth, ReferralNote), Now).ShouldSucceed();
        await Database.SaveAsync(excluded);
        SignInAs(Beneficiary);

        var cut = this.RenderCase(excluded.Id);

        cut.Find("[data-testid=referral-note]").TextContent.Should().Contain(ReferralNote);
        cut.Markup.Should().Contain("Médecine du travail");
    }

    [Fact]
    public async Task Hr_page_renders_the_objectives_once_the_beneficiary_shares_them()
    {
        var coachingCase = ObjectivesSet();
        await Database.SaveAsync(coachingCase);
        SignInAs(Hr);
        this.RenderCase(coachingCase.Id).Markup.Should().NotContain(Objectives[0].Statement);
        await DisposeComponentsAsync();

        (await Database.Cases().PerformAsync(Beneficiary, coachingCase.Id, coachingCase.Version, new ShareObjectivesCommand(true), Xunit.TestContext.Current.CancellationToken)).ShouldSucceed();
        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=company-objectives]").TextContent.Should().Contain(Objectives[0].Statement);
        cut.FindAll("[data-testid=objectives-not-shared]").Should().BeEmpty();
    }

    [Fact]
    public async Task Hr_page_shows_the_impact_on_the_work_and_says_the_situation_stays_with_the_beneficiary()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        SignInAs(Hr);

        var cut = this.RenderCase(coachingCase.Id);

        cut.Markup.Should().NotContain(Situation);
        cut.FindAll("[data-testid=case-description]").Should().BeEmpty();
        cut.Find("[data-testid=case-work-impact]").TextContent.Should().Be(WorkImpact);
        cut.Find("[data-testid=situation-withheld]").TextContent.Should().Contain("reste entre elle et l'intervenant");
    }

    [Fact]
    public async Task The_beneficiary_page_shows_the_situation_with_who_reads_it()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        SignInAs(Beneficiary);

        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=case-description]").TextContent.Should().Be(Situation);
        cut.Find("[data-testid=case-situation]").TextContent.Should().Contain("Lue uniquement par le bénéficiaire et l'intervenant.");
        cut.Find("[data-testid=case-work-impact]").TextContent.Should().Be(WorkImpact);
    }

    [Fact]
    public async Task A_case_proposed_before_the_impact_was_asked_shows_it_as_not_given()
    {
        var coachingCase = await Database.SaveAsync(InSessions());
        await using (var db = Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Cases" SET "WorkImpact" = '' WHERE "Id" = {coachingCase.Id}""", Xunit.TestContext.Current.CancellationToken);
        }

        SignInAs(Hr);

        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=case-work-impact]").TextContent.Should().Be("non renseigné");
    }

    [Theory]
    [InlineData(Who.Hr, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Beneficiary, false)]
    public async Task An_extension_shows_its_category_to_everyone_involved_and_its_comment_to_hr_and_its_author(Who who, bool seesComment)
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.ContextChanged, "MARQUEUR-COMMENTAIRE-EXTENSION", Now).ShouldSucceed();
        await Database.SaveAsync(coachingCase);
        SignInAs(Of(who));

        var cut = this.RenderCase(coachingCase.Id);

        cut.Find("[data-testid=extension-category]").TextContent.Should().Be("Le contexte de travail a changé");
        if (seesComment)
        {
            cut.Find("[data-testid=extension-comment]").TextContent.Should().Contain("MARQUEUR-COMMENTAIRE-EXTENSION");
        }
        else
        {
            cut.Markup.Should().NotContain("MARQUEUR-COMMENTAIRE-EXTENSION");
        }
    }
}
