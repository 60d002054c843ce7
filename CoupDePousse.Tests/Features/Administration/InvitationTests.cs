using System.Reflection;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>Accounts start without a password: their owner chooses one through a link that works once, within 72 hours.</summary>
public class InvitationTests : AccountServicesTest
{
    private const string ChosenPassword = "Choisi-par-Nina-2026!";


    private Task<Result<AccountLink>> CreateNinaAsync() =>
        Administration.CreateUserAsync(Admin, new NewUser("nina@test.local", "Nina Nouvelle", Roles.Beneficiary, "Logistique", ManagerId), Token);

    [Fact]
    public void No_administration_call_takes_a_password()
    {
        typeof(NewUser).GetProperties().Select(p => p.Name).Should().NotContain(name => name.Contains("Password", StringComparison.OrdinalIgnoreCase));
        typeof(AdministrationService).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .SelectMany(m => m.GetParameters()).Select(p => p.Name!)
            .Should().NotContain(name => name.Contains("password", StringComparison.OrdinalIgnoreCase), "no screen or API lets an administrator set another person's password");
    }

    [Fact]
    public async Task A_new_account_has_no_password_and_comes_with_an_invitation_link()
    {
        var created = await CreateNinaAsync();

        created.ShouldSucceed();
        created.Value.Url.Should().StartWith($"/Account/AcceptInvitation?userId={created.Value.UserId}&code=");
        await using var db = Database.CreateDbContext();
        var nina = await db.Users.SingleAsync(u => u.Id == created.Value.UserId, Token);
        nina.PasswordHash.Should().BeNull();
        nina.Email.Should().Be("nina@test.local");
    }

    [Fact]
    public async Task The_link_sets_the_password_once_and_a_second_use_is_refused()
    {
        var link = (await CreateNinaAsync()).Value;

        var first = await Services.SetPasswordThroughAsync(link.Url, ChosenPassword);
        var second = await Services.SetPasswordThroughAsync(link.Url, "Un-Autre-Mot-2026!");

        first.Outcome.Should().Be(AccountLinkOutcome.PasswordSet);
        second.Outcome.Should().Be(AccountLinkOutcome.InvalidLink, "setting the password changed the security stamp the token carries");
        (await Services.PasswordWorksAsync(link.UserId, ChosenPassword)).Should().BeTrue();
        (await Services.PasswordWorksAsync(link.UserId, "Un-Autre-Mot-2026!")).Should().BeFalse();
    }

    [Fact]
    public async Task A_password_outside_the_rules_is_refused_and_the_link_still_works()
    {
        var link = (await CreateNinaAsync()).Value;

        var weak = await Services.SetPasswordThroughAsync(link.Url, "court");
        var good = await Services.SetPasswordThroughAsync(link.Url, ChosenPassword);

        weak.Outcome.Should().Be(AccountLinkOutcome.PasswordRejected);
        weak.Errors.Should().NotBeEmpty();
        good.Outcome.Should().Be(AccountLinkOutcome.PasswordSet);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        await using var expiring = Database.AccountServices(s => s.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromMinutes(-1)));
        var link = (await expiring.GetRequiredService<AdministrationService>()
            .CreateUserAsync(Admin, new NewUser("nina@test.local", "Nina Nouvelle", Roles.Beneficiary), Token)).Value;

        var result = await expiring.SetPasswordThroughAsync(link.Url, ChosenPassword);

        result.Outcome.Should().Be(AccountLinkOutcome.InvalidLink);
        (await expiring.PasswordWorksAsync(link.UserId, ChosenPassword)).Should().BeFalse();
    }

    [Fact]
    public void Links_live_72_hours()
    {
        Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan.Should().Be(TimeSpan.FromHours(72));
    }

    [Fact]
    public async Task A_tampered_code_is_refused()
    {
        var link = (await CreateNinaAsync()).Value;

        var result = await Services.SetPasswordThroughAsync(link.Url!.Replace("code=", "code=x", StringComparison.Ordinal), ChosenPassword);

        result.Outcome.Should().Be(AccountLinkOutcome.InvalidLink);
    }

    [Fact]
    public async Task A_new_link_replaces_the_previous_one()
    {
        var first = (await CreateNinaAsync()).Value;
        var second = await Administration.IssuePasswordLinkAsync(Admin, first.UserId, Token);

        (await Services.SetPasswordThroughAsync(first.Url, ChosenPassword)).Outcome.Should().Be(AccountLinkOutcome.InvalidLink);
        (await Services.SetPasswordThroughAsync(second.Value.Url, ChosenPassword)).Outcome.Should().Be(AccountLinkOutcome.PasswordSet);
    }

    [Fact]
    public async Task A_password_reset_link_replaces_the_password_and_both_steps_are_audited()
    {
        var invitation = (await CreateNinaAsync()).Value;
        await Services.SetPasswordThroughAsync(invitation.Url, ChosenPassword);

        var reset = await Administration.IssuePasswordLinkAsync(Admin, invitation.UserId, Token);
        var used = await Services.SetPasswordThroughAsync(reset.Value.Url, "Nouveau-Mot-2026!");

        used.Outcome.Should().Be(AccountLinkOutcome.PasswordSet);
        (await Services.PasswordWorksAsync(invitation.UserId, "Nouveau-Mot-2026!")).Should().BeTrue();
        (await Services.PasswordWorksAsync(invitation.UserId, ChosenPassword)).Should().BeFalse();
        var kinds = await KindsAsync(invitation.UserId);
        kinds.Should().Equal(SecurityEventKind.UserCreated, SecurityEventKind.InvitationIssued, SecurityEventKind.InvitationUsed,
            SecurityEventKind.PasswordResetIssued, SecurityEventKind.PasswordReset);
    }

    [Fact]
    public async Task The_audit_trail_never_holds_the_code_or_the_password()
    {
        var link = (await CreateNinaAsync()).Value;
        await Services.SetPasswordThroughAsync(link.Url, ChosenPassword);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link.Url).Query)["code"].ToString();

        await using var db = Database.CreateDbContext();
        var values = await db.SecurityEvents.Select(e => (e.OldValue ?? "") + "|" + (e.NewValue ?? "")).ToListAsync(Token);
        var created = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.UserCreated, Token);

        values.Should().NotContain(v => v.Contains(code) || v.Contains(ChosenPassword));
        created.ActorUserId.Should().Be(AdminId);
        created.NewValue.Should().Be("nina@test.local; Beneficiary; department=Logistique; manager=manager-1@test.local");
    }

    [Fact]
    public async Task A_disabled_account_can_neither_get_nor_use_a_link()
    {
        var link = (await CreateNinaAsync()).Value;
        (await Administration.DisableAsync(Admin, link.UserId, Token)).ShouldSucceed();

        var issued = await Administration.IssuePasswordLinkAsync(Admin, link.UserId, Token);
        var used = await Services.SetPasswordThroughAsync(link.Url, ChosenPassword);

        issued.ShouldBeRefusedWith(AdministrationErrors.AccountDisabled);
        used.Outcome.Should().Be(AccountLinkOutcome.InvalidLink);
    }

    private async Task<List<SecurityEventKind>> KindsAsync(string subjectUserId)
    {
        await using var db = Database.CreateDbContext();
        return await db.SecurityEvents.Where(e => e.SubjectUserId == subjectUserId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Token);
    }
}
