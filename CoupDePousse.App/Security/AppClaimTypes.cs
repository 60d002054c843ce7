namespace CoupDePousse.App.Security;

public static class AppClaimTypes
{
    public const string DisplayName = "coupdepousse:display_name";

    /// <summary>The key of the server-side session the principal was read from.</summary>
    public const string SessionId = "coupdepousse:session_id";
}
