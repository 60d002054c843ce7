using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;
using static CoupDePousse.Tests.TestSupport.Expected;

namespace CoupDePousse.Tests.Features.Administration;

public enum AdminOperation
{
    ListUsers,
    CreateUser,
    SetRole,
    SetOrganisation,
    ListIntervenerProfiles,
    SaveIntervenerProfile,
    ReadBudgetBounds,
    SetBudgetBounds,
    IssuePasswordLink,
    DisableAccount,
    EnableAccount,
}

/// <summary>One database per person: a refused call must leave it exactly as seeded, whatever the row order.</summary>
public sealed class DatabasePerPerson : IAsyncDisposable
{
    private readonly Dictionary<Who, Task<TestDatabase>> _databases = [];

    public Task<TestDatabase> For(Who who)
    {
        lock (_databases)
        {
            if (!_databases.TryGetValue(who, out var database))
            {
                database = TestDatabase.CreateAsync();
                _databases[who] = database;
            }

            return database;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            await (await database).DisposeAsync();
        }
    }
}

/// <summary>Users, roles, organisation, intervener profiles and budget bounds: the admin's; HR may read profiles and bounds.</summary>
public class AdministrationAccessTests(DatabasePerPerson databases) : IClassFixture<DatabasePerPerson>
{
    // Columns: Beneficiary, Manager, OtherManager, Hr, Intervener, OtherIntervener, Admin, OtherBeneficiary.
    // HR reads intervener profiles (to assign) and budget bounds (to set a case's budget); it changes neither.
    public static TheoryData<AdminOperation, Who, Expected> Matrix => Expand(
        (AdminOperation.ListUsers, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.CreateUser, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.SetRole, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.SetOrganisation, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.ListIntervenerProfiles, [Forbidden, Forbidden, Forbidden, Success, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.SaveIntervenerProfile, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.ReadBudgetBounds, [Forbidden, Forbidden, Forbidden, Success, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.SetBudgetBounds, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.IssuePasswordLink, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.DisableAccount, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]),
        (AdminOperation.EnableAccount, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Success, Forbidden]));

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Administration_is_open_to_the_admin_only(AdminOperation operation, Who who, Expected expected)
    {
        var database = await databases.For(who);
        var admin = database.Administration();
        var actor = Of(who);
        var token = TestContext.Current.CancellationToken;
        var before = await SnapshotAsync(database);

        Result result = operation switch
        {
            AdminOperation.ListUsers => await admin.ListUsersAsync(actor, new PageRequest(), null, token),
            AdminOperation.CreateUser => await admin.CreateUserAsync(actor, new NewUser("nina.nouvelle@test.local", "Nina Nouvelle", Roles.Beneficiary, "Logistique", ManagerId), token),
            AdminOperation.SetRole => await admin.SetRoleAsync(actor, OtherBeneficiaryId, Roles.Manager, token),
            AdminOperation.SetOrganisation => await admin.SetOrganisationAsync(actor, OtherBeneficiaryId, "Achats", ManagerId, token),
            AdminOperation.ListIntervenerProfiles => await admin.ListIntervenerProfilesAsync(actor, token),
            AdminOperation.SaveIntervenerProfile => await admin.SaveIntervenerProfileAsync(actor, OtherIntervenerId, [CoachingDomain.StrategyAndTactics], 3, 90_00, token),
            AdminOperation.ReadBudgetBounds => await admin.GetBudgetBoundsAsync(actor, token),
            AdminOperation.SetBudgetBounds => await admin.SetBudgetBoundsAsync(actor, 60, 10 * 60, token),
            AdminOperation.IssuePasswordLink => await admin.IssuePasswordLinkAsync(actor, OtherIntervenerId, token),
            AdminOperation.DisableAccount => await admin.DisableAsync(actor, OtherManagerId, token),
            _ => await admin.EnableAsync(actor, OtherManagerId, token),
        };

        var after = await SnapshotAsync(database);
        if (expected == Success)
        {
            result.ShouldSucceed("{0} may {1}", who, operation);
            ShouldHaveApplied(operation, after);
            return;
        }

        result.ShouldBeRefusedWith(AppErrors.Forbidden);
        after.Should().Be(before, "a refused administration call changes nothing");
        database.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains(actor.UserId) && e.Message.Contains(operation.ToString()) && e.Message.Contains(AppErrors.Forbidden.Code));
    }

    private static void ShouldHaveApplied(AdminOperation operation, string after)
    {
        var lines = after.Split('\n');
        switch (operation)
        {
            case AdminOperation.CreateUser:
                lines.Should().Contain(l => l.StartsWith("nina.nouvelle@test.local/Beneficiary/Logistique/manager-1/Nina Nouvelle/enabled/no password/"));
                break;
            case AdminOperation.SetRole:
                lines.Should().Contain(l => l.StartsWith("beneficiary-2@test.local/Manager/"));
                break;
            case AdminOperation.SetOrganisation:
                lines.Should().Contain(l => l.StartsWith("beneficiary-2@test.local/") && l.Contains("/Achats/manager-1/"));
                break;
            case AdminOperation.SaveIntervenerProfile:
                lines.Should().Contain("profile intervener-2/StrategyAndTactics/3/9000");
                break;
            case AdminOperation.SetBudgetBounds:
                lines.Should().Contain("bounds 60-600");
                break;
            case AdminOperation.IssuePasswordLink:
                lines.Should().Contain("audit InvitationIssued intervener-2");
                break;
            case AdminOperation.DisableAccount:
                lines.Should().Contain(l => l.StartsWith("manager-2@test.local/") && l.Contains("/disabled/"));
                break;
        }
    }

    /// <summary>Everything the admin may change, as one comparable text.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var users = await db.Users.OrderBy(u => u.Id)
            .Select(u => new
            {
                u.Email,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.Department,
                u.ManagerId,
                u.DisplayName,
                u.DisabledAt,
                u.PasswordHash,
                u.SecurityStamp,
            })
            .ToListAsync();
        var audit = await db.SecurityEvents.OrderBy(e => e.Id).Select(e => new { e.Kind, e.SubjectUserId }).ToListAsync();
        var profiles = await db.IntervenerProfiles.OrderBy(p => p.UserId).ToListAsync();
        var bounds = await db.BudgetSettings.SingleOrDefaultAsync();
        return string.Join("\n", users.Select(u => $"{u.Email}/{u.Role}/{u.Department}/{u.ManagerId}/{u.DisplayName}/{(u.DisabledAt is null ? "enabled" : "disabled")}/{(u.PasswordHash is null ? "no password" : "password")}/{u.SecurityStamp}")
            .Concat(audit.Select(e => $"audit {e.Kind} {e.SubjectUserId}"))
            .Concat(profiles.Select(p => $"profile {p.UserId}/{string.Join(",", p.Domains)}/{p.MaxActiveCases}/{p.HourlyRateCents}"))
            .Append(bounds is null ? "bounds default" : $"bounds {bounds.MinimumMinutes}-{bounds.MaximumMinutes}"));
    }

    private static TheoryData<AdminOperation, Who, Expected> Expand(params (AdminOperation Operation, Expected[] ByWho)[] rows)
    {
        var data = new TheoryData<AdminOperation, Who, Expected>();
        var people = Enum.GetValues<Who>();
        foreach (var (operation, byWho) in rows)
        {
            for (var i = 0; i < people.Length; i++)
            {
                data.Add(operation, people[i], byWho[i]);
            }
        }

        return data;
    }
}
