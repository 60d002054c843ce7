using System.Data.Common;
using System.Text.RegularExpressions;
using CoupDePousse.App.Data;
using CoupDePousse.App.Data.Generation;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoupDePousse.Tests.Data.Generation;

/// <summary>The generator's fast rows must store exactly what EF stores: same tables, columns, values and encryption.</summary>
public partial class ModelRowsTests
{
    private static readonly string[] Tables =
        ["Cases", "CriterionVerdicts", "Objectives", "ObjectiveDrafts", "ObjectiveRevisions", "Sessions", "BudgetExtensions", "TransitionRecords", "SessionNotes"];

    // Tables whose key the database numbers: EF may insert different cases in another order, so they compare case by case, in order.
    private static readonly string[] NumberedTables = ["CriterionVerdicts", "ObjectiveDrafts", "ObjectiveRevisions", "TransitionRecords"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Model_rows_store_every_story_exactly_as_ef_does()
    {
        var (cases, notes) = EveryStory();
        await using var throughEf = await TestDatabase.CreateAsync();
        await using var throughRows = await TestDatabase.CreateAsync();

        await using (var db = throughRows.CreateDbContext())
        {
            var rows = new ModelRows(db.Model, [typeof(CoachingCase), typeof(SessionNote)]);
            var batch = rows.NewBatch();
            foreach (var entity in cases.Cast<object>().Concat(notes))
            {
                rows.Add(batch, entity);
            }

            await db.Database.OpenConnectionAsync(Cancellation);
            using var inserter = rows.CreateInserter((SqliteConnection)db.Database.GetDbConnection(), db.GetService<ISqlGenerationHelper>());
            inserter.Insert(batch);
        }

        await using (var db = throughEf.CreateDbContext())
        {
            db.Cases.AddRange(cases);
            db.SessionNotes.AddRange(notes);
            await db.SaveChangesAsync(Cancellation);
        }

        foreach (var table in Tables)
        {
            var expected = await RawRowsAsync(throughEf, table);
            (await RawRowsAsync(throughRows, table)).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), "table {0} holds the same rows", table);
            expected.Should().NotBeEmpty("every table is exercised, {0} too", table);
        }

        (await LoadAsync(throughRows)).Should().BeEquivalentTo(await LoadAsync(throughEf), "the encrypted text reads back the same");
    }

    private static (List<CoachingCase> Cases, List<SessionNote> Notes) EveryStory()
    {
        var cast = GeneratedCast.Create(new Random(5), 50);
        var teller = new CaseStoryteller(cast, BudgetBounds.Default, CaseBuilder.Now);
        var notes = new List<SessionNote>();
        var stories = Enum.GetValues<CaseStory>().OrderBy(s => s.EndsActive()).SelectMany(s => new[] { s, s, s }).ToList();
        var cases = stories.Select((story, position) => teller.Tell(story, CaseStoryteller.RandomOf(5, position), notes)).ToList();
        return (cases, notes);
    }

    // Every value as stored; ciphertexts differ at each encryption (random IV), so they compare as a mark.
    private static async Task<List<List<object?>>> RawRowsAsync(TestDatabase database, string table)
    {
        var numbered = NumberedTables.Contains(table);
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync(Cancellation);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {(numbered ? "\"CaseId\", \"Id\"" : "\"Id\"")}";
        await using DbDataReader reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<List<object?>>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) || (numbered && reader.GetName(i) == "Id") ? null : reader.GetValue(i) is string text ? Ciphertext().Replace(text, "<encrypted>") : reader.GetValue(i))
                .ToList());
        }

        return rows;
    }

    private static async Task<List<object>> LoadAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var cases = await db.Cases.AsNoTracking().WholeAggregates().OrderBy(c => c.Id).ToListAsync(Cancellation);
        var notes = await db.SessionNotes.AsNoTracking().OrderBy(n => n.Id).ToListAsync(Cancellation);
        return [.. cases, .. notes];
    }

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex Ciphertext();
}
