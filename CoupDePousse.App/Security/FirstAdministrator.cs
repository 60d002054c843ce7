using CoupDePousse.App.Data;
using Microsoft.AspNetCore.Identity;

namespace CoupDePousse.App.Security;

/// <summary>
/// A fresh deployment has no account and nobody may register: the first administrator comes from configuration
/// (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>) and is created only while no administrator exists.
/// </summary>
public static class FirstAdministrator
{
    public const string EmailKey = "Bootstrap:AdminEmail";
    public const string PasswordKey = "Bootstrap:AdminPassword";

    public static async Task EnsureFirstAdministratorAsync(this WebApplication app)
    {
        var email = app.Configuration[EmailKey];
        var password = app.Configuration[PasswordKey];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(admin, password);
        var result = created.Succeeded ? await users.AddToRoleAsync(admin, Roles.Admin) : created;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The first administrator could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        app.Logger.LogInformation("First administrator {Email} created from configuration", email);
    }
}
