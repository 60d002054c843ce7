using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>Two people acting on one case at once: the database settles it, one wins, the other is told to reload.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task A_second_change_made_on_the_same_version_is_refused_and_the_case_keeps_the_first()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(WithIntervener());
        var cases = database.Cases();

        var first = await cases.PerformAsync(Hr, stored.Id, stored.Version, new CancelCommand(null), TestContext.Current.CancellationToken);
        var second = await cases.PerformAsync(Beneficiary, stored.Id, stored.Version, new AgreeToMeetCommand(), TestContext.Current.CancellationToken);

        first.ShouldSucceed();
        second.ShouldBeRefusedWith(CaseErrors.Concurrency);
        var reloaded = await database.LoadAsync(stored.Id);
        reloaded.State.Should().Be(CaseState.Cancelled);
        reloaded.Version.Should().Be(stored.Version + 1);
        reloaded.History.Should().HaveCount(stored.History.Count + 1);
        reloaded.History.Should().NotContain(h => h.Trigger == CaseTrigger.AgreeToMeet);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_simultaneous_changes_on_the_same_version_let_exactly_one_win(bool productionPragmas)
    {
        await using var database = await TestDatabase.CreateAsync();
        Func<CaseService> services = productionPragmas ? InterceptedDatabase.WithProductionPragmas(database).Cases : database.Cases;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await database.SaveAsync(WithIntervener());
            var cancel = Task.Run(() => services().PerformAsync(Hr, stored.Id, stored.Version, new CancelCommand(null), TestContext.Current.CancellationToken));
            var meet = Task.Run(() => services().PerformAsync(Beneficiary, stored.Id, stored.Version, new AgreeToMeetCommand(), TestContext.Current.CancellationToken));

            var results = await Task.WhenAll(cancel, meet);

            results.Count(r => r.IsSuccess).Should().Be(1, "exactly one of two changes on the same version may win");
            results.Single(r => r.IsFailure).ShouldBeRefusedWith(CaseErrors.Concurrency);
            var cancelWon = results[0].IsSuccess;
            var reloaded = await database.LoadAsync(stored.Id);
            reloaded.State.Should().Be(cancelWon ? CaseState.Cancelled : CaseState.PreliminaryInterview);
            reloaded.Version.Should().Be(stored.Version + 1);
            var added = reloaded.History.Skip(stored.History.Count).Select(h => h.Trigger).ToList();
            added.Should().Equal(cancelWon ? CaseTrigger.Cancel : CaseTrigger.AgreeToMeet);
        }
    }

    [Fact]
    public async Task The_database_refuses_to_save_a_case_changed_since_it_was_loaded()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(WithIntervener());
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var seenByHr = await first.LoadCaseAsync(stored.Id, TestContext.Current.CancellationToken);
        var seenByBeneficiary = await second.LoadCaseAsync(stored.Id, TestContext.Current.CancellationToken);
        seenByHr!.SetBudget(Hr, 8 * 60, BudgetBounds.Default, Now).ShouldSucceed();
        seenByBeneficiary!.AgreeToMeet(Beneficiary, Now).ShouldSucceed();

        await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        var saveSecond = () => second.SaveChangesAsync(TestContext.Current.CancellationToken);

        await saveSecond.Should().ThrowAsync<DbUpdateConcurrencyException>();
        var reloaded = await database.LoadAsync(stored.Id);
        reloaded.State.Should().Be(CaseState.Proposed);
        reloaded.BudgetMinutes.Should().Be(8 * 60);
        reloaded.History.Should().NotContain(h => h.Trigger == CaseTrigger.AgreeToMeet);
    }
}
