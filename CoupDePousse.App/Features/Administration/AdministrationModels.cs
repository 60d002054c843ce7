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

/// <summary>
/// A link that lets one person set their password, stored nowhere: sent by mail to <paramref name="MailedTo"/> (masked) when
/// SMTP is configured, and then <paramref name="Url"/> is null; otherwise shown once to the administrator
/// (<paramref name="MailFailed"/> when the mail was tried and could not leave).
/// </summary>
public sealed record AccountLink(string UserId, string? Url, string? MailedTo = null, bool MailFailed = false);

public sealed record IntervenerProfileRow(string UserId, string Name, IReadOnlyList<CoachingDomain> Domains, int MaxActiveCases, int HourlyRateCents, int ActiveCases);

public sealed record BudgetBoundsView(int MinimumMinutes, int MaximumMinutes);
