using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>Sign-in refusal and revocation as the app wires them (its SignInManager, its session store).</summary>
public sealed class AccountSessionTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    [Fact]
    public async Task A_disabled_account_cannot_sign_in_even_with_the_right_password()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(DemoUsers.Intervener2.Email))!;
        (await signIn.CheckPasswordSignInAsync(user, DemoUsers.Password, lockoutOnFailure: false)).Succeeded.Should().BeTrue();

        user.DisabledAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(user);

        var result = await signIn.CheckPasswordSignInAsync(user, DemoUsers.Password, lockoutOnFailure: false);
        result.Succeeded.Should().BeFalse();
        result.IsNotAllowed.Should().BeTrue();
        (await signIn.ValidateSecurityStampAsync(await signIn.CreateUserPrincipalAsync(user))).Should().BeNull("a cookie of a disabled account fails its next check");
    }

    [Fact]
    public async Task Signing_out_everywhere_deletes_every_session_of_the_user_renews_the_stamp_and_is_audited()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var store = scope.ServiceProvider.GetRequiredService<UserSessionStore>();
        var manager = (await users.FindByEmailAsync(DemoUsers.Manager2.Email))!;
        var other = (await users.FindByEmailAsync(DemoUsers.Beneficiary3.Email))!;
        var stamp = manager.SecurityStamp;
        async Task<string> SignInAsync(ApplicationUser user) =>
            await store.StoreAsync(new AuthenticationTicket(await signIn.CreateUserPrincipalAsync(user), IdentityConstants.ApplicationScheme), TestContext.Current.CancellationToken);
        string[] managerSessions = [await SignInAsync(manager), await SignInAsync(manager)];
        var otherSession = await SignInAsync(other);

        var revoked = await scope.ServiceProvider.GetRequiredService<SessionRevocation>().RevokeAllAsync(manager.Id, actorUserId: manager.Id, TestContext.Current.CancellationToken);

        revoked.Should().Be(2);
        foreach (var key in managerSessions)
        {
            (await store.RetrieveAsync(key, TestContext.Current.CancellationToken)).Should().BeNull();
        }
        (await store.RetrieveAsync(otherSession, TestContext.Current.CancellationToken)).Should().NotBeNull("only that user's sessions end");
        await using var fresh = factory.Services.CreateAsyncScope();
        var reloaded = (await fresh.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(manager.Id))!;
        reloaded.SecurityStamp.Should().NotBe(stamp);
        var db = fresh.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.SessionsRevoked && e.SubjectUserId == manager.Id, TestContext.Current.CancellationToken))
            .Should().BeTrue();
    }
}
