using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Concurrency;

/// <summary>An intervener's capacity is counted in the same transaction as the assignment (decision 045): simultaneous assignments use exactly the free places.</summary>
public class CapacityUnderConcurrencyTests
{
    private const int Assignments = 20;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, int> Slots => new()
    {
        { DatabaseProvider.Sqlite, 1 },
        { DatabaseProvider.Sqlite, 3 },
        { DatabaseProvider.Postgres, 1 },
        { DatabaseProvider.Postgres, 3 },
    };

    [Theory]
    [MemberData(nameof(Slots))]
    public async Task Twenty_simultaneous_assignments_use_exactly_the_free_places(DatabaseProvider provider, int freePlaces)
    {
        await using var database = await ConcurrentCommandsTests.CreateAsync(provider);
        var busy = await database.SaveAsync(WithIntervener());
        var caseIds = new List<Guid>();
        for (var i = 0; i < Assignments; i++)
        {
            caseIds.Add((await database.SaveAsync(Proposed())).Id);
        }

        await using (var db = database.CreateDbContext())
        {
            // One active case already: the free places are the capacity minus it.
            await db.IntervenerProfiles.Where(p => p.UserId == IntervenerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.MaxActiveCases, freePlaces + 1), Token);
        }

        var cases = new InterceptedCases(database).Cases();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = caseIds.Select(id => Task.Run(async () =>
        {
            await start.Task;
            // The same beneficiary throughout: HR's reason covers the known conflict, so that only capacity can refuse.
            return await cases.PerformAsync(Hr, id, null, new AssignIntervenerCommand(IntervenerId, "Accepté pour ce test"), Token);
        }, Token)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(running);

        results.Count(r => r.IsSuccess).Should().Be(freePlaces);
        results.Where(r => r.IsFailure).Should().AllSatisfy(r => r.Error!.Code.Should().Be(CaseErrors.IntervenerFull.Code));
        await using var check = database.CreateDbContext();
        (await check.Cases.CountAsync(c => c.IntervenerId == IntervenerId && c.Id != busy.Id, Token)).Should().Be(freePlaces);
    }
}
