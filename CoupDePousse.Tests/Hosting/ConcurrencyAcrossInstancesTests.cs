using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Hosting;

/// <summary>Two app instances on one PostgreSQL database: the case's version, checked by the database, settles who wins (decision 003).</summary>
public class ConcurrencyAcrossInstancesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_saved_through_one_instance_makes_the_other_refuse_a_stale_one_and_nothing_is_lost()
    {
        Assert.SkipWhen(!TestDatabase.PostgresConfigured, "PostgreSQL runs under ./scripts/test.sh");
        var keys = Deployment.TemporaryFolder();
        try
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            await using var first = new InstanceAppFactory(database.ConnectionString!, keys);
            await using var second = new InstanceAppFactory(database.ConnectionString!, keys);

            await using (var db = await Contexts(first).CreateDbContextAsync(Token))
            {
                db.Model.FindEntityType(typeof(CoachingCase))!.FindProperty(nameof(CoachingCase.Version))!.IsConcurrencyToken.Should().BeTrue();
            }

            // One after the other: B still shows the version A changed.
            var stored = await SaveAsync(first, WithIntervener());
            (await Cases(second).GetAsync(Beneficiary, stored.Id, Token)).Should().NotBeNull();
            (await Cases(first).PerformAsync(Hr, stored.Id, stored.Version, new CancelCommand(null), Token)).ShouldSucceed();
            (await Cases(second).PerformAsync(Beneficiary, stored.Id, stored.Version, new AgreeToMeetCommand(), Token)).ShouldBeRefusedWith(CaseErrors.Concurrency);
            var afterStale = await LoadAsync(second, stored.Id);
            afterStale.State.Should().Be(CaseState.Cancelled);
            afterStale.Version.Should().Be(stored.Version + 1);

            // At the same moment: only the database can tell, and exactly one wins.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var raced = await SaveAsync(first, WithIntervener());
                var results = await Task.WhenAll(
                    Task.Run(() => Cases(first).PerformAsync(Hr, raced.Id, raced.Version, new CancelCommand(null), Token), Token),
                    Task.Run(() => Cases(second).PerformAsync(Beneficiary, raced.Id, raced.Version, new AgreeToMeetCommand(), Token), Token));
                results.Count(r => r.IsSuccess).Should().Be(1);
                results.Single(r => r.IsFailure).ShouldBeRefusedWith(CaseErrors.Concurrency);
                var reloaded = await LoadAsync(first, raced.Id);
                reloaded.Version.Should().Be(raced.Version + 1);
                reloaded.History.Skip(raced.History.Count).Should().ContainSingle("the winner's step is kept, the loser's never half-written");
            }

            // The token itself: a save from one instance's context fails when the other's saved first.
            var loaded = await SaveAsync(first, WithIntervener());
            await using var seenOnFirst = await Contexts(first).CreateDbContextAsync(Token);
            await using var seenOnSecond = await Contexts(second).CreateDbContextAsync(Token);
            var onFirst = (await seenOnFirst.LoadCaseAsync(loaded.Id, Token))!;
            var onSecond = (await seenOnSecond.LoadCaseAsync(loaded.Id, Token))!;
            onFirst.SetBudget(Hr, 8 * 60, BudgetBounds.Default, Now).ShouldSucceed();
            onSecond.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
            await seenOnFirst.SaveChangesAsync(Token);
            var saveSecond = () => seenOnSecond.SaveChangesAsync(Token);
            await saveSecond.Should().ThrowAsync<DbUpdateConcurrencyException>();
            (await LoadAsync(second, loaded.Id)).BudgetMinutes.Should().Be(8 * 60);
        }
        finally
        {
            Deployment.Remove(keys);
        }
    }

    private static IDbContextFactory<AppDbContext> Contexts(WebApplicationFactory<Program> instance) =>
        instance.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static CaseService Cases(WebApplicationFactory<Program> instance) =>
        instance.Services.CreateScope().ServiceProvider.GetRequiredService<CaseService>();

    private static async Task<CoachingCase> SaveAsync(WebApplicationFactory<Program> instance, CoachingCase coachingCase)
    {
        await using var db = await Contexts(instance).CreateDbContextAsync(Token);
        db.WritesNotifications = false;
        db.Cases.Add(coachingCase);
        await db.SaveChangesAsync(Token);
        return coachingCase;
    }

    private static async Task<CoachingCase> LoadAsync(WebApplicationFactory<Program> instance, Guid id)
    {
        await using var db = await Contexts(instance).CreateDbContextAsync(Token);
        return (await db.LoadCaseAsync(id, Token))!;
    }
}
