using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

public class AdministrationInputTests
{
    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role_and_the_refusal_is_logged()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Administration().SetRoleAsync(Admin, AdminId, Roles.HR, TestContext.Current.CancellationToken);

        result.Error!.Code.Should().Be(AdministrationErrors.CannotDemoteSelf.Code);
        database.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains("SetRole") && e.Message.Contains(AdminId) && e.Message.Contains(AdministrationErrors.CannotDemoteSelf.Code));
    }

    [Fact]
    public async Task A_manager_must_hold_the_manager_role_and_a_refusal_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Administration().SetOrganisationAsync(Admin, BeneficiaryId, "Ventes", IntervenerId, TestContext.Current.CancellationToken);

        result.Error!.Code.Should().Be(AdministrationErrors.ManagerMustBeManager.Code);
        await using var db = database.CreateDbContext();
        var person = await db.Users.SingleAsync(u => u.Id == BeneficiaryId, TestContext.Current.CancellationToken);
        person.ManagerId.Should().Be(ManagerId);
        person.Department.Should().Be("Logistique");
    }

    [Fact]
    public async Task Budget_bounds_out_of_order_are_refused_with_a_message_and_the_previous_bounds_stay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var administration = database.Administration();

        var result = await administration.SetBudgetBoundsAsync(Admin, 600, 120, TestContext.Current.CancellationToken);

        result.Error!.Code.Should().Be(CaseErrors.InvalidBounds.Code);
        var bounds = await administration.GetBudgetBoundsAsync(Admin, TestContext.Current.CancellationToken);
        bounds.Value.Should().Be(new BudgetBoundsView(BudgetBounds.Default.MinimumMinutes, BudgetBounds.Default.MaximumMinutes));
    }
}
