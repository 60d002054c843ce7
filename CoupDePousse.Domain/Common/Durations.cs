namespace CoupDePousse.Domain.Common;

public static class Durations
{
    public const int StepMinutes = 15;

    public static bool IsWholeStep(int minutes) => minutes > 0 && minutes % StepMinutes == 0;

    /// <summary>"1 h 30", "45 min", "6 h": readable in French and English alike.</summary>
    public static string Format(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        return (hours, rest) switch
        {
            (0, _) => $"{rest} min",
            (_, 0) => $"{hours} h",
            _ => $"{hours} h {rest:00}",
        };
    }
}
