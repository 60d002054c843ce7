using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Security;

/// <summary>The application's roles; every user holds exactly one.</summary>
public static class Roles
{
    public const string Beneficiary = "Beneficiary";
    public const string Manager = "Manager";
    public const string Intervener = "Intervener";
    public const string HR = "HR";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Beneficiary, Manager, Intervener, HR, Admin];

    /// <summary>Roles that must sign in with a second factor (authenticator app): they reach other people's cases or accounts.</summary>
    public static IReadOnlyList<string> MustUseMfa { get; } = [Intervener, HR, Admin];

    /// <summary>Roles that may propose a new case, as the domain's proposal scope says.</summary>
    public static IReadOnlyList<string> CanProposeCase { get; } =
        Enum.GetValues<Role>().Where(role => role.CanPropose()).Select(role => role.ToString()).ToList();
}
