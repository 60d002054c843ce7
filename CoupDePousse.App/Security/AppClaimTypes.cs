namespace CoupDePousse.App.Security;

public static class AppClaimTypes
{
    public const string DisplayName = "coupdepousse:display_name";

    /// <summary>The key of the server-side session the principal was read from.</summary>
    public const string SessionId = "coupdepousse:session_id";

    /// <summary>Present when the account had an authenticator enrolled as the cookie was issued (or refreshed).</summary>
    public const string MfaEnabled = "coupdepousse:mfa_enabled";
}
