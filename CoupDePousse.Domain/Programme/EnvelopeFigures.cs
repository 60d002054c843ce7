using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Programme;

/// <summary>How far committed money has gone into the envelope.</summary>
public enum EnvelopeLevel
{
    Within,
    Warning,
    Exceeded,
}

/// <summary>
/// Cases of the envelope's year that count alike: their state, their intervener's hourly rate, their budget with approved
/// extensions and the minutes logged, and how many cases share all four (lists group them in the database); with their
/// beneficiaries' department for the department envelopes (decision 034).
/// </summary>
public sealed record EnvelopeCase(CaseState State, int HourlyRateCents, int TotalMinutes, int UsedMinutes, int Cases = 1, string? Department = null);

/// <summary>The envelope against what the programme's cases commit and consume (decision 031).</summary>
public sealed record EnvelopeFigures(int Year, long EnvelopeCents, long CommittedCents, long ConsumedCents, long ForecastCents)
{
    /// <summary>From this share of the envelope committed on, HR is warned.</summary>
    public const int WarningPercentage = 80;

    /// <summary>The states whose cases can cost anything: engaged ones, and cancelled ones for the hours they used.</summary>
    public static IReadOnlyList<CaseState> CountedStates { get; } = [.. CaseStates.Engaged, CaseState.Cancelled];

    /// <summary>
    /// What a case holds of the envelope: an open engaged case its whole budget (with approved extensions), an ended case
    /// only the minutes it used (the rest goes back), a case not yet accepted nothing.
    /// </summary>
    public static int CommittedMinutes(CaseState state, int totalMinutes, int usedMinutes) =>
        state.IsEngaged() && !state.IsEnded() ? Math.Max(totalMinutes, usedMinutes) : usedMinutes;

    /// <summary>Envelope minus committed: what new commitments may still take (negative once exceeded).</summary>
    public long RemainingCents => EnvelopeCents - CommittedCents;

    /// <summary>Committed minus consumed: hours promised and not yet delivered.</summary>
    public long OutstandingCents => CommittedCents - ConsumedCents;

    public int CommittedPercentage => EnvelopeCents == 0 ? (CommittedCents == 0 ? 0 : 100) : (int)Math.Min(int.MaxValue, CommittedCents * 100 / EnvelopeCents);

    /// <summary>Compared exactly on cents, not on the rounded percentage: 79.99 % is not yet 80 %.</summary>
    public EnvelopeLevel Level => LevelOf(CommittedCents, EnvelopeCents);

    /// <summary>100 % reached is exceeded (nothing is left to commit); nothing committed is always within.</summary>
    public static EnvelopeLevel LevelOf(long committedCents, long envelopeCents) =>
        committedCents <= 0 ? EnvelopeLevel.Within
        : committedCents >= envelopeCents ? EnvelopeLevel.Exceeded
        : committedCents * 100 >= envelopeCents * WarningPercentage ? EnvelopeLevel.Warning
        : EnvelopeLevel.Within;

    /// <summary>
    /// Each case priced as its own row shows it (minutes × its intervener's rate, rounded to the cent per case); the
    /// forecast extrapolates consumption to the year's end at the pace of the days gone so far.
    /// </summary>
    public static EnvelopeFigures Compute(ProgrammeEnvelope envelope, IEnumerable<EnvelopeCase> cases, DateOnly today)
    {
        long committed = 0, consumed = 0;
        foreach (var group in cases)
        {
            committed += Money.CostCents(group.HourlyRateCents, CommittedMinutes(group.State, group.TotalMinutes, group.UsedMinutes)) * group.Cases;
            consumed += Money.CostCents(group.HourlyRateCents, group.UsedMinutes) * group.Cases;
        }

        return new EnvelopeFigures(envelope.Year, envelope.AmountCents, committed, consumed, Forecast(envelope.Year, consumed, today));
    }

    /// <summary>
    /// consumed × days in the year ÷ days elapsed (today included), rounded half away from zero; a past year is what it
    /// consumed, a year not yet begun forecasts what it already consumed.
    /// </summary>
    public static long Forecast(int year, long consumedCents, DateOnly today)
    {
        if (today.Year != year)
        {
            return consumedCents;
        }

        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        return (long)Math.Round((decimal)consumedCents * days / today.DayOfYear, MidpointRounding.AwayFromZero);
    }
}
