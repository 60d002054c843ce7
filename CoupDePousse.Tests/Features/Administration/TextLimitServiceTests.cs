using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Administration;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Administration;

/// <summary>The services refuse what the forms' maxlength would have stopped, whatever reaches them (decision 044): nothing stored.</summary>
public class TextLimitServiceTests
{
    [Fact]
    public async Task A_hundred_thousand_character_email_or_a_nul_in_a_name_creates_no_account()
    {
        await using var database = await TestDatabase.CreateAsync();
        var administration = database.Administration();
        var token = TestContext.Current.CancellationToken;

        var longEmail = await administration.CreateUserAsync(Admin, new NewUser(new string('a', 100_000) + "@demo.local", "Long Courriel", Roles.Beneficiary), token);
        var nulName = await administration.CreateUserAsync(Admin, new NewUser("nul@demo.local", "Nul\0Nom", Roles.Beneficiary), token);
        var nulDepartment = await administration.CreateUserAsync(Admin, new NewUser("nul2@demo.local", "Nom", Roles.Beneficiary, "Vente\0s"), token);

        longEmail.Error!.Code.Should().Be(TextErrors.TooLong.Code);
        nulName.Error.Should().Be(TextErrors.ControlCharacter);
        nulDepartment.Error.Should().Be(TextErrors.ControlCharacter);
        await using var db = database.CreateDbContext();
        (await db.Users.AnyAsync(u => u.DisplayName == "Long Courriel" || u.Email == "nul@demo.local" || u.Email == "nul2@demo.local", token)).Should().BeFalse();
    }

    [Fact]
    public async Task A_journal_entry_with_a_nul_or_past_its_limit_is_not_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;

        (await journal.WriteAsync(Beneficiary, stored.Id, "caché\0", token)).Error.Should().Be(TextErrors.ControlCharacter);
        (await journal.WriteAsync(Beneficiary, stored.Id, new string('a', 100_000), token)).Error!.Code.Should().Be(CaseErrors.TextTooLong.Code);

        (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_password_longer_than_its_limit_is_refused_with_a_french_message()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.AccountServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(BeneficiaryId))!;

        async Task<IdentityError[]> ErrorsOf(string password)
        {
            var errors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
            }

            return [.. errors];
        }

        var tooLong = await ErrorsOf(new string('p', 100_004));
        var longest = await ErrorsOf("Une phrase assez longue " + new string('p', TextLimits.Password - 24));

        tooLong.Should().ContainSingle(e => e.Code == "PasswordTooLong").Which.Description.Should().Contain("128").And.Contain("au plus");
        longest.Should().BeEmpty();
    }
}
