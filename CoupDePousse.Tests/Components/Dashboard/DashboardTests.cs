using Bunit;
using CoupDePousse.App.Components.Pages;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Dashboard;

public class DashboardTests : FeaturePageContext
{
    [Fact]
    public async Task Beneficiary_sees_an_offer_received_with_the_reassuring_words()
    {
        SignInAs(Beneficiary);
        var offer = await Database.SaveAsync(Proposed());

        var home = Render<Home>();

        var card = home.WaitForElement("[data-testid=proposal-received]", Patience);
        card.GetAttribute("data-case-id").Should().Be(offer.Id.ToString());
        card.TextContent.Should().Contain("Marc Manager vous propose un coup de pousse")
            .And.Contain("Ce n'est pas une thérapie")
            .And.Contain("aucune présomption de faute")
            .And.Contain("sans aucun engagement")
            .And.Contain("C'est vous qui décidez")
            .And.Contain("ne veut pas dire être mauvais, incompétent ou fragile");
        home.Find("[data-testid=dashboard]").GetAttribute("data-role").Should().Be(Roles.Beneficiary);
        home.Find($"[data-testid=case-row][data-case-id='{offer.Id}'] a").GetAttribute("href").Should().Be($"/cases/{offer.Id}");
        home.Find("[data-testid=ask-for-myself]").GetAttribute("href").Should().Be("/cases/new");
    }

    [Fact]
    public async Task Beneficiary_own_request_is_not_presented_as_an_offer()
    {
        SignInAs(Beneficiary);
        await Database.SaveAsync(CoachingCase.Propose(Beneficiary, CaseBuilder.BeneficiaryRef, Proposal(), BudgetBounds.Default, Now).Value);

        var home = Render<Home>();

        home.WaitForElement("[data-testid=case-row]", Patience);
        home.FindAll("[data-testid=proposal-received]").Should().BeEmpty();
        home.Find("[data-testid=about-coup-de-pousse]").TextContent.Should().Contain("Ce n'est pas une thérapie");
    }

    [Fact]
    public async Task Beneficiary_sees_hours_used_against_the_budget_of_each_case()
    {
        SignInAs(Beneficiary);
        await Database.SaveAsync(InSessions(minutes: 90));

        var home = Render<Home>();

        home.WaitForElement("[data-testid=case-row]", Patience);
        home.Find("[data-testid=hours-used]").GetAttribute("data-minutes").Should().Be("90");
        home.Find("[data-testid=hours-budget]").GetAttribute("data-minutes").Should().Be("360");
        home.Find("[data-testid=hours-used]").TextContent.Should().Be("1 h 30");
    }

    [Fact]
    public async Task Intervener_sees_the_next_step_of_each_case_and_a_warning_from_80_percent()
    {
        SignInAs(Intervener);
        var interview = await Database.SaveAsync(ReadyForInterview());
        var toDeclare = await Database.SaveAsync(InPreliminaryInterview());
        var nearlyUsed = await Database.SaveAsync(InSessions(minutes: 300));

        var home = Render<Home>();

        home.WaitForAssertion(() => home.FindAll("[data-testid=next-step]").Should().HaveCount(3), Patience);
        var declarationRow = home.Find($"[data-testid=case-row][data-case-id='{toDeclare.Id}']");
        declarationRow.QuerySelector("[data-testid=next-step]")!.GetAttribute("data-step").Should().Be("Next.DeclareConflict");
        declarationRow.TextContent.Should().Contain("déclarer, avant l’entretien, s’il y a un conflit d’intérêts");
        var interviewRow = home.Find($"[data-testid=case-row][data-case-id='{interview.Id}']");
        interviewRow.QuerySelector("[data-testid=next-step]")!.GetAttribute("data-step").Should().Be("Next.RecordInterview");
        interviewRow.TextContent.Should().Contain("tenir l'entretien préalable puis l'enregistrer");
        interviewRow.QuerySelector("[data-testid=hours-warning]").Should().BeNull();
        var sessionsRow = home.Find($"[data-testid=case-row][data-case-id='{nearlyUsed.Id}']");
        sessionsRow.QuerySelector("[data-testid=next-step]")!.GetAttribute("data-step").Should().Be("Next.NearLimit");
        sessionsRow.QuerySelector("[data-testid=hours-warning]")!.TextContent.Should().Contain("83 %");
    }

    [Fact]
    public async Task Manager_sees_only_the_coarse_status_of_their_proposals()
    {
        SignInAs(Manager);
        await Database.SaveAsync(Proposed());
        await Database.SaveAsync(InSessions());
        await Database.SaveAsync(Closed());

        var home = Render<Home>();

        home.WaitForAssertion(() => home.FindAll("[data-testid=case-row]").Should().HaveCount(3), Patience);
        home.FindAll("[data-testid=coarse-status]").Select(s => s.GetAttribute("data-status"))
            .Should().BeEquivalentTo(["Proposed", "InProgress", "Ended"]);
        var dashboard = home.Find("[data-testid=dashboard]").TextContent;
        dashboard.Should().NotContain("Première prise de poste", "the description is the beneficiary's, not the manager's")
            .And.NotContain("En séances").And.NotContain("Clos").And.NotContain("Entretien préalable")
            .And.NotContain("Management et communication").And.NotContain("Inès");
        home.FindAll("[data-state]").Should().BeEmpty();
        home.FindAll("[data-testid=hours-used]").Should().BeEmpty();
        home.Find("[data-testid=propose-button]").GetAttribute("href").Should().Be("/cases/new");
    }

    [Fact]
    public async Task Hr_sees_what_waits_on_hr_and_no_figures_under_five_cases()
    {
        SignInAs(Hr);
        await Database.SaveAsync(Proposed());
        await Database.SaveAsync(UnderDiscussion());
        await Database.SaveAsync(ObjectivesSet());

        var home = Render<Home>();

        var waiting = home.WaitForElement("[data-testid=hr-waiting-on-hr]", Patience);
        waiting.GetAttribute("data-withheld").Should().Be("true", "two cases waiting on HR are a group under the threshold");
        waiting.TextContent.Should().Contain("masqué").And.NotContain("2");
        home.Find("[data-testid=hr-to-assign]").GetAttribute("data-withheld").Should().Be("true");
        home.Find("[data-testid=hr-pending-extensions]").GetAttribute("data-count").Should().Be("0");
        home.FindAll("[data-testid=hr-todo]").Select(t => t.GetAttribute("data-todo")).Should().BeEquivalentTo(["Hr.Todo.Assign", "Hr.Todo.Rule"]);
        home.Find("[data-testid=statistics-hidden]").TextContent.Should().Contain("moins de 5 dossiers");
        home.FindAll("[data-testid=hr-cost]").Should().BeEmpty();
        home.Find("[data-testid=open-pipeline]").GetAttribute("href").Should().Be("/pipeline");
    }

    [Fact]
    public async Task Hr_reorders_the_to_do_list_by_step_without_reloading_it()
    {
        SignInAs(Hr);
        var assignOld = await Database.SaveAsync(Proposed());
        var rule = await Database.SaveAsync(UnderDiscussion());
        var assignRecent = await Database.SaveAsync(CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal(), BudgetBounds.Default, Now.AddDays(5)).Value);
        Database.Clock.Advance(TimeSpan.FromDays(10));
        var sql = new SqlCapture(Database);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(sql);

        var home = Render<Home>();

        var list = home.WaitForElement("[data-testid=hr-todo-list]", Patience);
        list.GetAttribute("data-order").Should().Be("age");
        RowIds().Should().Equal(assignOld.Id, rule.Id, assignRecent.Id);
        sql.Commands.Should().NotBeEmpty("the dashboard loads through the capturing factory");
        sql.Clear();

        home.Find("[data-testid=hr-todo-order-step]").Click();

        home.WaitForAssertion(() => home.Find("[data-testid=hr-todo-list]").GetAttribute("data-order").Should().Be("step"), Patience);
        RowIds().Should().Equal(assignOld.Id, assignRecent.Id, rule.Id);
        sql.Commands.Should().BeEmpty("the switch reorders the rows already loaded");

        home.Find("[data-testid=hr-todo-order-age]").Click();

        home.WaitForAssertion(() => RowIds().Should().Equal(assignOld.Id, rule.Id, assignRecent.Id), Patience);

        IEnumerable<Guid> RowIds() => home.FindAll("[data-testid=hr-todo-list] [data-testid=case-row]").Select(r => Guid.Parse(r.GetAttribute("data-case-id")!));
    }

    [Fact]
    public async Task Admin_dashboard_links_to_the_administration_pages()
    {
        SignInAs(Admin);

        var home = Render<Home>();

        home.WaitForElement("[data-testid=admin-link-users]", Patience).GetAttribute("href").Should().Be("/admin?tab=users");
        home.Find("[data-testid=admin-link-interveners]").GetAttribute("href").Should().Be("/admin?tab=interveners");
        home.Find("[data-testid=admin-link-budget]").GetAttribute("href").Should().Be("/admin?tab=budget");
        home.FindAll("[data-testid=case-row]").Should().BeEmpty();
    }

    [Fact]
    public async Task Dashboard_speaks_english_when_the_culture_is_english()
    {
        UseCulture("en-US");
        SignInAs(Beneficiary);
        await Database.SaveAsync(Proposed());

        var home = Render<Home>();

        home.WaitForElement("[data-testid=proposal-received]", Patience).TextContent.Should().Contain("It is not therapy");
        home.Find("[data-testid=ask-for-myself]").TextContent.Should().Contain("Ask for a coup de pousse for myself");
    }
}
