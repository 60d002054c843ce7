using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Concurrency;

/// <summary>
/// Two people acting on one case at the same moment, for real (decision 045): two contexts that both load the case before
/// either saves. Independent changes both land; where they are not independent exactly one wins; the same command sent
/// twice against the same version acts once.
/// </summary>
public class ConcurrentCommandsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly AcceptanceCriterion CompanyCriterion = AcceptanceCriteria.OwnedBy(Party.Company).First();
    private static readonly AcceptanceCriterion IntervenerCriterion = AcceptanceCriteria.OwnedBy(Party.Intervener).First(c => c != CompanyCriterion);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_two_parties_recording_their_own_verdicts_at_once_both_succeed(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        var saved = await database.SaveAsync(Continued());

        var results = await AtOnceAsync(database, saved,
            (Hr, new RecordVerdictCommand(CompanyCriterion, true, null)),
            (Intervener, new RecordVerdictCommand(IntervenerCriterion, true, null)));

        results.Should().AllSatisfy(r => r.IsSuccess.Should().BeTrue(r.Error?.Code));
        var loaded = await database.LoadAsync(saved.Id);
        loaded.VerdictOf(CompanyCriterion, Party.Company)!.Validated.Should().BeTrue();
        loaded.VerdictOf(IntervenerCriterion, Party.Intervener)!.Validated.Should().BeTrue();
        loaded.History.Where(h => h.Trigger == CaseTrigger.RecordVerdict).Select(h => h.UserId).Should().BeEquivalentTo([HrId, IntervenerId]);
        loaded.Version.Should().Be(saved.Version + 2);
    }

    [Fact]
    public async Task A_journal_entry_and_a_session_at_once_both_succeed()
    {
        await using var database = await CreateAsync(DatabaseProvider.Sqlite);
        var saved = await database.SaveAsync(ObjectivesSet());
        var cases = new InterceptedCases(database).Cases();

        var results = await Task.WhenAll(
            Task.Run(() => cases.PerformAsync(Intervener, saved.Id, saved.Version, new LogSessionCommand(Today, 60, SessionMode.OnSite), Token), Token),
            Task.Run(() => database.Journal().WriteAsync(Beneficiary, saved.Id, "Ce que je retiens de la semaine.", Token), Token));

        results.Should().AllSatisfy(r => r.IsSuccess.Should().BeTrue(r.Error?.Code));
        (await database.LoadAsync(saved.Id)).Sessions.Should().ContainSingle();
        (await database.Journal().MyJournalAsync(Beneficiary, saved.Id, Token))!.Entries.Should().ContainSingle();
    }

    [Fact]
    public async Task A_verdict_sent_after_the_other_party_moved_the_version_is_still_recorded()
    {
        await using var database = await CreateAsync(DatabaseProvider.Sqlite);
        var saved = await database.SaveAsync(Continued());
        var cases = database.Cases();

        (await cases.PerformAsync(Hr, saved.Id, saved.Version, new RecordVerdictCommand(CompanyCriterion, true, null), Token)).ShouldSucceed();
        (await cases.PerformAsync(Intervener, saved.Id, saved.Version, new RecordVerdictCommand(IntervenerCriterion, false, null), Token)).ShouldSucceed();

        var loaded = await database.LoadAsync(saved.Id);
        loaded.VerdictOf(IntervenerCriterion, Party.Intervener)!.Validated.Should().BeFalse();
        loaded.State.Should().Be(CaseState.UnderDiscussion, "the refused criterion moves the case as if the two had come one after the other");
    }

    public static TheoryData<DatabaseProvider, string> Conflicting => new()
    {
        { DatabaseProvider.Sqlite, "cancel-verdict" },
        { DatabaseProvider.Sqlite, "cancel-agree" },
        { DatabaseProvider.Postgres, "cancel-verdict" },
        { DatabaseProvider.Postgres, "cancel-agree" },
    };

    [Theory]
    [MemberData(nameof(Conflicting))]
    public async Task Where_two_commands_are_not_independent_exactly_one_wins(DatabaseProvider provider, string pair)
    {
        await using var database = await CreateAsync(provider);
        var (saved, other) = pair == "cancel-verdict"
            ? (await database.SaveAsync(Continued()), (Intervener, (CaseCommand)new RecordVerdictCommand(IntervenerCriterion, true, null)))
            : (await database.SaveAsync(WithIntervener()), (Beneficiary, (CaseCommand)new AgreeToMeetCommand()));

        var results = await AtOnceAsync(database, saved, (Hr, new CancelCommand(null)), other);

        results.Count(r => r.IsSuccess).Should().Be(1);
        results.Single(r => r.IsFailure).Error!.Code.Should().Be(CaseErrors.Concurrency.Code);
        (await database.LoadAsync(saved.Id)).Version.Should().Be(saved.Version + 1);
    }

    [Fact]
    public async Task A_commuting_command_after_any_other_kind_of_change_is_still_refused()
    {
        await using var database = await CreateAsync(DatabaseProvider.Sqlite);
        var saved = await database.SaveAsync(Continued());
        var cases = database.Cases();

        (await cases.PerformAsync(Hr, saved.Id, saved.Version, new SetBudgetCommand(saved.Hours.InitialMinutes + 60), Token)).ShouldSucceed();
        var stale = await cases.PerformAsync(Intervener, saved.Id, saved.Version, new RecordVerdictCommand(IntervenerCriterion, true, null), Token);

        stale.Error!.Code.Should().Be(CaseErrors.Concurrency.Code);
    }

    /// <summary>Runs the commands against the version each person saw, every one loading the case before any saves.</summary>
    internal static async Task<Result[]> AtOnceAsync(TestDatabase database, CoachingCase seen, params (Actor Actor, CaseCommand Command)[] commands)
    {
        var barrier = new SaveBarrier(commands.Length);
        var cases = new InterceptedCases(database, barrier).Cases();
        var results = await Task.WhenAll(commands.Select(c => Task.Run(() => cases.PerformAsync(c.Actor, seen.Id, seen.Version, c.Command, Token), Token)));
        barrier.Reached.Should().BeTrue("every command loaded the case before any of them saved");
        return results;
    }

    internal static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && !TestDatabase.PostgresConfigured)
        {
            Assert.Skip($"{TestDatabase.PostgresVariable} is not set; ./scripts/test.sh starts PostgreSQL and sets it.");
        }

        return await TestDatabase.CreateAsync(provider);
    }
}

/// <summary>
/// Holds each context's first write (its transaction or its save, whichever comes first) until as many contexts as expected
/// have come that far, so that each had loaded before any wrote; later writes (retries) pass.
/// </summary>
internal sealed class SaveBarrier(int parties) : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<DbContext> _arrived = [];

    public bool Reached => _all.Task.IsCompletedSuccessfully;

    public async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await ArriveAsync(eventData.Context, cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ArriveAsync(eventData.Context, cancellationToken);
        return result;
    }

    private async Task ArriveAsync(DbContext? context, CancellationToken cancellationToken)
    {
        bool wait;
        lock (_arrived)
        {
            wait = context is not null && _arrived.Count < parties && _arrived.Add(context);
            if (_arrived.Count == parties)
            {
                _all.TrySetResult();
            }
        }

        if (wait)
        {
            await _all.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        }
    }
}

/// <summary>The case services over contexts with the production SQLite pragmas (WAL, busy timeout) and extra interceptors, on either provider.</summary>
internal sealed class InterceptedCases(TestDatabase database, params IInterceptor[] interceptors) : IDbContextFactory<AppDbContext>
{
    private readonly IInterceptor[] _all = database.Provider == DatabaseProvider.Sqlite ? [new SqlitePragmaInterceptor(), .. interceptors] : interceptors;

    public CaseService Cases() => new(this, new CaseCommandRunner(this, database.Clock, database.Logger<CaseCommandRunner>()), database.Clock, database.Logger<CaseService>());

    public AppDbContext CreateDbContext() => database.CreateDbContext(_all);
}
