using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Administration;

/// <summary>
/// Users and roles, who manages whom, intervener profiles, budget bounds. Admin only, and it never
/// touches case content. Identity's UserManager is resolved in a scope per call, so its context is short-lived.
/// </summary>
public sealed class AdministrationService(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    ILogger<AdministrationService> logger)
{
    public async Task<Result<PagedResult<UserRow>>> ListUsersAsync(Actor actor, PageRequest page, string? search = null, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListUsers", Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            users = users.Where(u => u.DisplayName.Contains(term) || (u.Email != null && u.Email.Contains(term)));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users.OrderBy(u => u.DisplayName).Skip(page.Skip).Take(page.SafePageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.Department,
                u.ManagerId,
                ManagerName = db.Users.Where(m => m.Id == u.ManagerId).Select(m => m.DisplayName).FirstOrDefault(),
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.LockoutEnd,
            })
            .ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var items = rows.Select(r => new UserRow(r.Id, r.Email ?? "", r.DisplayName, r.Role, r.Department, r.ManagerId, r.ManagerName, r.LockoutEnd > now)).ToList();
        return new PagedResult<UserRow>(items, total, page.SafePage, page.SafePageSize);
    }

    public Task<Result<string>> CreateUserAsync(Actor actor, NewUser newUser, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "CreateUser", CreateUserCoreAsync(actor, newUser, cancellationToken));

    private async Task<Result<string>> CreateUserCoreAsync(Actor actor, NewUser newUser, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        if (!Roles.All.Contains(newUser.Role))
        {
            return AdministrationErrors.UnknownRole;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (newUser.ManagerId is not null && !await IsManagerAsync(users, newUser.ManagerId))
        {
            return AdministrationErrors.ManagerMustBeManager;
        }

        var user = new ApplicationUser
        {
            UserName = newUser.Email.Trim(),
            Email = newUser.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = newUser.DisplayName.Trim(),
            Department = string.IsNullOrWhiteSpace(newUser.Department) ? null : newUser.Department.Trim(),
            ManagerId = newUser.ManagerId,
        };
        var created = await users.CreateAsync(user, newUser.Password);
        if (!created.Succeeded)
        {
            return Rejected(created);
        }

        var roled = await users.AddToRoleAsync(user, newUser.Role);
        return roled.Succeeded ? user.Id : Rejected(roled);
    }

    public Task<Result> SetRoleAsync(Actor actor, string userId, string role, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetRole", SetRoleCoreAsync(actor, userId, role, cancellationToken));

    private async Task<Result> SetRoleCoreAsync(Actor actor, string userId, string role, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (!Roles.All.Contains(role))
        {
            return AdministrationErrors.UnknownRole;
        }

        if (userId == actor.UserId && role != Roles.Admin)
        {
            return AdministrationErrors.CannotDemoteSelf;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return Rejected(removed);
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? Result.Success() : Rejected(added);
    }

    /// <summary>Who manages whom: the department and the manager of one person.</summary>
    public Task<Result> SetOrganisationAsync(Actor actor, string userId, string? department, string? managerId, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetOrganisation", SetOrganisationCoreAsync(actor, userId, department, managerId, cancellationToken));

    private async Task<Result> SetOrganisationCoreAsync(Actor actor, string userId, string? department, string? managerId, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AppErrors.UnknownPerson;
        }

        if (managerId is not null && (managerId == userId || !await IsManagerAsync(users, managerId)))
        {
            return AdministrationErrors.ManagerMustBeManager;
        }

        user.Department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        user.ManagerId = managerId;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? Result.Success() : Rejected(updated);
    }

    public async Task<Result<IReadOnlyList<IntervenerProfileRow>>> ListIntervenerProfilesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ListIntervenerProfiles", Role.Admin, Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profiles = await db.IntervenerProfiles.AsNoTracking().ToListAsync(cancellationToken);
        var names = await db.NamesAsync(profiles.Select(p => p.UserId), cancellationToken);
        var loads = await db.IntervenerLoadsAsync(cancellationToken: cancellationToken);
        IReadOnlyList<IntervenerProfileRow> rows = profiles
            .Select(p => new IntervenerProfileRow(p.UserId, names.GetValueOrDefault(p.UserId, "?"), p.Domains, p.MaxActiveCases, p.HourlyRateCents, loads.GetValueOrDefault(p.UserId)))
            .OrderBy(r => r.Name).ToList();
        return Result.Success(rows);
    }

    public Task<Result> SaveIntervenerProfileAsync(Actor actor, string userId, IReadOnlyCollection<CoachingDomain> domains, int maxActiveCases, int hourlyRateCents, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SaveIntervenerProfile", SaveIntervenerProfileCoreAsync(actor, userId, domains, maxActiveCases, hourlyRateCents, cancellationToken));

    private async Task<Result> SaveIntervenerProfileCoreAsync(Actor actor, string userId, IReadOnlyCollection<CoachingDomain> domains, int maxActiveCases, int hourlyRateCents, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isIntervener = await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Intervener), cancellationToken);
        if (!isIntervener)
        {
            return AdministrationErrors.NotAnIntervenerAccount;
        }

        var profile = await db.IntervenerProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            var created = IntervenerProfile.Create(userId, domains, maxActiveCases, hourlyRateCents);
            if (created.IsFailure)
            {
                return created.Error!;
            }

            db.IntervenerProfiles.Add(created.Value);
        }
        else
        {
            var updated = profile.Update(domains, maxActiveCases, hourlyRateCents);
            if (updated.IsFailure)
            {
                return updated;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<Result<BudgetBoundsView>> GetBudgetBoundsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadBudgetBounds", Role.Admin, Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bounds = await db.BudgetBoundsAsync(cancellationToken);
        return new BudgetBoundsView(bounds.MinimumMinutes, bounds.MaximumMinutes);
    }

    public Task<Result> SetBudgetBoundsAsync(Actor actor, int minimumMinutes, int maximumMinutes, CancellationToken cancellationToken = default) =>
        logger.LoggingRefusals(actor, "SetBudgetBounds", SetBudgetBoundsCoreAsync(actor, minimumMinutes, maximumMinutes, cancellationToken));

    private async Task<Result> SetBudgetBoundsCoreAsync(Actor actor, int minimumMinutes, int maximumMinutes, CancellationToken cancellationToken)
    {
        var allowed = ActorAccess.Allow(actor, Role.Admin);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var bounds = BudgetBounds.Create(minimumMinutes, maximumMinutes);
        if (bounds.IsFailure)
        {
            return bounds.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.BudgetSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new BudgetSettings();
            db.BudgetSettings.Add(settings);
        }

        settings.MinimumMinutes = bounds.Value.MinimumMinutes;
        settings.MaximumMinutes = bounds.Value.MaximumMinutes;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private static async Task<bool> IsManagerAsync(UserManager<ApplicationUser> users, string userId) =>
        await users.FindByIdAsync(userId) is { } manager && await users.IsInRoleAsync(manager, Roles.Manager);

    private static Error Rejected(IdentityResult result)
    {
        var reasons = string.Join(" ", result.Errors.Select(e => e.Description));
        return AdministrationErrors.AccountRejected.With(reasons, reasons);
    }
}
