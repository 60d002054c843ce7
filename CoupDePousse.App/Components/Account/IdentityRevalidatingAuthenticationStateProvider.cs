using System.Security.Claims;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Components.Account;

// Re-reads the account and the session every RevalidationInterval while a circuit is connected; when they no longer
// stand, the session is ended and the circuit's user becomes anonymous.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<UserSessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    /// <summary>True once revalidation has turned this circuit's user away: pages then say the session ended.</summary>
    public bool SessionEnded { get; private set; }

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope, so that UserManager reads fresh data rather than what this circuit has tracked.
        await using var scope = scopeFactory.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<SessionValidator>();
        if (await validator.IsValidAsync(authenticationState.User, cancellationToken))
        {
            return true;
        }

        // The cookie behind this circuit must not sign anyone in again either.
        if (authenticationState.User.FindFirstValue(AppClaimTypes.SessionId) is { } sessionId)
        {
            await scope.ServiceProvider.GetRequiredService<UserSessionStore>().RemoveAsync(sessionId, cancellationToken);
        }
        SessionEnded = true;
        return false;
    }
}
