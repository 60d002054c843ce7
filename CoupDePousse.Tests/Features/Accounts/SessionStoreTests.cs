using System.Text;
using CoupDePousse.App.Security;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Accounts;

public sealed class SessionStoreTests : IAsyncLifetime
{
    private SessionHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await SessionHarness.CreateAsync();

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_session_is_kept_on_the_server_protected_and_gives_back_its_principal()
    {
        var (key, principal) = await harness.SignInAsync(HrId);

        principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value.Should().Be(HrId);
        principal.FindFirst(AppClaimTypes.SessionId)!.Value.Should().Be(key, "a live circuit checks the session it came from");
        await using var db = harness.Database.CreateDbContext();
        var row = await db.UserSessions.SingleAsync(s => s.Id == key, TestContext.Current.CancellationToken);
        row.UserId.Should().Be(HrId);
        row.ExpiresAt.Should().Be(row.CreatedAt + SessionHarness.Limits.AbsoluteLifetime);
        Encoding.UTF8.GetString(row.Ticket).Should().NotContain(HrId + "@test.local", "the ticket is data-protected");
    }

    [Fact]
    public async Task A_removed_session_signs_nobody_in()
    {
        var (key, _) = await harness.SignInAsync(HrId);

        await harness.Store.RemoveAsync(key, TestContext.Current.CancellationToken);

        (await harness.Store.RetrieveAsync(key, TestContext.Current.CancellationToken)).Should().BeNull();
    }

    [Fact]
    public async Task A_session_left_idle_ends_and_its_row_goes()
    {
        var (key, _) = await harness.SignInAsync(HrId);

        harness.Database.Clock.Advance(SessionHarness.Limits.IdleTimeout);

        (await harness.Store.IsActiveAsync(key, TestContext.Current.CancellationToken)).Should().BeFalse();
        (await harness.Store.RetrieveAsync(key, TestContext.Current.CancellationToken)).Should().BeNull();
        await using var db = harness.Database.CreateDbContext();
        (await db.UserSessions.AnyAsync(s => s.Id == key, TestContext.Current.CancellationToken)).Should().BeFalse();
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_past_the_idle_timeout_and_sets_when_its_cookie_expires()
    {
        var (key, _) = await harness.SignInAsync(HrId);

        harness.Database.Clock.Advance(TimeSpan.FromMinutes(20));
        await harness.Store.TouchAsync(key, TestContext.Current.CancellationToken);
        harness.Database.Clock.Advance(TimeSpan.FromMinutes(20));

        var ticket = await harness.Store.RetrieveAsync(key, TestContext.Current.CancellationToken);
        ticket.Should().NotBeNull("20 minutes passed since the last activity, less than the idle timeout");
        ticket!.Properties.ExpiresUtc.Should().Be(harness.Database.Clock.GetUtcNow() + SessionHarness.Limits.IdleTimeout);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_active()
    {
        var (key, _) = await harness.SignInAsync(HrId);
        var steps = (int)(SessionHarness.Limits.AbsoluteLifetime / TimeSpan.FromMinutes(20));

        for (var step = 1; step < steps; step++)
        {
            harness.Database.Clock.Advance(TimeSpan.FromMinutes(20));
            (await harness.Store.RetrieveAsync(key, TestContext.Current.CancellationToken)).Should().NotBeNull("step {0} is active and within the lifetime", step);
        }
        harness.Database.Clock.Advance(TimeSpan.FromMinutes(20));

        (await harness.Store.RetrieveAsync(key, TestContext.Current.CancellationToken)).Should().BeNull();
    }

    [Fact]
    public async Task Renewing_a_ticket_keeps_the_session_and_its_absolute_end()
    {
        var (key, principal) = await harness.SignInAsync(HrId);
        await using var before = harness.Database.CreateDbContext();
        var expiresAt = (await before.UserSessions.SingleAsync(s => s.Id == key, TestContext.Current.CancellationToken)).ExpiresAt;

        harness.Database.Clock.Advance(TimeSpan.FromMinutes(10));
        await harness.Store.RenewAsync(key, new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, "Identity.Application"), TestContext.Current.CancellationToken);

        await using var after = harness.Database.CreateDbContext();
        var row = await after.UserSessions.SingleAsync(s => s.Id == key, TestContext.Current.CancellationToken);
        row.ExpiresAt.Should().Be(expiresAt);
        row.LastSeenAt.Should().Be(harness.Database.Clock.GetUtcNow());
    }
}
