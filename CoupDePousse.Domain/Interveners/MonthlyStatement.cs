using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Interveners;

/// <summary>A calendar month of statements; a session belongs to the month of its date (a date without a time zone).</summary>
public readonly record struct StatementPeriod
{
    private StatementPeriod(int year, int month)
    {
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first day after the month: sessions are those dated from <see cref="FirstDay"/> up to, not including, this day.</summary>
    public DateOnly EndDay => FirstDay.AddMonths(1);

    public StatementPeriod Previous => Of(FirstDay.AddMonths(-1));

    public StatementPeriod Next => Of(EndDay);

    public static StatementPeriod Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>A month people ask for (in a link): refused unless it is a real month; the last month of year 9999 has no next one and is refused too.</summary>
    public static Result<StatementPeriod> Create(int year, int month) =>
        year is >= 1 and < 9999 && month is >= 1 and <= 12 ? new StatementPeriod(year, month) : StatementErrors.InvalidMonth;

    public bool Contains(DateOnly date) => date >= FirstDay && date < EndDay;
}

/// <summary>One counted session as it appears on an intervener's statement: no content, no person, only a neutral case reference.</summary>
public sealed record StatementLine(DateOnly Date, int DurationMinutes, SessionMode Mode, bool Missed, string CaseReference);

/// <summary>
/// What an intervener invoices for a month: every session counted in a case's hours (missed sessions the policy counted
/// included, as they are in the case's cost) at the intervener's hourly rate. The amount is rounded once, on the month's
/// minutes, with the rule of a case's cost (<see cref="Money.CostCents"/>).
/// </summary>
public sealed record MonthlyStatement(StatementPeriod Period, int HourlyRateCents, IReadOnlyList<StatementLine> Lines)
{
    public int TotalMinutes => Lines.Sum(l => l.DurationMinutes);

    public int SessionCount => Lines.Count;

    public long AmountCents => Amount(HourlyRateCents, TotalMinutes);

    public long AmountOf(StatementLine line) => Amount(HourlyRateCents, line.DurationMinutes);

    /// <summary>The one rule of an amount: minutes at the hourly rate, as a case's cost; summaries that add minutes in SQL use it too.</summary>
    public static long Amount(int hourlyRateCents, int minutes) => Money.CostCents(hourlyRateCents, minutes);

    /// <summary>The month's lines in date order, whatever order they came in; a line dated outside the month is a programming error.</summary>
    public static MonthlyStatement Of(StatementPeriod period, int hourlyRateCents, IEnumerable<StatementLine> lines)
    {
        var ordered = lines.OrderBy(l => l.Date).ThenBy(l => l.CaseReference, StringComparer.Ordinal).ToList();
        if (ordered.Any(l => !period.Contains(l.Date)))
        {
            throw new ArgumentException("Every line must fall in the statement's month.", nameof(lines));
        }

        return new MonthlyStatement(period, hourlyRateCents, ordered);
    }
}

public static class StatementErrors
{
    public static readonly Error InvalidMonth = new("statement.month",
        "Ce mois n’existe pas.",
        "This month does not exist.");

    /// <summary>Also the answer to an intervener asking for someone else's statement: whether it exists is not revealed.</summary>
    public static readonly Error UnknownStatement = new("statement.unknown",
        "Ce relevé est introuvable.",
        "This statement cannot be found.");
}
