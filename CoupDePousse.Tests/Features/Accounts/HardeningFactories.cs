using System.Net;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Accounts;

/// <summary>
/// The Development app with two test doubles: the client's address comes from an <c>X-Test-Address</c> header (so that
/// one test can speak from several addresses), and the password hasher counts how many hashes each request verifies.
/// </summary>
public class SignInAppFactory : ShellAppFactory
{
    public const string AddressHeader = "X-Test-Address";

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Login:RequestsPerAddressPerMinute", "1000");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new AddressFromHeader());
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
        });
    }

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[AddressHeader].FirstOrDefault() ?? "10.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Few sign-in requests allowed per address, to see the framework's rate limiter answer.</summary>
public sealed class StrictRateLimitAppFactory : ShellAppFactory
{
    public const int RequestsPerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Login:RequestsPerAddressPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Production behind a TLS-terminating proxy at 127.0.0.1 (a default known proxy), reached over plain HTTP.</summary>
public sealed class BehindProxyAppFactory : ProductionAppFactory
{
    public BehindProxyAppFactory() => ClientOptions.BaseAddress = new Uri("http://coupdepousse.test");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromLoopbackProxy()));
    }

    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Production asked for demo data: it must refuse to start.</summary>
public sealed class ProductionWithDemoAppFactory : ProductionAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
        // The demo's own cases only: the generated history (DemoHistorySeeder) would change the counts tests read.
        builder.UseSetting("Demo:History", "false");
    }
}

/// <summary>The app's own hasher, counting verifications: every sign-in answer must cost exactly one.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> inner = new();
    private int verifications;

    public int Verifications => verifications;

    public void Reset() => Interlocked.Exchange(ref verifications, 0);

    public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
