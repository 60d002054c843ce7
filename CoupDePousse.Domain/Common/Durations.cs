namespace CoupDePousse.Domain.Common;

public static class Durations
{
    public const int StepMinutes = 15;

    public static bool IsWholeStep(int minutes) => minutes > 0 && minutes % StepMinutes == 0;

    /// <summary>Hours as people type them ("1.5") to whole minutes, rounded half away from zero; out-of-range input saturates.</summary>
    public static int FromHours(decimal hours) =>
        (int)Math.Clamp(Math.Round(Math.Clamp(hours, -SaturatingHours, SaturatingHours) * 60m, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);

    // Beyond any int of minutes, yet small enough that multiplying by 60 cannot overflow a decimal.
    private const decimal SaturatingHours = int.MaxValue / 60m + 1;

    public static decimal ToHours(int minutes) => minutes / 60m;

    /// <summary>"1 h 30", "45 min", "6 h", "1 250 h" (thousands as the current culture writes them): readable in French and English alike.</summary>
    public static string Format(int minutes, IFormatProvider? culture = null)
    {
        var hours = minutes / 60;
        var rest = Math.Abs(minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => string.Format(culture, "{0} min", minutes % 60),
            (_, 0) => string.Format(culture, "{0:N0} h", hours),
            _ => string.Format(culture, "{0:N0} h {1:00}", hours, rest),
        };
    }
}
