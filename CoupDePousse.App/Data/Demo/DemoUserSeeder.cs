using CoupDePousse.Domain.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data.Demo;

internal sealed class DemoUserSeeder(UserManager<ApplicationUser> userManager, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<DemoUserSeeder> logger) : IDemoSeeder
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

        await AcknowledgePrivacyNoticeAsync(cancellationToken);
    }

    /// <summary>Demo accounts have read the current privacy notice, so a demo sign-in lands on the dashboard; a new account reads it first.</summary>
    private async Task AcknowledgePrivacyNoticeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var emails = DemoUsers.All.Select(u => u.Email.ToUpperInvariant()).ToList();
        var ids = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.Id).ToListAsync(cancellationToken);
        var done = await db.PrivacyAcknowledgements.Where(a => a.Version == PrivacyNotice.Version).Select(a => a.UserId).ToListAsync(cancellationToken);
        foreach (var id in ids.Except(done))
        {
            db.PrivacyAcknowledgements.Add(new PrivacyAcknowledgement { UserId = id, Version = PrivacyNotice.Version, AcknowledgedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
        }
    }
}
