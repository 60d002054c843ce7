using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using CoupDePousse.App.Data;
using CoupDePousse.App.Security;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints the static Identity pages under /Components/Account/Pages post to.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        // Signing out deletes the session's row (the cookie handler asks the session store), so a copied cookie is worthless.
        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SecurityAudit audit,
            [FromForm] string? returnUrl) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            await signInManager.SignOutAsync();
            if (userId is not null)
            {
                await audit.RecordAsync(SecurityEventKind.SignedOut, userId, userId);
            }
            return TypedResults.LocalRedirect($"~/{returnUrl?.TrimStart('/')}");
        });

        accountGroup.MapPost("/Manage/SignOutEverywhere", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SessionRevocation revocation) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            await revocation.RevokeAllAsync(userId, actorUserId: userId);
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        return accountGroup;
    }
}
