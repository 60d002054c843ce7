using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Data;

public static class AccountQueries
{
    private static readonly string HrRole = nameof(Role.HR);

    /// <summary>Every HR member whose account is not disabled: who "HR" means when HR is told something.</summary>
    public static IQueryable<string> EnabledHrMemberIds(this AppDbContext db)
    {
        var hr = HrRole;
        return db.Users
            .Where(u => u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == hr)))
            .Select(u => u.Id);
    }
}
