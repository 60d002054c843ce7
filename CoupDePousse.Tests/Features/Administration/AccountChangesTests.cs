using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Localization;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>Disabling an account, and every administrative change written to the audit trail with its old and new values.</summary>
public class AccountChangesTests : AccountServicesTest
{

    [Fact]
    public async Task Disabling_an_account_dates_it_renews_its_stamp_and_is_audited_and_enabling_undoes_it()
    {
        var stampBefore = await StampAsync(IntervenerId);

        (await Administration.DisableAsync(Admin, IntervenerId, Token)).ShouldSucceed();

        var disabled = await UserAsync(IntervenerId);
        disabled.DisabledAt.Should().Be(Now);
        disabled.SecurityStamp.Should().NotBe(stampBefore, "a new stamp ends the account's sessions");
        var stampWhileDisabled = disabled.SecurityStamp;

        (await Administration.EnableAsync(Admin, IntervenerId, Token)).ShouldSucceed();

        var enabled = await UserAsync(IntervenerId);
        enabled.DisabledAt.Should().BeNull();
        enabled.SecurityStamp.Should().NotBe(stampWhileDisabled);
        var events = await EventsAsync(IntervenerId);
        events.Should().Equal(
            (SecurityEventKind.AccountDisabled, AdminId, "enabled", "disabled"),
            (SecurityEventKind.AccountEnabled, AdminId, "disabled", "enabled"));
    }

    [Fact]
    public async Task An_admin_cannot_disable_themself()
    {
        var result = await Administration.DisableAsync(Admin, AdminId, Token);

        result.ShouldBeRefusedWith(AdministrationErrors.CannotDisableSelf);
        (await UserAsync(AdminId)).DisabledAt.Should().BeNull();
        (await EventsAsync(AdminId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_an_enabled_one_can()
    {
        await using var app = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDbContextFactory<AppDbContext>>(Database)
            .AddScoped(_ => Database.CreateDbContext())
            .AddAppLocalizationAndIdentity()
            .BuildServiceProvider();
        await using var scope = app.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();

        (await Administration.DisableAsync(Admin, IntervenerId, Token)).ShouldSucceed();

        (await signIn.CanSignInAsync(await UserAsync(IntervenerId))).Should().BeFalse();
        (await signIn.CanSignInAsync(await UserAsync(OtherIntervenerId))).Should().BeTrue();
    }

    [Fact]
    public async Task A_disabled_interveners_cases_stay_in_hrs_pipeline()
    {
        var stored = await Database.SaveAsync(InSessions());

        (await Administration.DisableAsync(Admin, IntervenerId, Token)).ShouldSucceed();

        var overview = await Database.Pipeline().GetOverviewAsync(Hr, new PipelineFilter(), new PageRequest(), Token);
        var row = overview.Value.Rows.Items.Should().ContainSingle().Which;
        row.Id.Should().Be(stored.Id);
        row.IntervenerName.Should().Be("Inès Intervenante");
        (await Database.LoadAsync(stored.Id)).IntervenerId.Should().Be(IntervenerId, "disabling an account leaves its cases as they are");
    }

    [Fact]
    public async Task A_role_change_is_audited_with_the_old_and_new_role_and_renews_the_stamp()
    {
        var stampBefore = await StampAsync(OtherBeneficiaryId);

        (await Administration.SetRoleAsync(Admin, OtherBeneficiaryId, Roles.Manager, Token)).ShouldSucceed();
        (await Administration.SetRoleAsync(Admin, OtherBeneficiaryId, Roles.Manager, Token)).ShouldSucceed();

        (await StampAsync(OtherBeneficiaryId)).Should().NotBe(stampBefore, "the role is a claim of every open session");
        (await EventsAsync(OtherBeneficiaryId)).Should().Equal([(SecurityEventKind.RoleChanged, AdminId, "Beneficiary", "Manager")],
            "setting the role it already has changes nothing and records nothing");
    }

    [Fact]
    public async Task An_organisation_change_is_audited_with_the_old_and_new_department_and_manager()
    {
        (await Administration.SetOrganisationAsync(Admin, BeneficiaryId, "Achats", OtherManagerId, Token)).ShouldSucceed();

        (await EventsAsync(BeneficiaryId)).Should().Equal((SecurityEventKind.OrganisationChanged, AdminId,
            "department=Logistique; manager=manager-1@test.local", "department=Achats; manager=manager-2@test.local"));
    }

    [Fact]
    public async Task An_intervener_profile_change_is_audited_with_the_old_and_new_domains_capacity_and_rate()
    {
        (await Administration.SaveIntervenerProfileAsync(Admin, OtherIntervenerId, [CoachingDomain.StrategyAndTactics], 3, 90_00, Token)).ShouldSucceed();

        (await EventsAsync(OtherIntervenerId)).Should().Equal((SecurityEventKind.IntervenerProfileChanged, AdminId,
            "domains=StressAndEmotions; capacity=5; rateCents=10000", "domains=StrategyAndTactics; capacity=3; rateCents=9000"));
    }

    [Fact]
    public async Task A_budget_bounds_change_is_audited_with_the_old_and_new_bounds()
    {
        var before = await Administration.GetBudgetBoundsAsync(Admin, Token);

        (await Administration.SetBudgetBoundsAsync(Admin, 60, 10 * 60, Token)).ShouldSucceed();

        (await EventsAsync(null)).Should().Equal((SecurityEventKind.BudgetBoundsChanged, AdminId,
            $"minMinutes={before.Value.MinimumMinutes}; maxMinutes={before.Value.MaximumMinutes}", "minMinutes=60; maxMinutes=600"));
    }

    [Fact]
    public async Task A_small_group_threshold_change_is_audited_and_one_under_three_is_refused()
    {
        (await Administration.SetSmallGroupThresholdAsync(Admin, 2, Token)).ShouldBeRefusedWith(CoupDePousse.Domain.Common.SmallGroupThreshold.Invalid);
        (await Administration.SetSmallGroupThresholdAsync(Hr, 7, Token)).IsFailure.Should().BeTrue("only the admin sets it");

        (await Administration.SetSmallGroupThresholdAsync(Admin, 7, Token)).ShouldSucceed();

        (await Administration.GetSmallGroupThresholdAsync(Admin, Token)).Value.Should().Be(7);
        (await EventsAsync(null)).Should().Equal((SecurityEventKind.SmallGroupThresholdChanged, AdminId, "cases=5", "cases=7"));
    }

    private async Task<ApplicationUser> UserAsync(string id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Token);
    }

    private async Task<string?> StampAsync(string id) => (await UserAsync(id)).SecurityStamp;

    private async Task<List<(SecurityEventKind Kind, string? Actor, string? Old, string? New)>> EventsAsync(string? subjectUserId)
    {
        await using var db = Database.CreateDbContext();
        var rows = await db.SecurityEvents.Where(e => e.SubjectUserId == subjectUserId).OrderBy(e => e.Id).ToListAsync(Token);
        return rows.Select(e => (e.Kind, e.ActorUserId, e.OldValue, e.NewValue)).ToList();
    }
}

internal static class SignInServices
{
    /// <summary>The app's full Identity (sign-in included) without a web host.</summary>
    public static IServiceCollection AddAppLocalizationAndIdentity(this IServiceCollection Services)
    {
        Services.AddAppLocalization();
        return Services.AddAppIdentity();
    }
}
