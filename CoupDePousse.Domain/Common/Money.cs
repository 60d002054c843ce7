namespace CoupDePousse.Domain.Common;

public static class Money
{
    /// <summary>Minutes at an hourly rate, in whole cents, rounded half away from zero; exact for any two ints.</summary>
    public static long CostCents(int hourlyRateCents, int minutes) =>
        (long)Math.Round((long)hourlyRateCents * minutes / 60m, MidpointRounding.AwayFromZero);

    /// <summary>Euros as people type them to whole cents, rounded half away from zero; out-of-range input saturates rather than throws.</summary>
    public static int CentsFromEuros(decimal euros) =>
        (int)Math.Clamp(Math.Round(Math.Clamp(euros, -SaturatingEuros, SaturatingEuros) * 100m, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);

    /// <summary>
    /// An amount as people type it in French or English ("45 000", "12 500,50", "12,500.50", "45000.50 €"): spaces and the
    /// euro sign ignored; with both a comma and a dot the last one is the decimal mark and the other groups thousands, a
    /// mark repeated groups thousands, a single mark followed by three digits is ambiguous ("12,500"); at most two
    /// decimals; null when it is not such a number.
    /// </summary>
    public static decimal? ParseEuros(string? text) =>
        NumberInput.ParseDecimal(text) is { } euros && decimal.Round(euros, 2) == euros ? euros : null;

    // Beyond any int of cents, yet small enough that multiplying by 100 cannot overflow a decimal.
    private const decimal SaturatingEuros = int.MaxValue / 100m + 1;
}
