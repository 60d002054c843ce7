using CoupDePousse.App.Security;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Accounts;

public sealed class SessionRevalidationTests : IAsyncLifetime
{
    private SessionHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await SessionHarness.CreateAsync();

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_signed_in_user_whose_account_and_session_are_unchanged_stays_signed_in()
    {
        var (_, principal) = await harness.SignInAsync(HrId);

        (await harness.IsValidAsync(principal)).Should().BeTrue();
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out()
    {
        var (_, principal) = await harness.SignInAsync(HrId);

        await using (var db = harness.Database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == HrId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisabledAt, harness.Database.Clock.GetUtcNow()),
                TestContext.Current.CancellationToken);
        }

        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }

    [Fact]
    public async Task A_demoted_user_is_signed_out_even_when_the_security_stamp_is_unchanged()
    {
        var (_, principal) = await harness.SignInAsync(HrId);
        var user = (await harness.Users.FindByIdAsync(HrId))!;
        var stamp = await harness.Users.GetSecurityStampAsync(user);

        await harness.Users.RemoveFromRoleAsync(user, Roles.HR);
        await harness.Users.AddToRoleAsync(user, Roles.Beneficiary);

        (await harness.Users.GetSecurityStampAsync(user)).Should().Be(stamp, "the role alone must be enough");
        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }

    [Fact]
    public async Task A_new_security_stamp_signs_the_user_out()
    {
        var (_, principal) = await harness.SignInAsync(HrId);

        await harness.Users.UpdateSecurityStampAsync((await harness.Users.FindByIdAsync(HrId))!);

        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }

    [Fact]
    public async Task A_locked_out_account_is_signed_out()
    {
        var (_, principal) = await harness.SignInAsync(HrId);

        var user = (await harness.Users.FindByIdAsync(HrId))!;
        await harness.Users.SetLockoutEnabledAsync(user, true);
        await harness.Users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));

        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }

    [Fact]
    public async Task A_session_whose_row_is_gone_is_signed_out()
    {
        var (key, principal) = await harness.SignInAsync(HrId);

        await harness.Store.RemoveAsync(key, TestContext.Current.CancellationToken);

        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }

    [Fact]
    public async Task An_idle_session_is_signed_out()
    {
        var (_, principal) = await harness.SignInAsync(HrId);

        harness.Database.Clock.Advance(SessionHarness.Limits.IdleTimeout);

        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }

    [Fact]
    public async Task A_principal_without_a_session_key_is_signed_out()
    {
        var (_, principal) = await harness.SignInAsync(HrId);
        var identity = (System.Security.Claims.ClaimsIdentity)principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(AppClaimTypes.SessionId));

        (await harness.IsValidAsync(principal)).Should().BeFalse();
    }
}
