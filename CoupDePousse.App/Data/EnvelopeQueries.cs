using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

internal static class EnvelopeQueries
{
    public static async Task<ProgrammeEnvelope?> EnvelopeAsync(this AppDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var stored = await db.ProgrammeEnvelopes.AsNoTracking().Where(e => e.Year == year).Select(e => (long?)e.AmountCents).SingleOrDefaultAsync(cancellationToken);
        return stored is { } cents && ProgrammeEnvelope.Create(year, cents) is { IsSuccess: true } envelope ? envelope.Value : null;
    }

    /// <summary>The departments' envelopes of a year (decision 034), in the order of their names.</summary>
    public static async Task<List<ProgrammeEnvelope>> DepartmentEnvelopesAsync(this AppDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var stored = await db.DepartmentEnvelopes.AsNoTracking().Where(e => e.Year == year).OrderBy(e => e.Department)
            .Select(e => new { e.Department, e.AmountCents }).ToListAsync(cancellationToken);
        return stored.Select(e => ProgrammeEnvelope.ForDepartment(year, e.Department, e.AmountCents))
            .Where(e => e.IsSuccess).Select(e => e.Value).ToList();
    }

    /// <summary>
    /// The cases proposed in the year that can cost anything, grouped in SQL by what prices them (state, intervener, budget
    /// with extensions, minutes logged) and by their beneficiary's department (the case's stored <see cref="CoachingCase.Department"/>,
    /// as the pipeline groups by), sought per state and year in the index that holds them all: one row per combination, not per case.
    /// </summary>
    public static async Task<List<EnvelopeCase>> EnvelopeCasesAsync(this AppDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);
        var states = EnvelopeFigures.CountedStates.ToList();
        var groups = await db.Cases.AsNoTracking()
            .Where(c => c.ProposedAt >= from && c.ProposedAt < to && states.Contains(c.State))
            .GroupBy(c => new { c.State, c.IntervenerId, Total = c.BudgetMinutes + c.ApprovedExtensionMinutes, c.UsedMinutes, c.Department })
            .Select(g => new { g.Key.State, g.Key.IntervenerId, g.Key.Total, g.Key.UsedMinutes, g.Key.Department, Cases = g.Count() })
            .ToListAsync(cancellationToken);
        var rates = await db.IntervenerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, p => p.HourlyRateCents, cancellationToken);
        return groups.Select(g => new EnvelopeCase(g.State, g.IntervenerId is null ? 0 : rates.GetValueOrDefault(g.IntervenerId), g.Total, g.UsedMinutes, g.Cases,
            string.IsNullOrEmpty(g.Department) ? null : g.Department)).ToList();
    }
}
