using System.Security.Claims;
using CoupDePousse.App.Components.Account;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoupDePousse.App.Security;

public static class IdentitySetup
{
    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<MfaEnrolment>();
        services.AddSingleton<PrivacyNoticeGate>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();
        services.AddServerSideSessions();

        services.AddAppIdentityStores()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        return services;
    }

    /// <summary>
    /// Sessions kept in the database with absolute and idle limits: the cookie holds only the session's key, and live
    /// circuits and cookies re-read the account every <see cref="UserSessionOptions.RevalidationInterval"/>.
    /// </summary>
    private static void AddServerSideSessions(this IServiceCollection services)
    {
        services.AddOptions<UserSessionOptions>().BindConfiguration(UserSessionOptions.Section);
        services.AddSingleton<UserSessionStore>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<CircuitHandler, SessionActivityCircuitHandler>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<UserSessionStore, IOptions<UserSessionOptions>, IHostEnvironment>((cookie, store, sessions, environment) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = sessions.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // Development and the tests run over plain http.
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                // The server decides when a session ends: the cookie never outlives the browser.
                var signingIn = cookie.Events.OnSigningIn;
                cookie.Events.OnSigningIn = context =>
                {
                    context.Properties.IsPersistent = false;
                    return signingIn(context);
                };
            });

        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<UserSessionOptions>>((validator, sessions) =>
            {
                validator.ValidationInterval = sessions.Value.RevalidationInterval;
                // A refreshed principal keeps the key of its session, which circuits check.
                validator.OnRefreshingPrincipal = context =>
                {
                    if (context.CurrentPrincipal?.FindFirst(AppClaimTypes.SessionId) is { } sessionId
                        && context.NewPrincipal?.Identity is ClaimsIdentity identity
                        && identity.FindFirst(AppClaimTypes.SessionId) is null)
                    {
                        identity.AddClaim(new Claim(sessionId.Type, sessionId.Value));
                    }
                    return Task.CompletedTask;
                };
            });
    }

    /// <summary>
    /// Users and roles over the app's database, with the app's rules and messages, and the security audit trail:
    /// all that UserManager and the account services need, without sign-in.
    /// </summary>
    public static IdentityBuilder AddAppIdentityStores(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SecurityAudit>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<SessionRevocation>();
        services.AddDataProtection();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = AccountLinks.Lifespan);
        return services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // Length over composition (ASVS 6.2): 12 characters at least, any characters, common passwords refused.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddDefaultTokenProviders();
    }
}
