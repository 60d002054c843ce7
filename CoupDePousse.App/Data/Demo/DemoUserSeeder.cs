using Microsoft.AspNetCore.Identity;

namespace CoupDePousse.App.Data.Demo;

internal sealed class DemoUserSeeder(UserManager<ApplicationUser> userManager, ILogger<DemoUserSeeder> logger) : IDemoSeeder
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var demoUser in DemoUsers.All)
        {
            var user = await userManager.FindByEmailAsync(demoUser.Email);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    UserName = demoUser.Email,
                    Email = demoUser.Email,
                    EmailConfirmed = true,
                    DisplayName = demoUser.DisplayName,
                    Department = demoUser.Department,
                };
                Check(await userManager.CreateAsync(user, DemoUsers.Password), demoUser.Email);
                logger.LogInformation("Demo user {Email} created", demoUser.Email);
            }

            if (!await userManager.IsInRoleAsync(user, demoUser.Role))
            {
                Check(await userManager.AddToRoleAsync(user, demoUser.Role), demoUser.Email);
            }
        }

        // Second pass: managers exist now, so "who manages whom" can point at their ids.
        foreach (var demoUser in DemoUsers.All.Where(u => u.ManagerEmail is not null))
        {
            var user = await userManager.FindByEmailAsync(demoUser.Email);
            var manager = await userManager.FindByEmailAsync(demoUser.ManagerEmail!);
            if (user is not null && manager is not null && user.ManagerId != manager.Id)
            {
                user.ManagerId = manager.Id;
                Check(await userManager.UpdateAsync(user), demoUser.Email);
            }
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
        }
    }
}
