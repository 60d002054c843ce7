namespace CoupDePousse.App.Security;

public static class AppClaimTypes
{
    public const string DisplayName = "coupdepousse:display_name";
}
