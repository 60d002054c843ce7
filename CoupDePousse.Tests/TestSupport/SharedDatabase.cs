using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// One migrated database for all rows of a theory class (xunit runs them one after the other).
/// Each row starts from no case at all, so that intervener capacity and listings never depend on row order.
/// </summary>
public sealed class SharedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized");

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Removes every case, then stores this one as the only case of the database.</summary>
    public async Task<CoachingCase> OnlyCaseAsync(CoachingCase coachingCase)
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.SessionNotes.ExecuteDeleteAsync();
            await db.Cases.ExecuteDeleteAsync();
        }

        return await Database.SaveAsync(coachingCase);
    }
}

/// <summary>What a theory row expects from a call: the answer is written out in the test data.</summary>
public enum Expected
{
    Success,
    NotFound,
    NotAllowed,
    Forbidden,

    /// <summary>The proposer's one neutral refusal.</summary>
    NoLongerWithdrawable,
}
