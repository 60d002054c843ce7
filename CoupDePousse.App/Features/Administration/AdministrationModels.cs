using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.App.Features.Administration;

/// <summary>Where an account stands: waiting for its invitation to be used, in use, locked out after failed sign-ins, or disabled.</summary>
public enum AccountStatus
{
    Active,
    InvitationPending,
    LockedOut,
    Disabled,
}

public sealed record UserRow(string Id, string Email, string DisplayName, string? Role, string? Department, string? ManagerId, string? ManagerName, AccountStatus Status);

/// <summary>A new account: no password, its owner chooses one through the invitation link.</summary>
public sealed record NewUser(string Email, string DisplayName, string Role, string? Department = null, string? ManagerId = null);

/// <summary>A link that lets one person set their password, shown once to the administrator and stored nowhere.</summary>
public sealed record AccountLink(string UserId, string Url);

public sealed record IntervenerProfileRow(string UserId, string Name, IReadOnlyList<CoachingDomain> Domains, int MaxActiveCases, int HourlyRateCents, int ActiveCases);

public sealed record BudgetBoundsView(int MinimumMinutes, int MaximumMinutes);
