namespace CoupDePousse.App.Security;

/// <summary>The one check for an address a request asks to be sent back to (a sign-in's ReturnUrl, the privacy notice's returnUrl).</summary>
public static class LocalUrl
{
    /// <summary>A path on this site ("/cases/3?tab=x"), never another host ("//evil", "/\evil", "https://...", "javascript:..."); null otherwise.</summary>
    public static string? Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl)
            ? url
            : null;

    /// <summary>The address if it is on this site, the home page otherwise.</summary>
    public static string OrHome(string? url) => Safe(url) ?? "/";
}
