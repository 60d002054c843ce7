using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.App.Features.Administration;

public sealed record UserRow(string Id, string Email, string DisplayName, string? Role, string? Department, string? ManagerId, string? ManagerName, bool IsLockedOut);

public sealed record NewUser(string Email, string DisplayName, string Role, string Password, string? Department = null, string? ManagerId = null);

public sealed record IntervenerProfileRow(string UserId, string Name, IReadOnlyList<CoachingDomain> Domains, int MaxActiveCases, int HourlyRateCents, int ActiveCases);

public sealed record BudgetBoundsView(int MinimumMinutes, int MaximumMinutes);
