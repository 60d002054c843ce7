using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Generation;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;

namespace CoupDePousse.Tests.Data.Generation;

/// <summary>One database holding a generated population of <see cref="Cases"/> cases, shared by a test class.</summary>
public sealed class GeneratedPopulation : IAsyncLifetime
{
    public const int Cases = 400;
    public const int Seed = 42;

    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized");

    public GenerationResult Result { get; private set; } = null!;

    public bool UsedModelRows { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var generator = Generator(_database);
        Result = await generator.GenerateAsync(Cases, Seed, TextWriter.Null);
        UsedModelRows = generator.UsesModelRows;
    }

    public static PopulationGenerator Generator(TestDatabase database) => new(database, new UpperInvariantLookupNormalizer(), database.Clock);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
