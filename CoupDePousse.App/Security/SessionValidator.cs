using System.Security.Claims;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Security;

/// <summary>
/// Whether a signed-in principal still stands, read again from the database: the account exists, is neither disabled
/// nor locked out, keeps the security stamp and the role the principal carries, and the session it came from is live.
/// </summary>
public sealed class SessionValidator(UserManager<ApplicationUser> userManager, UserSessionStore sessions, IOptions<IdentityOptions> identityOptions)
{
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var sessionId = principal.FindFirstValue(AppClaimTypes.SessionId);
        var user = await userManager.GetUserAsync(principal);
        if (sessionId is null || user is null || user.DisabledAt is not null || await userManager.IsLockedOutAsync(user))
        {
            return false;
        }

        var claimTypes = identityOptions.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claimTypes.SecurityStampClaimType) != await userManager.GetSecurityStampAsync(user))
        {
            return false;
        }

        var principalRoles = principal.FindAll(claimTypes.RoleClaimType).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        var currentRoles = await userManager.GetRolesAsync(user);
        if (!principalRoles.SetEquals(currentRoles))
        {
            return false;
        }

        return await sessions.IsActiveAsync(sessionId, cancellationToken);
    }
}
