using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Demo;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Tests.Features.Resources;

/// <summary>On first login, Sophie and Isabelle find a shared resource and two actions on Sophie's case; the admin finds a library.</summary>
public class DemoBetweenSessionsTests(ShellAppFactory factory) : IClassFixture<ShellAppFactory>
{
    [Fact]
    public async Task The_demo_shows_work_between_sessions_on_sophies_case()
    {
        factory.CreateClient();
        var token = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(token);
        var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, token);
        var sophie = Actor.Beneficiary(ids[DemoUsers.Beneficiary.Email]);
        var isabelle = Actor.Intervener(ids[DemoUsers.Intervener.Email]);
        var caseId = await db.Cases.Where(c => c.BeneficiaryId == sophie.UserId && c.State == CaseState.InSessions).Select(c => c.Id).SingleAsync(token);
        var service = scope.ServiceProvider.GetRequiredService<BetweenSessionsService>();

        var hers = (await service.ForCaseAsync(sophie, caseId, token))!;
        var his = (await service.ForCaseAsync(isabelle, caseId, token)).Should().BeOfType<IntervenerBetweenSessionsView>().Subject;

        hers.Resources.Should().ContainSingle().Which.Link.Should().StartWith("https://");
        hers.Items.Should().HaveCount(2).And.ContainSingle(i => i.DoneAt != null);
        his.Items.Should().HaveCount(2);
        his.Library.Should().NotBeEmpty();
        (await db.LibraryResources.CountAsync(token)).Should().BeGreaterThanOrEqualTo(12);
        (await db.LibraryResources.Select(r => r.Domain).Distinct().CountAsync(token)).Should().Be(3, "every domain of the concept has resources");
    }
}
