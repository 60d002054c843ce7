using System.Security.Claims;
using Bunit.TestDoubles;
using CoupDePousse.App.Security;

namespace CoupDePousse.Tests.TestSupport;

public static class TestUsers
{
    /// <summary>Signs a user in for bUnit the way the app's cookie does: id, display name, one role.</summary>
    public static BunitAuthorizationContext SignIn(this BunitAuthorizationContext auth, string role, string displayName = "Camille Martin", string id = "user-1")
    {
        auth.SetAuthorized($"{role.ToLowerInvariant()}@test.local");
        auth.SetRoles(role);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, id),
            new Claim(AppClaimTypes.DisplayName, displayName));
        return auth;
    }
}
