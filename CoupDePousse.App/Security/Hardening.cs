using System.Net;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoupDePousse.App.Security;

/// <summary>What every response carries and how the app stands behind a TLS-terminating proxy (decision 010).</summary>
public static class Hardening
{
    private const string NonceKey = "csp-nonce";

    /// <summary>
    /// Blazor Server needs no eval; the one inline script, the import map, carries this response's nonce; MudBlazor sets
    /// inline styles, hence style-src 'unsafe-inline'.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The nonce of this response's Content-Security-Policy, for the import map.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddAppHardening(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<LoginOptions>(configuration.GetSection(LoginOptions.Section));
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<LoginService>();

        // Sign-in requests per address: the framework's rate limiter, partitioned by the client's address.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = configuration.GetSection(LoginOptions.Section).Get<LoginOptions>()?.RequestsPerAddressPerMinute ?? new LoginOptions().RequestsPerAddressPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

        // Behind a proxy that terminates TLS: trust X-Forwarded-For/-Proto from the proxies named in configuration only.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddAntiforgery(options =>
        {
            // The app sends its own X-Frame-Options (and frame-ancestors) on every response.
            options.SuppressXFrameOptionsHeader = true;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase);
}
