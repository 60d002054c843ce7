using System.Numerics;

namespace CoupDePousse.Domain.Common;

/// <summary>
/// Counts of cases and the sums that link them (a total and its parts), from which statistical disclosure control
/// decides what may be shown: see docs/decisions/015-small-group-statistics.md.
/// </summary>
public sealed class StatisticsTable<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _counts = [];
    private readonly List<TKey> _order = [];
    private readonly List<(TKey Total, TKey[] Parts)> _sums = [];
    private List<(TKey Outer, TKey Inner)>? _containments;

    public IReadOnlyList<TKey> Keys => _order;

    public int this[TKey key] => _counts[key];

    /// <summary>A count of cases; declaring a key twice is a programming error.</summary>
    public StatisticsTable<TKey> Count(TKey key, int caseCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caseCount);
        _counts.Add(key, caseCount);
        _order.Add(key);
        return this;
    }

    /// <summary>Declares that a total is the sum of disjoint parts, as a reader who sees both could subtract them.</summary>
    public StatisticsTable<TKey> Sum(TKey total, IEnumerable<TKey> parts)
    {
        var list = parts.ToArray();
        if (list.Sum(p => _counts[p]) != _counts[total])
        {
            throw new InvalidOperationException($"The parts of {total} do not add up to it.");
        }

        _sums.Add((total, list));
        _containments = null;
        return this;
    }

    public IReadOnlyList<(TKey Total, IReadOnlyList<TKey> Parts)> Sums => _sums.Select(s => (s.Total, (IReadOnlyList<TKey>)s.Parts)).ToList();

    /// <summary>
    /// Primary suppression hides every count under the threshold but zero; complementary suppression then hides the
    /// smallest other parts until no hidden count, nor the difference between a group and one inside it, can be recovered.
    /// </summary>
    public SuppressedTable<TKey> Suppress(SmallGroupThreshold threshold)
    {
        var hidden = _order.Where(k => threshold.IsSmall(_counts[k])).ToHashSet();
        Complete(hidden, threshold);
        if (RecoverableSmallGroups(hidden, threshold).Count > 0)
        {
            // The heuristic left a small group solvable from several sums together: keep only the totals nothing sums into.
            var parts = _sums.SelectMany(s => s.Parts).ToHashSet();
            hidden.UnionWith(_order.Where(k => parts.Contains(k) || threshold.IsSmall(_counts[k])));
            if (RecoverableSmallGroups(hidden, threshold).Count > 0)
            {
                hidden.UnionWith(_order);
            }
        }

        return new SuppressedTable<TKey>(_order.ToDictionary(k => k, k => hidden.Contains(k) ? (int?)null : _counts[k]));
    }

    /// <summary>
    /// The small groups a reader could work out exactly from the shown counts and the sums: a hidden count, or a group
    /// minus a group inside it (the total minus one of its parts, at any depth); named "group" or "group − inner".
    /// </summary>
    public IReadOnlyList<string> RecoverableSmallGroups(IReadOnlySet<TKey> hidden, SmallGroupThreshold threshold)
    {
        var unknowns = _order.Where(hidden.Contains).ToList();
        var column = unknowns.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var rows = _sums.Select(s =>
        {
            var row = new BigInteger[unknowns.Count];
            if (column.TryGetValue(s.Total, out var t))
            {
                row[t] += 1;
            }

            foreach (var part in s.Parts.Where(column.ContainsKey))
            {
                row[column[part]] -= 1;
            }

            return row;
        }).Where(r => r.Any(c => !c.IsZero)).ToList();
        var basis = Reduce(rows, unknowns.Count);

        BigInteger[] Vector(TKey key, TKey? inner, bool hasInner)
        {
            var vector = new BigInteger[unknowns.Count];
            if (column.TryGetValue(key, out var k))
            {
                vector[k] += 1;
            }

            if (hasInner && column.TryGetValue(inner!, out var i))
            {
                vector[i] -= 1;
            }

            return vector;
        }

        var found = new List<string>();
        foreach (var key in _order.Where(k => hidden.Contains(k) && threshold.IsSmall(_counts[k])))
        {
            if (IsDetermined(basis, Vector(key, default, false)))
            {
                found.Add($"{key}");
            }
        }

        foreach (var (outer, inner) in Containments().Where(p => threshold.IsSmall(_counts[p.Outer] - _counts[p.Inner])))
        {
            if (IsDetermined(basis, Vector(outer, inner, true)))
            {
                found.Add($"{outer} − {inner}");
            }
        }

        return found;
    }

    // Every group with a group inside it, through the sums at any depth; worked out once per set of sums.
    private List<(TKey Outer, TKey Inner)> Containments() => _containments ??= FindContainments();

    private List<(TKey Outer, TKey Inner)> FindContainments()
    {
        var children = _sums.GroupBy(s => s.Total).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Parts).Distinct().ToList());
        var pairs = new List<(TKey, TKey)>();
        foreach (var outer in _order.Where(children.ContainsKey))
        {
            var seen = new HashSet<TKey>();
            var stack = new Stack<TKey>(children[outer]);
            while (stack.Count > 0)
            {
                var inner = stack.Pop();
                if (!seen.Add(inner))
                {
                    continue;
                }

                pairs.Add((outer, inner));
                foreach (var next in children.GetValueOrDefault(inner) ?? [])
                {
                    stack.Push(next);
                }
            }
        }

        return pairs;
    }

    private void Complete(HashSet<TKey> hidden, SmallGroupThreshold threshold)
    {
        var containments = Containments();
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, parts) in _sums)
            {
                var hiddenParts = parts.Where(hidden.Contains).Sum(p => _counts[p]);
                var needsMore = hidden.Contains(total)
                    ? _counts[total] > 0 && hiddenParts == 0
                    : threshold.IsSmall(hiddenParts);
                if (!needsMore)
                {
                    continue;
                }

                var candidates = parts.Where(p => !hidden.Contains(p) && _counts[p] > 0).OrderBy(p => _counts[p]).Take(1).ToList();
                hidden.Add(candidates.Count == 1 ? candidates[0] : total);
                changed = true;
            }

            // A group and a group inside it, both shown, must not differ by a small group: hide the inner one.
            foreach (var (outer, inner) in containments)
            {
                if (!hidden.Contains(outer) && !hidden.Contains(inner) && threshold.IsSmall(_counts[outer] - _counts[inner]))
                {
                    hidden.Add(inner);
                    changed = true;
                }
            }
        }
        while (changed);
    }

    // Exact Gauss-Jordan elimination over the sums, the shown counts moved to the known side.
    private static List<(int Pivot, BigInteger[] Row)> Reduce(List<BigInteger[]> rows, int width)
    {
        var basis = new List<(int Pivot, BigInteger[] Row)>();
        foreach (var row in rows)
        {
            var reduced = Eliminate(basis, row);
            var pivot = Array.FindIndex(reduced, c => !c.IsZero);
            if (pivot < 0)
            {
                continue;
            }

            for (var b = 0; b < basis.Count; b++)
            {
                basis[b] = (basis[b].Pivot, Eliminate([(pivot, reduced)], basis[b].Row));
            }

            basis.Add((pivot, reduced));
        }

        return basis;
    }

    private static BigInteger[] Eliminate(IEnumerable<(int Pivot, BigInteger[] Row)> basis, BigInteger[] vector)
    {
        var result = vector;
        foreach (var (pivot, row) in basis)
        {
            if (result[pivot].IsZero)
            {
                continue;
            }

            var factor = result[pivot];
            var next = new BigInteger[result.Length];
            for (var c = 0; c < result.Length; c++)
            {
                next[c] = result[c] * row[pivot] - row[c] * factor;
            }

            result = Normalise(next);
        }

        return result;
    }

    // A combination of counts is known exactly when it lies in the span of the sums.
    private static bool IsDetermined(List<(int Pivot, BigInteger[] Row)> basis, BigInteger[] vector) =>
        Eliminate(basis, vector).All(c => c.IsZero);

    private static BigInteger[] Normalise(BigInteger[] row)
    {
        var divisor = row.Aggregate(BigInteger.Zero, (g, c) => BigInteger.GreatestCommonDivisor(g, c));
        return divisor.IsZero || divisor.IsOne ? row : row.Select(c => c / divisor).ToArray();
    }
}

/// <summary>What a table may show: each count, or null where it is withheld.</summary>
public sealed class SuppressedTable<TKey>(IReadOnlyDictionary<TKey, int?> shown)
    where TKey : notnull
{
    public int? this[TKey key] => shown[key];

    public bool IsShown(TKey key) => shown[key] is not null;

    public IReadOnlySet<TKey> Hidden => shown.Where(s => s.Value is null).Select(s => s.Key).ToHashSet();
}
