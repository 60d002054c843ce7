using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.App.Features.Statements;

/// <summary>One intervener's month: the sessions behind their invoice and its amount. No content, no person: a neutral case reference.</summary>
public sealed record IntervenerStatement(string IntervenerId, string Name, MonthlyStatement Statement);

/// <summary>One line of HR's month: an intervener's sessions, hours and amount.</summary>
public sealed record IntervenerMonthTotal(string IntervenerId, string Name, int HourlyRateCents, int SessionCount, int TotalMinutes, long AmountCents);

/// <summary>HR's month: every intervener with a profile, those without sessions included (at zero), and the month's totals.</summary>
public sealed record StatementsOverview(StatementPeriod Period, IReadOnlyList<IntervenerMonthTotal> Interveners)
{
    public int TotalMinutes => Interveners.Sum(i => i.TotalMinutes);

    public long AmountCents => Interveners.Sum(i => i.AmountCents);

    public int SessionCount => Interveners.Sum(i => i.SessionCount);
}
