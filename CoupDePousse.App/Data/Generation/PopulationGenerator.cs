using System.Diagnostics;
using System.Runtime;
using System.Threading.Channels;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoupDePousse.App.Data.Generation;

/// <summary>What a generation wrote.</summary>
public sealed record GenerationResult(int People, int Cases, int SessionNotes, TimeSpan Elapsed);

/// <summary>
/// Fills a database with invented people and cases for performance work. People are account rows without a password
/// (they cannot sign in); cases are told through the domain's own operations. On SQLite the rows are converted by the
/// app's model (<see cref="ModelRows"/>: converters, encryption of confidential text, JSON columns) on every core while
/// one connection inserts them; elsewhere EF saves each batch.
/// </summary>
public sealed class PopulationGenerator(IDbContextFactory<AppDbContext> dbFactory, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int PeopleBatchSize = 10_000;
    public const int CaseBatchSize = 1_000;

    // Enough batches ahead for the writer never to wait, few enough to bound memory.
    private const int BatchesAhead = 4;

    private static readonly Type[] RootTypes = [typeof(ApplicationUser), typeof(IdentityUserRole<string>), typeof(IntervenerProfile), typeof(CoachingCase), typeof(SessionNote)];

    /// <summary>Whether rows go through <see cref="ModelRows"/> (SQLite) rather than EF's change tracker.</summary>
    public bool UsesModelRows { get; private set; }

    public async Task<GenerationResult> GenerateAsync(int cases, int seed, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        try
        {
            return await GenerateCoreAsync(cases, seed, progress, cancellationToken);
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }
    }

    private async Task<GenerationResult> GenerateCoreAsync(int cases, int seed, TextWriter progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Dictionary<string, string> roleIds;
        BudgetBounds bounds;
        ModelRows? rows;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
            bounds = await db.BudgetBoundsAsync(cancellationToken);
            rows = db.Database.IsSqlite() ? new ModelRows(db.Model, RootTypes) : null;
        }

        UsesModelRows = rows is not null;
        var random = new Random(seed);
        var cast = GeneratedCast.Create(random, cases);
        var missing = cast.Everyone.Select(p => p.Role.ToString()).Distinct().Where(r => !roleIds.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Roles {string.Join(", ", missing)} do not exist: start the app once to create them.");
        }

        var stories = CaseStories.Allot(cases, cast.TotalCapacity, random);
        var teller = new CaseStoryteller(cast, bounds, clock.GetUtcNow());

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true });
        var totals = new Totals();
        var writer = Task.Run(() => WriteAsync(batches.Reader, rows, totals, cases, progress, watch, stop.Token), CancellationToken.None);
        try
        {
            // People and cases are not tied by keys: both are produced at once, people in order (managers first).
            var people = Task.Run(async () =>
            {
                foreach (var chunk in cast.Everyone.Chunk(PeopleBatchSize))
                {
                    await batches.Writer.WriteAsync(PeopleBatch(chunk, roleIds, rows, random), stop.Token);
                }

                await batches.Writer.WriteAsync(ProfilesBatch(cast, rows), stop.Token);
            }, stop.Token);

            // Cases that end hold no intervener's load: told on every core. Those that stay active share the loads: told in order.
            var firstActive = stories.FindIndex(s => s.EndsActive());
            firstActive = firstActive < 0 ? stories.Count : firstActive;
            var ended = Enumerable.Range(0, firstActive).Chunk(CaseBatchSize);
            await Parallel.ForEachAsync(ended, new ParallelOptions { CancellationToken = stop.Token, MaxDegreeOfParallelism = Environment.ProcessorCount },
                async (positions, token) => await batches.Writer.WriteAsync(CaseBatch(teller, stories, positions, seed, rows), token));
            foreach (var positions in Enumerable.Range(firstActive, stories.Count - firstActive).Chunk(CaseBatchSize))
            {
                await batches.Writer.WriteAsync(CaseBatch(teller, stories, positions, seed, rows), stop.Token);
            }

            await people;
            batches.Writer.Complete();
            await writer;

            // Rows written around EF's change tracker leave HR's kept counts behind: count the cases once, as a start would.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await CaseCounts.RebuildAsync(db, cancellationToken);
        }
        catch (Exception exception)
        {
            batches.Writer.TryComplete(exception);
            await stop.CancelAsync();
            try
            {
                await writer;
            }
            catch (Exception) when (!writer.IsCompletedSuccessfully)
            {
                // The first failure is the one to report.
            }

            throw;
        }
        finally
        {
            await ReleaseConnectionsAsync(cancellationToken);
        }

        return new GenerationResult(totals.People, totals.Cases, totals.Notes, watch.Elapsed);
    }

    private Batch PeopleBatch(GeneratedPerson[] people, IReadOnlyDictionary<string, string> roleIds, ModelRows? rows, Random random)
    {
        var users = people.Select(p => ToUser(p, random)).ToList();
        var roles = people.Select(p => new IdentityUserRole<string> { UserId = p.Id, RoleId = roleIds[p.Role.ToString()] }).ToList();
        return Convert(new Batch(people.Length, 0, 0, [.. users, .. roles]), rows);
    }

    private static Batch ProfilesBatch(GeneratedCast cast, ModelRows? rows) => Convert(new Batch(0, 0, 0, [.. cast.Profiles]), rows);

    private static Batch CaseBatch(CaseStoryteller teller, IReadOnlyList<CaseStory> stories, int[] positions, int seed, ModelRows? rows)
    {
        var cases = new List<object>(positions.Length);
        var notes = new List<SessionNote>();
        foreach (var position in positions)
        {
            cases.Add(teller.Tell(stories[position], CaseStoryteller.RandomOf(seed, position), notes));
        }

        return Convert(new Batch(0, cases.Count, notes.Count, [.. cases, .. notes]), rows);
    }

    // Converting here, on the producing thread, spreads the encryption of confidential text over every core.
    private static Batch Convert(Batch batch, ModelRows? rows)
    {
        if (rows is null)
        {
            return batch;
        }

        var converted = rows.NewBatch();
        foreach (var entity in batch.Entities!)
        {
            rows.Add(converted, entity);
        }

        return batch with { Entities = null, Rows = converted };
    }

    private async Task WriteAsync(ChannelReader<Batch> batches, ModelRows? rows, Totals totals, int cases, TextWriter progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await RelaxDurabilityAsync(db, cancellationToken);
        using var inserter = rows?.CreateInserter((SqliteConnection)db.Database.GetDbConnection(), db.GetService<ISqlGenerationHelper>());
        await foreach (var batch in batches.ReadAllAsync(cancellationToken))
        {
            if (inserter is not null)
            {
                inserter.Insert(batch.Rows!);
            }
            else
            {
                await SaveAsync(batch.Entities!, cancellationToken);
            }

            var casesBefore = totals.Cases;
            totals.People += batch.People;
            totals.Cases += batch.Cases;
            totals.Notes += batch.Notes;
            if (batch is { People: 0, Cases: 0 })
            {
                await progress.WriteLineAsync($"People {totals.People:N0} ({watch.Elapsed.TotalSeconds:F1} s)");
            }
            else if (batch.Cases > 0 && (totals.Cases / 10_000 > casesBefore / 10_000 || totals.Cases == cases))
            {
                await progress.WriteLineAsync($"Cases {totals.Cases:N0} / {cases:N0} ({watch.Elapsed.TotalSeconds:F1} s)");
            }
        }
    }

    // The stamps come from the seeded random: they only need to be unique, and this is much cheaper than the system's.
    private ApplicationUser ToUser(GeneratedPerson person, Random random) => new()
    {
        Id = person.Id,
        UserName = person.Email,
        NormalizedUserName = normalizer.NormalizeName(person.Email),
        Email = person.Email,
        NormalizedEmail = normalizer.NormalizeEmail(person.Email),
        EmailConfirmed = true,
        LockoutEnabled = true,
        SecurityStamp = GeneratedCast.NewId(random).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(),
        ConcurrencyStamp = GeneratedCast.NewId(random),
        DisplayName = person.DisplayName,
        Department = person.Department,
        ManagerId = person.ManagerId,
    };

    /// <summary>One batch through EF, in a fresh context, without change detection, in one transaction.</summary>
    private async Task SaveAsync(IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.WritesNotifications = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await RelaxDurabilityAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(entities);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Invented data can be generated again: no waiting for the disk on each commit, and a larger page cache.
    private static Task RelaxDurabilityAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsSqlite() ? db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", cancellationToken)
        : db.Database.IsNpgsql() ? db.Database.ExecuteSqlRawAsync("SET synchronous_commit = off;", cancellationToken)
        : Task.CompletedTask;

    // The pooled connections keep the relaxed settings: drop them so that nothing else inherits them.
    private async Task ReleaseConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.GetDbConnection() is SqliteConnection connection)
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Entities to save, or the rows they convert to; with what they count.</summary>
    private sealed record Batch(int People, int Cases, int Notes, IReadOnlyList<object>? Entities, ModelRows.RowBatch? Rows = null);

    private sealed class Totals
    {
        public int People { get; set; }

        public int Cases { get; set; }

        public int Notes { get; set; }
    }
}
