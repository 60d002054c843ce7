using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CoupDePousse.App.Security;

/// <summary>The signed-in person, as application services see the actor.</summary>
public sealed record CurrentUserInfo(string Id, string DisplayName, string Role, string? Email)
{
    public bool IsInRole(string role) => string.Equals(Role, role, StringComparison.Ordinal);
}

public interface ICurrentUser
{
    /// <summary>The signed-in user, or null when nobody is signed in (or the account has no role).</summary>
    Task<CurrentUserInfo?> GetAsync();

    /// <summary>The signed-in user; throws when nobody is signed in, which only a page without [Authorize] can cause.</summary>
    Task<CurrentUserInfo> GetRequiredAsync();
}

internal sealed class CurrentUser(AuthenticationStateProvider authenticationStateProvider) : ICurrentUser
{
    public async Task<CurrentUserInfo?> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return FromPrincipal(state.User);
    }

    public async Task<CurrentUserInfo> GetRequiredAsync() =>
        await GetAsync() ?? throw new InvalidOperationException("No signed-in user with a role: the calling page must require authorization.");

    public static CurrentUserInfo? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = Roles.All.FirstOrDefault(principal.IsInRole);
        if (id is null || role is null)
        {
            return null;
        }

        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name);
        var displayName = principal.FindFirstValue(AppClaimTypes.DisplayName) ?? email ?? id;
        return new CurrentUserInfo(id, displayName, role, email);
    }
}
