using System.Reflection;
using Bunit;
using Bunit.Rendering;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Administration;

public class AdminPageTests : FeaturePageContext
{
    private IRenderedComponent<ContainerFragment> RenderPanel<TPanel>() where TPanel : IComponent =>
        RenderWithProviders<TPanel>();

    [Fact]
    public async Task Admin_cannot_remove_their_own_admin_role()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<UsersPanel>();
        panel.WaitForElement($"[data-testid=edit-user][data-user-id='{AdminId}']", Patience).Click();
        panel.Find("[data-testid=field-user-role]").Closest("div.mud-input-control")!.MouseDown();
        panel.WaitForAssertion(() => panel.FindAll("div.mud-list-item").Should().Contain(i => i.TextContent.Contains("RH")), Patience);
        panel.FindAll("div.mud-list-item").First(i => i.TextContent.Trim() == "RH").Click();

        panel.Find("[data-testid=save-role]").Click();

        panel.WaitForElement("[data-testid=error-message]", Patience).TextContent
            .Should().Be("Vous ne pouvez pas retirer votre propre rôle d’administrateur.");
        await using var db = Database.CreateDbContext();
        var roleId = await db.UserRoles.Where(ur => ur.UserId == AdminId).Select(ur => ur.RoleId).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        (await db.Roles.SingleAsync(r => r.Id == roleId, Xunit.TestContext.Current.CancellationToken)).Name.Should().Be(Roles.Admin);
    }

    [Fact]
    public async Task Budget_bounds_are_refused_when_the_minimum_exceeds_the_maximum()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<BudgetBoundsPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-budget-max]").GetAttribute("value").Should().Be("12"), Patience);

        panel.Find("[data-testid=field-budget-min]").Change("13");
        panel.Find("[data-testid=budget-save]").Click();

        panel.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().StartWith("Les bornes du forfait doivent être des multiples de 15 minutes");
        await using var db = Database.CreateDbContext();
        (await db.BudgetSettings.AnyAsync(Xunit.TestContext.Current.CancellationToken)).Should().BeFalse("a refused change changes nothing");
    }

    [Fact]
    public async Task A_small_group_threshold_under_three_is_refused_and_changes_nothing()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<SmallGroupThresholdPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-small-group-threshold]").GetAttribute("value").Should().Be("5"), Patience);

        panel.Find("[data-testid=field-small-group-threshold]").Change("2");
        panel.Find("[data-testid=small-group-threshold-save]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=field-small-group-threshold]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent
            .Should().Be("Indiquez une valeur de 3 à 50."), Patience);
        await using var db = Database.CreateDbContext();
        (await db.BudgetSettings.AnyAsync(Xunit.TestContext.Current.CancellationToken)).Should().BeFalse("a refused change changes nothing");
    }

    [Fact]
    public async Task A_small_group_threshold_is_saved()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<SmallGroupThresholdPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-small-group-threshold]").GetAttribute("value").Should().Be("5"), Patience);

        panel.Find("[data-testid=field-small-group-threshold]").Change("8");
        panel.Find("[data-testid=small-group-threshold-save]").Click();

        await using var db = Database.CreateDbContext();
        panel.WaitForAssertion(() => db.BudgetSettings.AsNoTracking().Single().SmallGroupThreshold.Should().Be(8), Patience);
        panel.FindAll("[data-testid=error-message]").Should().BeEmpty();
    }

    [Fact]
    public async Task Intervener_profile_is_refused_without_a_domain_and_saves_the_rate_in_cents()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<IntervenerProfilesPanel>();
        panel.WaitForElement($"[data-testid=edit-profile][data-user-id='{IntervenerId}']", Patience).Click();
        panel.Find("[data-testid=field-profile-domain-ManagementAndCommunication]").Change(false);
        panel.Find("[data-testid=field-profile-domain-StrategyAndTactics]").Change(false);

        panel.Find("[data-testid=profile-save]").Click();

        panel.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().Be("Un intervenant couvre au moins un domaine.");

        panel.Find("[data-testid=field-profile-domain-StressAndEmotions]").Change(true);
        panel.Find("[data-testid=field-profile-rate]").Change("135,50");
        panel.Find("[data-testid=profile-save]").Click();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=profile-editor]").Should().BeEmpty(), Patience);
        await using var db = Database.CreateDbContext();
        var profile = await db.IntervenerProfiles.SingleAsync(p => p.UserId == IntervenerId, Xunit.TestContext.Current.CancellationToken);
        profile.HourlyRateCents.Should().Be(135_50);
        profile.Domains.Should().Equal(CoachingDomain.StressAndEmotions);
    }

    [Fact]
    public async Task Account_creation_refused_by_identity_shows_why()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<UsersPanel>();
        panel.WaitForElement("[data-testid=field-new-email]", Patience).Change("beneficiary-2@test.local");
        panel.Find("[data-testid=field-new-name]").Change("Nina Nouvelle");

        panel.Find("[data-testid=create-user-submit]").Click();

        panel.WaitForElement("[data-testid=error-message]", Patience).TextContent.Should().StartWith("Le compte n’a pas pu être enregistré");
        panel.FindAll("[data-testid=invitation-link]").Should().BeEmpty();
        await using var db = Database.CreateDbContext();
        (await db.Users.CountAsync(u => u.Email == "beneficiary-2@test.local", Xunit.TestContext.Current.CancellationToken)).Should().Be(1);
        (await db.Users.AnyAsync(u => u.DisplayName == "Nina Nouvelle", Xunit.TestContext.Current.CancellationToken)).Should().BeFalse();
    }

    [Fact]
    public async Task The_invitation_link_is_shown_once_after_creating_an_account_and_never_again()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<UsersPanel>();
        panel.FindAll("[data-testid=field-new-password]").Should().BeEmpty("the administrator never types a password");
        panel.WaitForElement("[data-testid=field-new-email]", Patience).Change("nina@test.local");
        panel.Find("[data-testid=field-new-name]").Change("Nina Nouvelle");

        panel.Find("[data-testid=create-user-submit]").Click();

        var link = panel.WaitForElement("[data-testid=invitation-link]", Patience).TextContent;
        await using var db = Database.CreateDbContext();
        var nina = await db.Users.SingleAsync(u => u.Email == "nina@test.local", Xunit.TestContext.Current.CancellationToken);
        link.Should().StartWith($"http://localhost/Account/AcceptInvitation?userId={nina.Id}&code=");
        panel.Find("[data-testid=invitation]").TextContent.Should().Contain("n'est affiché qu'une fois");

        panel.Find("[data-testid=invitation-dismiss]").Click();

        panel.FindAll("[data-testid=invitation-link]").Should().BeEmpty();
        await DisposeComponentsAsync();
        var again = RenderPanel<UsersPanel>();
        again.WaitForElement($"[data-testid=user-row][data-user-id='{nina.Id}']", Patience);
        again.FindAll("[data-testid=invitation-link]").Should().BeEmpty("the link is kept nowhere and cannot be shown again");
        Status(again, nina.Id).Should().Be(nameof(AccountStatus.InvitationPending));
    }

    [Fact]
    public async Task The_admin_disables_and_enables_an_account_from_its_editor_but_not_their_own()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderPanel<UsersPanel>();
        panel.WaitForElement($"[data-testid=edit-user][data-user-id='{AdminId}']", Patience).Click();
        panel.FindAll("[data-testid=user-disable]").Should().BeEmpty("an administrator cannot disable themself");

        panel.Find($"[data-testid=edit-user][data-user-id='{IntervenerId}']").Click();
        panel.Find($"[data-testid=user-disable][data-user-id='{IntervenerId}']").Click();

        panel.WaitForAssertion(() => Status(panel, IntervenerId).Should().Be(nameof(AccountStatus.Disabled)), Patience);
        await using (var db = Database.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == IntervenerId, Xunit.TestContext.Current.CancellationToken)).DisabledAt.Should().NotBeNull();
        }

        panel.Find($"[data-testid=edit-user][data-user-id='{IntervenerId}']").Click();
        panel.Find($"[data-testid=user-enable][data-user-id='{IntervenerId}']").Click();

        // The test's people have never set a password: enabled again, the account waits for its invitation to be used.
        panel.WaitForAssertion(() => Status(panel, IntervenerId).Should().Be(nameof(AccountStatus.InvitationPending)), Patience);
    }

    private static string? Status(IRenderedComponent<ContainerFragment> panel, string userId) =>
        panel.Find($"[data-testid=user-row][data-user-id='{userId}']").ParentElement!.QuerySelector("[data-testid=user-status]")?.GetAttribute("data-status");

    [Fact]
    public void Administration_is_open_to_admins_only()
    {
        typeof(AdminPage).GetCustomAttribute<AuthorizeAttribute>()!.Roles.Should().Be(Roles.Admin);
    }
}

public class MeetingSettingsPanelTests : FeaturePageContext
{
    [Fact]
    public async Task A_stalled_delay_out_of_range_is_refused_next_to_its_field_and_changes_nothing()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<StallingRulesPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-stalled-InSessions]").GetAttribute("value").Should().Be("21"), Patience);

        panel.Find("[data-testid=field-stalled-InSessions]").Change("400");
        panel.Find("[data-testid=stalling-save]").Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=field-stalled-InSessions]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")!.TextContent
            .Should().Be("Indiquez une valeur de 1 jour à 365 jours."), Patience);
        await using var db = Database.CreateDbContext();
        (await db.BudgetSettings.AnyAsync(Xunit.TestContext.Current.CancellationToken)).Should().BeFalse("a refused change changes nothing");
    }

    [Fact]
    public async Task Stalled_delays_and_the_nudge_delay_are_saved()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<StallingRulesPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=field-nudge-days]").GetAttribute("value").Should().Be("5"), Patience);

        panel.Find("[data-testid=field-stalled-Proposed]").Change("3");
        panel.Find("[data-testid=field-nudge-days]").Change("2");
        panel.Find("[data-testid=stalling-save]").Click();

        await using var db = Database.CreateDbContext();
        panel.WaitForAssertion(() => db.BudgetSettings.AsNoTracking().Any(s => s.NudgeDays == 2).Should().BeTrue(), Patience);
        var settings = await db.BudgetSettings.AsNoTracking().SingleAsync(Xunit.TestContext.Current.CancellationToken);
        settings.ToStallingRules().Should().Be(CoupDePousse.Domain.Cases.StallingRules.Default with { ProposedDays = 3, NudgeDays = 2 });
    }

    [Fact]
    public async Task The_missed_meeting_policy_is_switched_on()
    {
        SignInAs(Admin, "Adam Admin");
        var panel = RenderWithProviders<MissedMeetingPolicyPanel>();
        panel.WaitForElement("input[data-testid=field-missed-meeting-consumes]", Patience).Change(true);

        panel.Find("[data-testid=missed-meeting-save]").Click();

        await using var db = Database.CreateDbContext();
        panel.WaitForAssertion(() => db.BudgetSettings.AsNoTracking().Any(s => s.MissedMeetingConsumesBudget).Should().BeTrue(), Patience);
        (await db.BudgetSettings.AsNoTracking().SingleAsync(Xunit.TestContext.Current.CancellationToken)).MissedMeetingConsumesBudget.Should().BeTrue();
    }
}
