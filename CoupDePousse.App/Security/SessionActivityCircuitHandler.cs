using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Security;

/// <summary>
/// A click or a keystroke in a live circuit sends no cookie: this records it on the session, so that the idle timeout
/// counts the person's activity, not an open tab's.
/// </summary>
internal sealed class SessionActivityCircuitHandler(
        AuthenticationStateProvider authenticationStateProvider,
        UserSessionStore sessions,
        TimeProvider clock,
        IOptions<UserSessionOptions> options)
    : CircuitHandler
{
    private DateTimeOffset lastTouched = DateTimeOffset.MinValue;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await TouchAsync();
            await next(context);
        };

    private async Task TouchAsync()
    {
        var now = clock.GetUtcNow();
        if (now - lastTouched < options.Value.LastSeenResolution)
        {
            return;
        }

        lastTouched = now;
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        if (state.User.FindFirstValue(AppClaimTypes.SessionId) is { } sessionId)
        {
            await sessions.TouchAsync(sessionId);
        }
    }
}
