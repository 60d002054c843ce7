using CoupDePousse.App.Security;

namespace CoupDePousse.App.Data.Demo;

public sealed record DemoUser(string Email, string DisplayName, string Role, string? Department, string? ManagerEmail = null);

/// <summary>The demo accounts of the UI contract (docs/ui-hooks.md): one role each, one shared password.</summary>
public static class DemoUsers
{
    public const string Password = "CoupDePousse-2026!";

    public static DemoUser Admin { get; } = new("admin@demo.local", "Alexandre Girard", Roles.Admin, "Direction des systèmes d'information");
    public static DemoUser Hr { get; } = new("rh@demo.local", "Camille Martin", Roles.HR, "Ressources humaines");
    public static DemoUser Manager { get; } = new("manager@demo.local", "Julien Moreau", Roles.Manager, "Service client");
    public static DemoUser Manager2 { get; } = new("manager2@demo.local", "Nathalie Rousseau", Roles.Manager, "Logistique");
    public static DemoUser Beneficiary { get; } = new("beneficiary@demo.local", "Sophie Lefèvre", Roles.Beneficiary, "Service client", "manager@demo.local");
    public static DemoUser Beneficiary2 { get; } = new("beneficiary2@demo.local", "Thomas Bernard", Roles.Beneficiary, "Service client", "manager@demo.local");
    public static DemoUser Beneficiary3 { get; } = new("beneficiary3@demo.local", "Léa Dubois", Roles.Beneficiary, "Logistique", "manager2@demo.local");
    public static DemoUser Intervener { get; } = new("intervener@demo.local", "Isabelle Fontaine", Roles.Intervener, null);
    public static DemoUser Intervener2 { get; } = new("intervener2@demo.local", "Marc Lambert", Roles.Intervener, null);

    public static IReadOnlyList<DemoUser> All { get; } =
        [Admin, Hr, Manager, Manager2, Beneficiary, Beneficiary2, Beneficiary3, Intervener, Intervener2];

    public static DemoUser? Find(string? email) =>
        All.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
}
