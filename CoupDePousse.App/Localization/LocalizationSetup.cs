using System.Globalization;
using System.Security.Claims;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Localization;

public static class LocalizationSetup
{
    public const string French = "fr-FR";
    public const string English = "en-US";
    public const string CultureEndpoint = "/culture/set";

    public static IReadOnlyList<string> SupportedCultures { get; } = [French, English];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // After AddMudServices: MudBlazor's own messages come from our resources (decision 044).
        services.AddTransient<MudBlazor.MudLocalizer, AppMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(French)
                .AddSupportedCultures([.. SupportedCultures])
                .AddSupportedUICultures([.. SupportedCultures]);
            // French first: the browser's language never overrides it, only the user's choice (cookie) does.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Culture switch: stores the choice in the standard culture cookie and, for a signed-in person, on their account (what
    /// reaches them outside the app, such as mail, follows it), then goes back to the page (local addresses only).
    /// </summary>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CultureEndpoint, async (HttpContext context, IDbContextFactory<AppDbContext> dbFactory, string? culture, string? redirectUri) =>
        {
            if (culture is not null && SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                var chosen = CultureInfo.GetCultureInfo(culture);
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
                {
                    var language = chosen.TwoLetterISOLanguageName;
                    await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
                    await db.Users.Where(u => u.Id == userId && u.Language != language)
                        .ExecuteUpdateAsync(set => set.SetProperty(u => u.Language, language), context.RequestAborted);
                }
            }

            return TypedResults.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "~/");
        });

    public static string SwitchUri(string culture, string currentRelativeUri) =>
        $"{CultureEndpoint.TrimStart('/')}?culture={Uri.EscapeDataString(culture)}&redirectUri={Uri.EscapeDataString("/" + currentRelativeUri.TrimStart('/'))}";

    private static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri)
        && uri[0] == '/'
        && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
