using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
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

        coachingCase.SetObjectives(Beneficiary, [new(ObjectiveText, "Un signe concret")], Now).ShouldSucceed();
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
}
