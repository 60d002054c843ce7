using System.Text;
using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CoupDePousse.App.Security;

/// <summary>What following an account link did.</summary>
public enum AccountLinkOutcome
{
    PasswordSet,
    InvalidLink,
    PasswordRejected,
}

public sealed record AccountLinkResult(AccountLinkOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static readonly AccountLinkResult Invalid = new(AccountLinkOutcome.InvalidLink, []);
}

/// <summary>
/// Invitation and password-reset links: Identity's password-reset token, Base64Url-encoded, stored nowhere. The token
/// embeds the security stamp, so it dies when the password is set (single use) or when a newer link is issued.
/// </summary>
public sealed class AccountLinks(UserManager<ApplicationUser> users, SecurityAudit audit)
{
    public const string AcceptPath = "/Account/AcceptInvitation";

    /// <summary>How long a link stays valid (Identity's default token provider).</summary>
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(72);

    /// <summary>A new link for the account, replacing any earlier one; an invitation if it has no password yet, else a reset.</summary>
    public async Task<string> IssueAsync(ApplicationUser user, string actorUserId, CancellationToken cancellationToken = default)
    {
        // A new stamp kills the links issued before this one.
        await users.UpdateSecurityStampAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var kind = await users.HasPasswordAsync(user) ? SecurityEventKind.PasswordResetIssued : SecurityEventKind.InvitationIssued;
        await audit.RecordAsync(kind, actorUserId, user.Id, cancellationToken: cancellationToken);
        return QueryHelpers.AddQueryString(AcceptPath, new Dictionary<string, string?>
        {
            ["userId"] = user.Id,
            ["code"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
    }

    /// <summary>The email of the link's account while the link can still set a password (account enabled, token valid and unexpired); else null.</summary>
    public async Task<string?> EmailWhileValidAsync(string? userId, string? code) =>
        await FindAsync(userId, code) is { } found
        && await users.VerifyUserTokenAsync(found.User, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, found.Token)
            ? found.User.Email ?? ""
            : null;

    /// <summary>Sets the password the link's owner chose, under the app's password rules; signs nobody in.</summary>
    public async Task<AccountLinkResult> SetPasswordAsync(string? userId, string? code, string password, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, code) is not { } found)
        {
            return AccountLinkResult.Invalid;
        }

        var (user, token) = found;
        var wasInvitation = !await users.HasPasswordAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? AccountLinkResult.Invalid
                : new AccountLinkResult(AccountLinkOutcome.PasswordRejected, result.Errors.Select(e => e.Description).ToList());
        }

        await audit.RecordAsync(wasInvitation ? SecurityEventKind.InvitationUsed : SecurityEventKind.PasswordReset, user.Id, user.Id, cancellationToken: cancellationToken);
        return new AccountLinkResult(AccountLinkOutcome.PasswordSet, []);
    }

    private async Task<(ApplicationUser User, string Token)?> FindAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code))
        {
            return null;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is null || user.DisabledAt is not null ? null : (user, token);
    }
}
