using System.Threading.RateLimiting;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Security;

public enum LoginOutcome
{
    SignedIn,
    RequiresTwoFactor,

    /// <summary>Unknown email, wrong password, locked, disabled or throttled: the person is told the same thing in each case.</summary>
    Refused,
}

/// <summary>How many failed sign-ins an address may make on one account before it waits, and how long.</summary>
public sealed class LoginOptions
{
    public const string Section = "Security:Login";

    public int FailuresPerAccountAndAddress { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in requests one address may send per minute, whatever the account (the rate limiter's partition).</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 60;
}

/// <summary>
/// Password sign-in that reveals nothing: every refusal looks the same, costs one password hash (an unknown account is
/// checked against a dummy hash), and is written to the audit trail with the account when it exists. Failures are
/// throttled per account and address instead of locking the account, so nobody can lock someone else out.
/// </summary>
public sealed class LoginService(
    SignInManager<ApplicationUser> signInManager,
    IPasswordHasher<ApplicationUser> passwordHasher,
    LoginThrottle throttle,
    SecurityAudit audit,
    ILogger<LoginService> logger)
{
    private static readonly ApplicationUser Nobody = new() { DisplayName = "", UserName = "nobody" };
    private static string? dummyHash;

    public async Task<LoginOutcome> PasswordSignInAsync(string email, string password, string? remoteAddress)
    {
        var user = await signInManager.UserManager.FindByEmailAsync(email);
        var key = $"{email.Trim().ToUpperInvariant()}|{remoteAddress}";
        if (!throttle.MayTry(key))
        {
            BurnOneHash(password);
            return await RefuseAsync(SecurityEventKind.SignInRateLimited, user, "throttled");
        }

        if (user is null)
        {
            BurnOneHash(password);
            throttle.RecordFailure(key);
            return await RefuseAsync(SecurityEventKind.SignInFailed, null, "unknown account");
        }

        // A fresh session key at every sign-in: a session opened before it is never carried over (session fixation).
        await signInManager.Context.SignOutAsync(IdentityConstants.ApplicationScheme);
        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            if (result.Succeeded)
            {
                await audit.RecordAsync(SecurityEventKind.SignInSucceeded, user.Id, user.Id);
                logger.LogInformation("User {UserId} signed in", user.Id);
            }

            return result.Succeeded ? LoginOutcome.SignedIn : LoginOutcome.RequiresTwoFactor;
        }

        // Locked or disabled accounts are refused before Identity checks the password: hash once so the time is the same.
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            BurnOneHash(password);
        }

        throttle.RecordFailure(key);
        return await RefuseAsync(result.IsLockedOut ? SecurityEventKind.SignInLockedOut : SecurityEventKind.SignInFailed, user,
            result.IsNotAllowed ? "not allowed" : result.IsLockedOut ? "locked out" : "wrong password");
    }

    private void BurnOneHash(string password)
    {
        dummyHash ??= passwordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        passwordHasher.VerifyHashedPassword(Nobody, dummyHash, password);
    }

    private async Task<LoginOutcome> RefuseAsync(SecurityEventKind kind, ApplicationUser? user, string why)
    {
        await audit.RecordAsync(kind, null, user?.Id, newValue: why);
        logger.LogWarning("Sign-in refused for {UserId}: {Reason}", user?.Id ?? "(unknown account)", why);
        return LoginOutcome.Refused;
    }
}

/// <summary>Counts failed sign-ins per account and address with the framework's rate limiter; successes cost nothing.</summary>
public sealed class LoginThrottle(IOptions<LoginOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailuresPerAccountAndAddress,
            Window = options.Value.FailureWindow,
            QueueLimit = 0,
        }));

    /// <summary>Asks for no permit: only says whether failures are still allowed for this key.</summary>
    public bool MayTry(string key) => failures.AttemptAcquire(key, 0).IsAcquired;

    public void RecordFailure(string key) => failures.AttemptAcquire(key).Dispose();

    public void Dispose() => failures.Dispose();
}
