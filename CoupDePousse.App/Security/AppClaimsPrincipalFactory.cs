using System.Security.Claims;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Security;

/// <summary>
/// Puts the display name and whether an authenticator is enrolled in the cookie, so the layout, <see cref="ICurrentUser"/>
/// and <see cref="MfaEnrolment"/> need no database call.
/// </summary>
internal sealed class AppClaimsPrincipalFactory(
        UserManager<ApplicationUser> userManager,
        RoleManager<IdentityRole> roleManager,
        IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(AppClaimTypes.MfaEnabled, "true"));
        }
        return identity;
    }
}
