using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
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

    [Theory]
    [InlineData("Sophie \u202ELefèvre")]
    [InlineData("\u2066Admin\u2069")]
    [InlineData("Ali\u200F")]
    public async Task A_name_with_a_bidirectional_control_is_refused_and_no_account_is_created(string name)
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Administration().CreateUserAsync(Admin, new NewUser("bidi@demo.local", name, Roles.Beneficiary), TestContext.Current.CancellationToken);

        result.Error!.Code.Should().Be(TextErrors.BidiControl.Code);
        await using var db = database.CreateDbContext();
        (await db.Users.AnyAsync(u => u.Email == "bidi@demo.local", TestContext.Current.CancellationToken)).Should().BeFalse();
    }

    [Fact]
    public async Task Names_and_departments_past_their_limit_are_refused_by_the_service()
    {
        await using var database = await TestDatabase.CreateAsync();
        var administration = database.Administration();

        var longName = await administration.CreateUserAsync(Admin, new NewUser("long@demo.local", new string('a', TextLimits.DisplayName + 1), Roles.Beneficiary), TestContext.Current.CancellationToken);
        var longDepartment = await administration.SetOrganisationAsync(Admin, BeneficiaryId, new string('d', TextLimits.Department + 1), ManagerId, TestContext.Current.CancellationToken);

        longName.Error!.Code.Should().Be(TextErrors.TooLong.Code);
        longDepartment.Error!.Code.Should().Be(TextErrors.TooLong.Code);
        await using var db = database.CreateDbContext();
        (await db.Users.SingleAsync(u => u.Id == BeneficiaryId, TestContext.Current.CancellationToken)).Department.Should().Be("Logistique");
    }

    [Fact]
    public async Task A_name_and_a_department_are_stored_composed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var decomposedName = "Hélène Lefèvre".Normalize(NormalizationForm.FormD);
        var decomposedDepartment = " Qualité ".Normalize(NormalizationForm.FormD);

        var created = await database.Administration().CreateUserAsync(Admin, new NewUser("helene@demo.local", decomposedName, Roles.Beneficiary, decomposedDepartment), TestContext.Current.CancellationToken);

        created.ShouldSucceed();
        await using var db = database.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Id == created.Value.UserId, TestContext.Current.CancellationToken);
        stored.DisplayName.Should().Be("Hélène Lefèvre".Normalize(NormalizationForm.FormC));
        stored.Department.Should().Be("Qualité".Normalize(NormalizationForm.FormC));
    }

    [Fact]
    public async Task The_database_columns_read_the_same_limits_as_the_service()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var user = db.Model.FindEntityType(typeof(ApplicationUser))!;

        user.FindProperty(nameof(ApplicationUser.DisplayName))!.GetMaxLength().Should().Be(TextLimits.DisplayName);
        user.FindProperty(nameof(ApplicationUser.Department))!.GetMaxLength().Should().Be(TextLimits.Department);
    }
}
