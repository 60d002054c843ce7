using System.Text;
using CoupDePousse.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data.Generation;

/// <summary>What the database holds after a generation, counted in the database itself.</summary>
public sealed record GenerationCounts(
    IReadOnlyDictionary<string, int> UsersByRole,
    IReadOnlyDictionary<CaseState, int> CasesByState,
    IReadOnlyDictionary<CaseOutcome, int> CasesByOutcome,
    IReadOnlyDictionary<ExtensionStatus, int> ExtensionsByStatus,
    int Sessions,
    int SessionNotes,
    int HistoryLines,
    int IntervenerProfiles)
{
    public int Cases => CasesByState.Values.Sum();
}

public static class GenerationReport
{
    public static async Task<GenerationCounts> CountAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var usersByRole = await (from userRole in db.UserRoles
                                 join role in db.Roles on userRole.RoleId equals role.Id
                                 group userRole by role.Name into byRole
                                 select new { Role = byRole.Key!, Count = byRole.Count() })
            .ToDictionaryAsync(r => r.Role, r => r.Count, cancellationToken);
        var byState = await db.Cases.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byOutcome = await db.Cases.Where(c => c.Outcome != null).GroupBy(c => c.Outcome!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var extensions = await db.Cases.SelectMany(c => c.Extensions).GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new GenerationCounts(
            usersByRole,
            byState,
            byOutcome,
            extensions,
            await db.Cases.SelectMany(c => c.Sessions).CountAsync(cancellationToken),
            await db.SessionNotes.CountAsync(cancellationToken),
            await db.Cases.SelectMany(c => c.History).CountAsync(cancellationToken),
            await db.IntervenerProfiles.CountAsync(cancellationToken));
    }

    public static async Task<string> DescribeAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var counts = await CountAsync(db, cancellationToken);
        var text = new StringBuilder();
        text.AppendLine($"Users: {string.Join(", ", counts.UsersByRole.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value:N0}"))}; intervener profiles {counts.IntervenerProfiles:N0}");
        text.AppendLine($"Cases: {counts.Cases:N0}");
        foreach (var state in Enum.GetValues<CaseState>())
        {
            var count = counts.CasesByState.GetValueOrDefault(state);
            text.AppendLine($"  {state,-22}{count,10:N0}{Share(count, counts.Cases),8}");
        }

        text.AppendLine($"Outcomes: {string.Join(", ", Enum.GetValues<CaseOutcome>().Select(o => $"{o} {counts.CasesByOutcome.GetValueOrDefault(o):N0}"))}");
        text.AppendLine($"Sessions {counts.Sessions:N0}, session notes {counts.SessionNotes:N0}, history lines {counts.HistoryLines:N0}");
        text.AppendLine($"Extensions: {string.Join(", ", Enum.GetValues<ExtensionStatus>().Select(s => $"{s} {counts.ExtensionsByStatus.GetValueOrDefault(s):N0}"))}");
        return text.ToString();
    }

    private static string Share(int count, int total) => total == 0 ? "" : $"{100.0 * count / total:F1} %";
}
