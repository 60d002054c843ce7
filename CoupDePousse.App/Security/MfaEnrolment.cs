using System.Security.Claims;
using CoupDePousse.App.Data.Demo;
using Microsoft.AspNetCore.StaticAssets;

namespace CoupDePousse.App.Security;

/// <summary>
/// Who must enrol an authenticator before using the app (<see cref="Roles.MustUseMfa"/>, demo accounts excepted in
/// Development with demo data only), and which addresses stay open to them meanwhile.
/// </summary>
public sealed class MfaEnrolment(IHostEnvironment environment, IConfiguration configuration)
{
    public const string EnrolmentPath = "/Account/Manage/EnableAuthenticator";

    // Account pages (enrolment, logout, sign-in), the framework's scripts and circuit, the language switch, the error page and the health probes.
    private static readonly string[] OpenPrefixes = ["/Account", "/_framework", "/_blazor", "/_content", "/culture", "/Error", "/health"];

    /// <summary>Demo accounts may skip enrolment only on a developer's machine that seeds them.</summary>
    public bool DemoAccountsMaySkip => environment.IsDevelopment() && DemoSeeding.IsEnabled(configuration);

    /// <summary>True when this signed-in user must go to the enrolment page before anything else.</summary>
    public bool MustEnrol(ClaimsPrincipal principal)
    {
        var user = CurrentUser.FromPrincipal(principal);
        if (user is null || !Roles.MustUseMfa.Contains(user.Role) || principal.HasClaim(claim => claim.Type == AppClaimTypes.MfaEnabled))
        {
            return false;
        }

        return !(DemoAccountsMaySkip && DemoUsers.Find(user.Email) is not null);
    }

    public static bool IsOpenPath(PathString path) =>
        OpenPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Sends every request of a user who must enrol to the enrolment page, except the open addresses and static files.</summary>
internal sealed class MfaEnrolmentMiddleware(RequestDelegate next, MfaEnrolment enrolment)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (MfaEnrolment.IsOpenPath(context.Request.Path)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || !enrolment.MustEnrol(context.User))
        {
            return next(context);
        }

        context.Response.Redirect(context.Request.PathBase + MfaEnrolment.EnrolmentPath);
        return Task.CompletedTask;
    }
}

public static class MfaEnrolmentSetup
{
    /// <summary>After authentication (which the host adds first), before any page or endpoint runs.</summary>
    public static IApplicationBuilder UseMfaEnrolment(this IApplicationBuilder app) => app.UseMiddleware<MfaEnrolmentMiddleware>();
}
