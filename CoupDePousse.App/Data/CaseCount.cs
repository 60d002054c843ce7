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

    /// <summary>Cases with at least one objective scored before and after, their objectives, and the sum of (after − before).</summary>
    public int MeasuredCases { get; set; }

    public int MeasuredObjectives { get; set; }

    public long ScoreChange { get; set; }

    /// <summary>Cases whose beneficiary answered the satisfaction question, the sum of the scores, and how many would recommend.</summary>
    public int SatisfactionAnswers { get; set; }

    public long SatisfactionTotal { get; set; }

    public int Recommending { get; set; }
}

/// <summary>What one case, or a group of cases, adds to a <see cref="CaseCount"/> row.</summary>
internal readonly record struct CaseCountDelta(
    int Cases, long UsedMinutes, long BudgetMinutes,
    int MeasuredCases = 0, int MeasuredObjectives = 0, long ScoreChange = 0,
    int SatisfactionAnswers = 0, long SatisfactionTotal = 0, int Recommending = 0)
{
    public static CaseCountDelta Of(int usedMinutes, long budgetMinutes, int measuredObjectives, int scoreChange, int? satisfaction) => new(
        1, usedMinutes, budgetMinutes,
        measuredObjectives > 0 ? 1 : 0, measuredObjectives, scoreChange,
        satisfaction is null ? 0 : 1, satisfaction ?? 0, satisfaction >= Scores.Recommends ? 1 : 0);

    public static CaseCountDelta operator +(CaseCountDelta a, CaseCountDelta b) => new(
        a.Cases + b.Cases, a.UsedMinutes + b.UsedMinutes, a.BudgetMinutes + b.BudgetMinutes,
        a.MeasuredCases + b.MeasuredCases, a.MeasuredObjectives + b.MeasuredObjectives, a.ScoreChange + b.ScoreChange,
        a.SatisfactionAnswers + b.SatisfactionAnswers, a.SatisfactionTotal + b.SatisfactionTotal, a.Recommending + b.Recommending);

    public static CaseCountDelta operator -(CaseCountDelta a) => new(
        -a.Cases, -a.UsedMinutes, -a.BudgetMinutes, -a.MeasuredCases, -a.MeasuredObjectives, -a.ScoreChange,
        -a.SatisfactionAnswers, -a.SatisfactionTotal, -a.Recommending);

    public static CaseCountDelta Of(CaseCount row) => new(
        row.Cases, row.UsedMinutes, row.BudgetMinutes, row.MeasuredCases, row.MeasuredObjectives, row.ScoreChange,
        row.SatisfactionAnswers, row.SatisfactionTotal, row.Recommending);

    public object[] Values => [Cases, UsedMinutes, BudgetMinutes, MeasuredCases, MeasuredObjectives, ScoreChange, SatisfactionAnswers, SatisfactionTotal, Recommending];
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
        INSERT INTO "CaseCounts" ("State", "Outcome", "WaitingOn", "Department", "DomainFlags", "Cases", "UsedMinutes", "BudgetMinutes",
            "MeasuredCases", "MeasuredObjectives", "ScoreChange", "SatisfactionAnswers", "SatisfactionTotal", "Recommending")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13})
        ON CONFLICT ("State", "Outcome", "WaitingOn", "Department", "DomainFlags") DO UPDATE SET
            "Cases" = "CaseCounts"."Cases" + excluded."Cases",
            "UsedMinutes" = "CaseCounts"."UsedMinutes" + excluded."UsedMinutes",
            "BudgetMinutes" = "CaseCounts"."BudgetMinutes" + excluded."BudgetMinutes",
            "MeasuredCases" = "CaseCounts"."MeasuredCases" + excluded."MeasuredCases",
            "MeasuredObjectives" = "CaseCounts"."MeasuredObjectives" + excluded."MeasuredObjectives",
            "ScoreChange" = "CaseCounts"."ScoreChange" + excluded."ScoreChange",
            "SatisfactionAnswers" = "CaseCounts"."SatisfactionAnswers" + excluded."SatisfactionAnswers",
            "SatisfactionTotal" = "CaseCounts"."SatisfactionTotal" + excluded."SatisfactionTotal",
            "Recommending" = "CaseCounts"."Recommending" + excluded."Recommending"
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
            .Select(c => new
            {
                c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags, c.UsedMinutes, Budget = c.BudgetMinutes + c.ApprovedExtensionMinutes,
                c.MeasuredObjectives, c.ScoreChange, c.SatisfactionScore,
            })
            .ToListAsync(cancellationToken);
        var deltas = new Deltas();
        foreach (var c in moving)
        {
            var delta = CaseCountDelta.Of(c.UsedMinutes, c.Budget, c.MeasuredObjectives, c.ScoreChange, c.SatisfactionScore);
            deltas.Add(CaseCountKey.Of(c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags), -delta);
            deltas.Add(CaseCountKey.Of(c.State, c.Outcome, c.WaitingOn, department, c.DomainFlags), delta);
        }

        await db.Cases.Where(c => c.BeneficiaryId == beneficiaryId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Department, department), cancellationToken);
        await deltas.ApplyAsync(db, cancellationToken);
    }

    /// <summary>The check: the stored counts against the cases counted afresh; returns the combinations that differ.</summary>
    public static async Task<IReadOnlyList<string>> FindDifferencesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var stored = (await db.CaseCounts.AsNoTracking().Where(c => c.Cases != 0).ToListAsync(cancellationToken))
            .ToDictionary(c => new CaseCountKey(c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags), CaseCountDelta.Of);
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
            MeasuredCases = c.Value.MeasuredCases,
            MeasuredObjectives = c.Value.MeasuredObjectives,
            ScoreChange = c.Value.ScoreChange,
            SatisfactionAnswers = c.Value.SatisfactionAnswers,
            SatisfactionTotal = c.Value.SatisfactionTotal,
            Recommending = c.Value.Recommending,
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

    private static async Task<Dictionary<CaseCountKey, CaseCountDelta>> CountAfreshAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var groups = await db.Cases.GroupBy(c => new { c.State, c.Outcome, c.WaitingOn, c.Department, c.DomainFlags })
            .Select(g => new
            {
                g.Key,
                Cases = g.Count(),
                UsedMinutes = g.Sum(c => (long)c.UsedMinutes),
                BudgetMinutes = g.Sum(c => (long)c.BudgetMinutes + c.ApprovedExtensionMinutes),
                MeasuredCases = g.Count(c => c.MeasuredObjectives > 0),
                MeasuredObjectives = g.Sum(c => c.MeasuredObjectives),
                ScoreChange = g.Sum(c => (long)c.ScoreChange),
                SatisfactionAnswers = g.Count(c => c.SatisfactionScore != null),
                SatisfactionTotal = g.Sum(c => (long)(c.SatisfactionScore ?? 0)),
                Recommending = g.Count(c => c.SatisfactionScore >= Scores.Recommends),
            })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(
            g => CaseCountKey.Of(g.Key.State, g.Key.Outcome, g.Key.WaitingOn, g.Key.Department, g.Key.DomainFlags),
            g => new CaseCountDelta(g.Cases, g.UsedMinutes, g.BudgetMinutes, g.MeasuredCases, g.MeasuredObjectives, g.ScoreChange,
                g.SatisfactionAnswers, g.SatisfactionTotal, g.Recommending));
    }

    internal sealed class Deltas
    {
        private readonly Dictionary<CaseCountKey, CaseCountDelta> _byKey = [];

        public bool IsEmpty => _byKey.Values.All(d => d == default);

        public void Add(PropertyValues values, int sign)
        {
            var delta = CaseCountDelta.Of(
                values.GetValue<int>(nameof(CoachingCase.UsedMinutes)),
                values.GetValue<int>(nameof(CoachingCase.BudgetMinutes)) + (long)values.GetValue<int>(nameof(CoachingCase.ApprovedExtensionMinutes)),
                values.GetValue<int>(nameof(CoachingCase.MeasuredObjectives)),
                values.GetValue<int>(nameof(CoachingCase.ScoreChange)),
                values.GetValue<int?>(nameof(CoachingCase.SatisfactionScore)));
            Add(
                CaseCountKey.Of(
                    values.GetValue<CaseState>(nameof(CoachingCase.State)),
                    values.GetValue<CaseOutcome?>(nameof(CoachingCase.Outcome)),
                    values.GetValue<WaitingParty?>(nameof(CoachingCase.WaitingOn)),
                    values.GetValue<string?>(nameof(CoachingCase.Department)),
                    values.GetValue<int>(nameof(CoachingCase.DomainFlags))),
                sign < 0 ? -delta : delta);
        }

        public void Add(CaseCountKey key, CaseCountDelta delta) => _byKey[key] = _byKey.GetValueOrDefault(key) + delta;

        public async Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            foreach (var (key, delta) in _byKey.Where(d => d.Value != default))
            {
                await db.Database.ExecuteSqlRawAsync(Upsert, Parameters(key, delta), cancellationToken);
            }
        }

        public void Apply(AppDbContext db)
        {
            foreach (var (key, delta) in _byKey.Where(d => d.Value != default))
            {
                db.Database.ExecuteSqlRaw(Upsert, Parameters(key, delta));
            }
        }

        private static object[] Parameters(CaseCountKey key, CaseCountDelta delta) =>
            [key.State, key.Outcome, key.WaitingOn, key.Department, key.DomainFlags, .. delta.Values];
    }
}
