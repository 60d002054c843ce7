using Bunit;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

public class CasePageTests : FeaturePageContext
{
    [Fact]
    public async Task Beneficiary_sees_agree_and_decline_on_an_offer_in_reassuring_words()
    {
        var offered = await Database.SaveAsync(WithIntervener());
        SignInAs(Beneficiary);

        var cut = this.RenderCase(offered.Id);

        cut.Find("[data-testid=case-state]").GetAttribute("data-state").Should().Be(nameof(CaseState.Proposed));
        cut.RenderedActions().Should().Equal(nameof(CaseTrigger.AgreeToMeet), nameof(CaseTrigger.Decline));
        var offer = cut.Find("[data-testid=offer]").TextContent;
        offer.Should().Contain("pas une thérapie").And.Contain("aucune présomption de faute").And.Contain("gratuit et sans engagement").And.Contain("vous qui décidez");
    }

    [Fact]
    public async Task Beneficiary_agreeing_to_meet_moves_the_case_and_reloads_the_view()
    {
        var offered = await Database.SaveAsync(WithIntervener());
        SignInAs(Beneficiary);
        var cut = this.RenderCase(offered.Id);

        cut.Find("[data-testid=action-AgreeToMeet]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-state]").GetAttribute("data-state").Should().Be(nameof(CaseState.PreliminaryInterview)), Patience);
        cut.FindAll("[data-testid=error-message]").Should().BeEmpty();
        (await Database.LoadAsync(offered.Id)).State.Should().Be(CaseState.PreliminaryInterview);
    }

    [Fact]
    public async Task Intervener_sees_log_session_and_the_warning_from_80_percent_of_the_budget()
    {
        var nearLimit = await Database.SaveAsync(InSessions(minutes: 300));
        SignInAs(Intervener);

        var cut = this.RenderCase(nearLimit.Id);

        cut.FindAll("[data-testid=action-LogSession]").Should().ContainSingle();
        cut.Find("[data-testid=hours-used]").GetAttribute("data-minutes").Should().Be("300");
        cut.Find("[data-testid=hours-budget]").GetAttribute("data-minutes").Should().Be("360");
        cut.Find("[data-testid=hours-warning]").TextContent.Should().Contain("83 %");
        cut.Find("[data-testid=notes-private]").TextContent.Should().Contain("vous seul(e) pouvez les lire");
    }

    [Fact]
    public async Task Intervener_gets_no_warning_below_80_percent()
    {
        var early = await Database.SaveAsync(InSessions(minutes: 60));
        SignInAs(Intervener);

        var cut = this.RenderCase(early.Id);

        cut.FindAll("[data-testid=action-LogSession]").Should().ContainSingle();
        cut.FindAll("[data-testid=hours-warning]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_session_over_the_budget_is_refused_with_the_domain_message_and_changes_nothing()
    {
        var nearLimit = await Database.SaveAsync(InSessions(minutes: 300));
        SignInAs(Intervener);
        var cut = this.RenderCase(nearLimit.Id);

        cut.Find("[data-testid=field-session-minutes]").Change("120");
        cut.Find("[data-testid=action-LogSession]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-message]").TextContent.Should().Contain("dépasserait le forfait : il reste 1 h"), Patience);
        cut.Find("[data-testid=error-message]").GetAttribute("data-error-code").Should().Be("session.over_budget");
        var stored = await Database.LoadAsync(nearLimit.Id);
        stored.Sessions.Should().ContainSingle();
        stored.Version.Should().Be(nearLimit.Version);
        cut.Find("[data-testid=hours-used]").GetAttribute("data-minutes").Should().Be("300");
    }

    [Fact]
    public async Task A_stale_version_shows_the_conflict_message_and_reload_brings_the_current_case()
    {
        var inSessions = await Database.SaveAsync(InSessions());
        SignInAs(Intervener);
        var cut = this.RenderCase(inSessions.Id);
        // Meanwhile the beneficiary shares their objectives: the version the page holds is now stale.
        (await Database.Cases().PerformAsync(Beneficiary, inSessions.Id, inSessions.Version, new ShareObjectivesCommand(true), Xunit.TestContext.Current.CancellationToken)).ShouldSucceed();

        cut.Find("[data-testid=action-LogSession]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-message]").GetAttribute("data-error-code").Should().Be(CaseErrors.Concurrency.Code), Patience);
        cut.Find("[data-testid=error-message]").TextContent.Should().Contain(CaseErrors.Concurrency.French);
        (await Database.LoadAsync(inSessions.Id)).Sessions.Should().ContainSingle("the refused session must not be stored");

        cut.Find("[data-testid=reload-case]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=error-message]").Should().BeEmpty(), Patience);
        cut.Markup.Should().Contain("Le bénéficiaire les partage avec l’entreprise.");
    }

    [Fact]
    public async Task Another_beneficiary_gets_the_not_found_block()
    {
        var someoneElses = await Database.SaveAsync(InSessions());
        SignInAs(OtherBeneficiary);

        var cut = this.RenderCase(someoneElses.Id);

        cut.FindAll("[data-testid=not-found]").Should().ContainSingle();
        cut.FindAll("[data-testid=case-page]").Should().BeEmpty();
        cut.Markup.Should().NotContain("Première prise de poste");
    }

    [Fact]
    public async Task An_unknown_case_gets_the_same_not_found_block()
    {
        SignInAs(Hr);

        var cut = this.RenderCase(Guid.NewGuid());

        cut.FindAll("[data-testid=not-found]").Should().ContainSingle();
    }

    [Fact]
    public async Task Manager_sees_only_the_coarse_status_of_their_proposal()
    {
        var inSessions = await Database.SaveAsync(InSessions());
        SignInAs(Manager);

        var cut = this.RenderCase(inSessions.Id);

        cut.Find("[data-testid=case-status]").GetAttribute("data-status").Should().Be(nameof(CoarseStatus.InProgress));
        cut.FindAll("[data-testid=case-state]").Should().BeEmpty("the exact state is not the manager's to know");
        cut.FindAll("[data-testid=hours-used]").Should().BeEmpty();
        cut.Markup.Should().NotContain("Première prise de poste").And.NotContain(Objectives[0].Statement).And.NotContain(nameof(CaseState.InSessions));
        cut.Find("[data-testid=proposer-confidential]").TextContent.Should().Contain("confidentiel");
        cut.RenderedActions().Should().BeEmpty();
    }

    [Fact]
    public async Task Manager_may_withdraw_a_proposal_nothing_has_happened_to()
    {
        var proposed = await Database.SaveAsync(Proposed());
        SignInAs(Manager);
        var cut = this.RenderCase(proposed.Id);

        cut.Find("[data-testid=case-status]").GetAttribute("data-status").Should().Be(nameof(CoarseStatus.Proposed));
        cut.Find("[data-testid=action-Withdraw]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-status]").GetAttribute("data-status").Should().Be(nameof(CoarseStatus.Ended)), Patience);
        cut.RenderedActions().Should().BeEmpty();
    }

    [Fact]
    public async Task Stopping_asks_a_gentle_confirmation_without_a_reason_then_ends_the_case()
    {
        var inSessions = await Database.SaveAsync(InSessions());
        SignInAs(Beneficiary);
        var cut = this.RenderCase(inSessions.Id);

        cut.Find("[data-testid=action-Stop]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=stop-confirm]"), Patience);
        cut.Markup.Should().Contain("Aucune raison n’est demandée");
        cut.Find("[data-testid=stop-confirm]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-state]").GetAttribute("data-state").Should().Be(nameof(CaseState.Closed)), Patience);
        (await Database.LoadAsync(inSessions.Id)).Outcome.Should().Be(CaseOutcome.InterruptedByBeneficiary);
    }

    [Fact]
    public async Task Beneficiary_sets_objectives_starting_from_the_intervener_drafts()
    {
        var accepted = Accepted();
        accepted.DraftObjectives(Intervener, [new("Préparer l'entretien annuel", "Une trame écrite avant l'entretien")], Now).ShouldSucceed();
        await Database.SaveAsync(accepted);
        SignInAs(Beneficiary);
        var cut = this.RenderCase(accepted.Id);

        cut.Find("[data-testid=field-objective-1-statement]").GetAttribute("value").Should().Be("Préparer l'entretien annuel");
        cut.Find("[data-testid=field-objective-1-statement]").Change("Préparer mon entretien annuel");
        cut.Find("[data-testid=field-objective-1-before]").Change("3");
        cut.Find("[data-testid=action-SetObjectives]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=case-state]").GetAttribute("data-state").Should().Be(nameof(CaseState.ObjectivesSet)), Patience);
        (await Database.LoadAsync(accepted.Id)).Objectives.Single().Statement.Should().Be("Préparer mon entretien annuel");
        (await Database.LoadAsync(accepted.Id)).Objectives.Single().StartingScore.Should().Be(3);
    }

    [Fact]
    public async Task Incomplete_objectives_are_refused_with_a_clear_message()
    {
        var accepted = await Database.SaveAsync(Accepted());
        SignInAs(Beneficiary);
        var cut = this.RenderCase(accepted.Id);

        cut.Find("[data-testid=field-objective-1-statement]").Change("Oser dire non");
        cut.Find("[data-testid=field-objective-1-before]").Change("3");
        cut.Find("[data-testid=action-SetObjectives]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-message]").TextContent.Should().Contain(CaseErrors.ObjectiveIncomplete.French), Patience);
        (await Database.LoadAsync(accepted.Id)).State.Should().Be(CaseState.Accepted);
    }

    [Fact]
    public async Task The_page_speaks_english_when_the_culture_is_english()
    {
        UseCulture("en-US");
        var offered = await Database.SaveAsync(WithIntervener());
        SignInAs(Beneficiary);

        var cut = this.RenderCase(offered.Id);

        cut.Find("[data-testid=offer]").TextContent.Should().Contain("It is not therapy");
        cut.Find("[data-testid=action-Decline]").TextContent.Should().Contain("No, thank you");
    }
}
