namespace CoupDePousse.App.Security;

public static class AppClaimTypes
{
    public const string DisplayName = "coupdepousse:display_name";

    /// <summary>Present when the account had an authenticator enrolled as the cookie was issued (or refreshed).</summary>
    public const string MfaEnabled = "coupdepousse:mfa_enabled";
}
