using System.Net;
using CoupDePousse.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Accounts;

public class ProductionStartTests(ProductionAppFactory factory) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Production_never_creates_demo_data_nor_lists_demo_accounts()
    {
        var page = await factory.CreateClient().GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);

        page.Should().Contain("data-testid=\"login-email\"").And.NotContain("data-testid=\"demo-accounts\"");
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.Users.CountAsync(TestContext.Current.CancellationToken)).Should().Be(0);
        (await db.Cases.CountAsync(TestContext.Current.CancellationToken)).Should().Be(0);
        (await db.Roles.CountAsync(TestContext.Current.CancellationToken)).Should().Be(5, "the roles exist so that an admin can be created");
    }

    [Fact]
    public async Task Nobody_can_register_themself()
    {
        var response = await factory.CreateClient().GetAsync("/Account/Register", TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public class FirstDeploymentTests(FirstDeploymentAppFactory factory) : IClassFixture<FirstDeploymentAppFactory>
{
    [Fact]
    public async Task A_first_deployment_creates_its_administrator_from_configuration_and_only_that_account()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();

        var admins = await users.GetUsersInRoleAsync(App.Security.Roles.Admin);

        admins.Should().ContainSingle().Which.Email.Should().Be(FirstDeploymentAppFactory.AdminEmail);
        (await users.CheckPasswordAsync(admins[0], FirstDeploymentAppFactory.AdminPassword)).Should().BeTrue();
        users.Users.Count().Should().Be(1);
    }
}
