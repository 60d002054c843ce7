using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Accounts;

public class DemoSeedingTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    [Fact]
    public async Task Every_demo_account_exists_with_exactly_its_one_role()
    {
        factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var demo in DemoUsers.All)
        {
            var user = await users.FindByEmailAsync(demo.Email);
            user.Should().NotBeNull(demo.Email);
            (await users.GetRolesAsync(user!)).Should().Equal([demo.Role], demo.Email);
            user!.DisplayName.Should().Be(demo.DisplayName);
        }
    }

    [Fact]
    public async Task Managers_manage_their_team()
    {
        factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var manager = await users.FindByEmailAsync(DemoUsers.Manager.Email);
        var manager2 = await users.FindByEmailAsync(DemoUsers.Manager2.Email);

        var team = await users.Users.Where(u => u.ManagerId == manager!.Id).Select(u => u.Email).ToListAsync(TestContext.Current.CancellationToken);
        var team2 = await users.Users.Where(u => u.ManagerId == manager2!.Id).Select(u => u.Email).ToListAsync(TestContext.Current.CancellationToken);

        team.Should().BeEquivalentTo([DemoUsers.Beneficiary.Email, DemoUsers.Beneficiary2.Email]);
        team2.Should().BeEquivalentTo([DemoUsers.Beneficiary3.Email]);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        factory.CreateClient();
        foreach (var seeder in factory.Services.CreateScope().ServiceProvider.GetServices<IDemoSeeder>())
        {
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        (await db.Users.CountAsync(TestContext.Current.CancellationToken)).Should().Be(DemoUsers.All.Count);
        (await db.Roles.Select(r => r.Name).ToListAsync(TestContext.Current.CancellationToken)).Should().BeEquivalentTo(Roles.All);
    }
}
