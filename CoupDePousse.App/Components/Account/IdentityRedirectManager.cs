using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Components;

namespace CoupDePousse.App.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// An address built here ("Account/Login", or an absolute address on this site) is followed; anything else
    /// (another host, "//evil", "/\\evil", "javascript:...") sends the person home instead of failing (decision 044).
    /// </summary>
    public void RedirectTo(string? uri)
    {
        uri ??= "";
        if (uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            navigationManager.NavigateTo(navigationManager.ToBaseRelativePath(uri));
        }
        else if (uri.Length > 0 && uri[0] != '/' && Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.Contains(':') && !uri.Contains('\\'))
        {
            navigationManager.NavigateTo(uri);
        }
        else
        {
            navigationManager.NavigateTo(LocalUrl.OrHome(uri));
        }
    }

    /// <summary>Where a sign-in goes next: the requested address if it is on this site, the home page otherwise.</summary>
    public void RedirectToLocal(string? returnUrl) => navigationManager.NavigateTo(LocalUrl.OrHome(returnUrl));

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser() => RedirectTo("Account/InvalidUser");
}
