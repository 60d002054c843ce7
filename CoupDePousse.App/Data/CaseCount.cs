using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoupDePousse.App.Data;

/// <summary>
/// How many cases share one combination of the facts HR's figures group and filter by, with their hours: kept in the
/// same transaction as every change to a case, so that a figure costs as many rows as there are combinations, not cases.
/// The key columns hold "" where the fact is absent (no outcome, nobody waited on, no department).
/// </summary>
public sealed class CaseCount
{
    public string State { get; set; } = "";

    public string Outcome { get; set; } = "";

    public string WaitingOn { get; set; } = "";

    public string Department { get; set; } = "";

    public int DomainFlags { get; set; }

    public int Cases { get; set; }

    public long UsedMinutes { get; set; }

    public long BudgetMinutes { get; set; }
}

/// <summary>The key of one <see cref="CaseCount"/> row and what one case adds to it.</summary>
internal readonly record struct CaseCountKey(string State, string Outcome, string WaitingOn, string Department, int DomainFlags)
{
    public static CaseCountKey Of(CaseState state, CaseOutcome? outcome, WaitingParty? waitingOn, string? department, int domainFlags) =>
        new(state.ToString(), outcome?.ToString() ?? "", waitingOn?.ToString() ?? "", department ?? "", domainFlags);
}

/// <summary>Maintains, checks and rebuilds <see cref="CaseCount"/>; the only writer of that table.</summary>
public static class CaseCounts
{
    private const string Upsert = """
        INSERT INTO "CaseCounts" ("State", "Outcome", "WaitingOn", "Department", "DomainFlags", "Cases", "UsedMinutes", "BudgetMinutes")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
        ON CONFLICT ("State", "Outcome", "WaitingOn", "Department", "DomainFlags") DO UPDATE SET
            "Cases" = "CaseCounts"."Cases" + excluded."Cases",
            "UsedMinutes" = "CaseCounts"."UsedMinutes" + excluded."UsedMinutes",
            "BudgetMinutes" = "CaseCounts"."BudgetMinutes" + excluded."BudgetMinutes"
        """;

    /// <summary>What the cases about to be saved change in the counts: minus their stored facts, plus their new ones.</summary>
    internal static Deltas DeltasOf(ChangeTracker changes)
    {
        var deltas = new Deltas();
        foreach (var entry in changes.Entries<CoachingCase>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                deltas.Add(entry.OriginalValues, -1);
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                deltas.Add(entry.CurrentValues, +1);
            }
        }

        return deltas;
    }

    /// <summary>Moves the person's cases to another department, counts included, in the caller's transaction.</summary>
    public static async Task MoveDepartmentAsync(AppDbContext db, string beneficiaryId, string? department, CancellationToken cancellationToken = default)
    {
        var moving = await db.Cases.Where(c => c.BeneficiaryId == beneficiaryId)
            .Select(c => new { c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags, c.UsedMinutes, Budget = c.BudgetMinutes + c.ApprovedExtensionMinutes })
            .ToListAsync(cancellationToken);
        var deltas = new Deltas();
        foreach (var c in moving)
        {
            deltas.Add(CaseCountKey.Of(c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags), -1, c.UsedMinutes, c.Budget);
            deltas.Add(CaseCountKey.Of(c.State, c.Outcome, c.WaitingOn, department, c.DomainFlags), +1, c.UsedMinutes, c.Budget);
        }

        await db.Cases.Where(c => c.BeneficiaryId == beneficiaryId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Department, department), cancellationToken);
        await deltas.ApplyAsync(db, cancellationToken);
    }

    /// <summary>The check: the stored counts against the cases counted afresh; returns the combinations that differ.</summary>
    public static async Task<IReadOnlyList<string>> FindDifferencesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var stored = (await db.CaseCounts.AsNoTracking().Where(c => c.Cases != 0).ToListAsync(cancellationToken))
            .ToDictionary(c => new CaseCountKey(c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags), c => (c.Cases, c.UsedMinutes, c.BudgetMinutes));
        var counted = await CountAfreshAsync(db, cancellationToken);
        return stored.Keys.Union(counted.Keys)
            .Where(key => stored.GetValueOrDefault(key) != counted.GetValueOrDefault(key))
            .Select(key => $"{key}: stored {stored.GetValueOrDefault(key)}, counted {counted.GetValueOrDefault(key)}")
            .ToList();
    }

    /// <summary>Counts every case again and replaces the stored counts, in one transaction; returns how many combinations.</summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CaseCounts.ExecuteDeleteAsync(cancellationToken);
        var counted = await CountAfreshAsync(db, cancellationToken);
        db.CaseCounts.AddRange(counted.Select(c => new CaseCount
        {
            State = c.Key.State,
            Outcome = c.Key.Outcome,
            WaitingOn = c.Key.WaitingOn,
            Department = c.Key.Department,
            DomainFlags = c.Key.DomainFlags,
            Cases = c.Value.Cases,
            UsedMinutes = c.Value.UsedMinutes,
            BudgetMinutes = c.Value.BudgetMinutes,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(cancellationToken);
        return counted.Count;
    }

    /// <summary>At start: rebuilds the counts when they differ from the cases (a first start after the migration, or a write that went around the app).</summary>
    public static async Task<bool> RebuildIfDifferentAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if ((await FindDifferencesAsync(db, cancellationToken)).Count == 0)
        {
            return false;
        }

        await RebuildAsync(db, cancellationToken);
        return true;
    }

    private static async Task<Dictionary<CaseCountKey, (int Cases, long UsedMinutes, long BudgetMinutes)>> CountAfreshAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var groups = await db.Cases.GroupBy(c => new { c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags })
            .Select(g => new
            {
                g.Key,
                Cases = g.Count(),
                UsedMinutes = g.Sum(c => (long)c.UsedMinutes),
                BudgetMinutes = g.Sum(c => (long)c.BudgetMinutes + c.ApprovedExtensionMinutes),
            })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(
            g => CaseCountKey.Of(g.Key.State, g.Key.Outcome, g.Key.WaitingOn, g.Key.Department, g.Key.DomainFlags),
            g => (g.Cases, g.UsedMinutes, g.BudgetMinutes));
    }

    internal sealed class Deltas
    {
        private readonly Dictionary<CaseCountKey, (int Cases, long UsedMinutes, long BudgetMinutes)> _byKey = [];

        public bool IsEmpty => _byKey.Values.All(d => d == default);

        public void Add(PropertyValues values, int sign) => Add(
            CaseCountKey.Of(
                values.GetValue<CaseState>(nameof(CoachingCase.State)),
                values.GetValue<CaseOutcome?>(nameof(CoachingCase.Outcome)),
                values.GetValue<WaitingParty?>(nameof(CoachingCase.WaitingOn)),
                values.GetValue<string?>(nameof(CoachingCase.Department)),
                values.GetValue<int>(nameof(CoachingCase.DomainFlags))),
            sign,
            values.GetValue<int>(nameof(CoachingCase.UsedMinutes)),
            values.GetValue<int>(nameof(CoachingCase.BudgetMinutes)) + (long)values.GetValue<int>(nameof(CoachingCase.ApprovedExtensionMinutes)));

        public void Add(CaseCountKey key, int sign, long usedMinutes, long budgetMinutes)
        {
            var current = _byKey.GetValueOrDefault(key);
            _byKey[key] = (current.Cases + sign, current.UsedMinutes + sign * usedMinutes, current.BudgetMinutes + sign * budgetMinutes);
        }

        public async Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            foreach (var (key, delta) in _byKey.Where(d => d.Value != default))
            {
                await db.Database.ExecuteSqlRawAsync(Upsert,
                    [key.State, key.Outcome, key.WaitingOn, key.Department, key.DomainFlags, delta.Cases, delta.UsedMinutes, delta.BudgetMinutes],
                    cancellationToken);
            }
        }

        public void Apply(AppDbContext db)
        {
            foreach (var (key, delta) in _byKey.Where(d => d.Value != default))
            {
                db.Database.ExecuteSqlRaw(Upsert, [key.State, key.Outcome, key.WaitingOn, key.Department, key.DomainFlags, delta.Cases, delta.UsedMinutes, delta.BudgetMinutes]);
            }
        }
    }
}
