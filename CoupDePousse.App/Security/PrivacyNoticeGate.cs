using System.Collections.Concurrent;
using System.Security.Claims;
using CoupDePousse.App.Data;
using CoupDePousse.Domain.Privacy;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Security;

/// <summary>
/// Who must read the current privacy notice before using the app: every signed-in person who has not acknowledged
/// <see cref="PrivacyNotice.Version"/>. An acknowledgement is never withdrawn, so a yes is remembered per process (a
/// second instance reads it from the database once); a no is asked of the database until the person reads it.
/// </summary>
public sealed class PrivacyNoticeGate(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string NoticePath = "/privacy/notice";

    private readonly ConcurrentDictionary<string, int> acknowledged = new(StringComparer.Ordinal);

    public async Task<bool> MustReadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        CurrentUser.FromPrincipal(principal) is { } user && !await HasReadAsync(user.Id, cancellationToken);

    public async Task<bool> HasReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (acknowledged.TryGetValue(userId, out var version) && version >= PrivacyNotice.Version)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.PrivacyAcknowledgements.AnyAsync(a => a.UserId == userId && a.Version == PrivacyNotice.Version, cancellationToken))
        {
            return false;
        }

        Remember(userId);
        return true;
    }

    /// <summary>Called once the acknowledgement is saved.</summary>
    public void Remember(string userId) => acknowledged[userId] = PrivacyNotice.Version;

    /// <summary>The notice itself and everything open during MFA enrolment (account pages, sign-out, scripts, language switch).</summary>
    public static bool IsOpenPath(PathString path) =>
        MfaEnrolment.IsOpenPath(path) || path.StartsWithSegments(NoticePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The notice's address, remembering where the person was going.</summary>
    public static string NoticeUri(string? returnUrl) =>
        LocalUrl.Safe(returnUrl) is { } local && local != "/" ? $"{NoticePath}?returnUrl={Uri.EscapeDataString(local)}" : NoticePath;
}

/// <summary>Sends every request of a person who has not read the current notice to it, except the open addresses and static files.</summary>
internal sealed class PrivacyNoticeMiddleware(RequestDelegate next, PrivacyNoticeGate gate)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (PrivacyNoticeGate.IsOpenPath(context.Request.Path)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || !await gate.MustReadAsync(context.User, context.RequestAborted))
        {
            await next(context);
            return;
        }

        context.Response.Redirect(context.Request.PathBase + PrivacyNoticeGate.NoticeUri(context.Request.Path + context.Request.QueryString));
    }
}

public static class PrivacyNoticeSetup
{
    /// <summary>After MFA enrolment: a person enrols first, then reads the notice.</summary>
    public static IApplicationBuilder UsePrivacyNotice(this IApplicationBuilder app) => app.UseMiddleware<PrivacyNoticeMiddleware>();
}
