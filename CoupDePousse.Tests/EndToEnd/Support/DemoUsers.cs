namespace CoupDePousse.Tests.EndToEnd.Support;

/// <summary>The accounts the app seeds in Development; one password for all.</summary>
public static class DemoUsers
{
    public const string Password = "CoupDePousse-2026!";

    public const string Admin = "admin@demo.local";
    public const string Hr = "rh@demo.local";
    public const string Manager = "manager@demo.local";
    public const string Manager2 = "manager2@demo.local";
    public const string Beneficiary = "beneficiary@demo.local";
    public const string Beneficiary2 = "beneficiary2@demo.local";
    public const string Beneficiary3 = "beneficiary3@demo.local";
    public const string Intervener = "intervener@demo.local";
    public const string Intervener2 = "intervener2@demo.local";
}
