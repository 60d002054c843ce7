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
    public static decimal? ParseEuros(string? text)
    {
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray());
        var marks = compact.Where(c => c is ',' or '.').ToList();
        char? decimalMark = null, thousands = null;
        if (marks.Distinct().Count() == 2)
        {
            decimalMark = marks[^1];
            thousands = decimalMark == ',' ? '.' : ',';
            if (marks.Count(c => c == decimalMark) > 1)
            {
                return null;
            }
        }
        else if (marks.Count > 1)
        {
            thousands = marks[0];
        }
        else if (marks.Count == 1)
        {
            if (compact.Length - compact.IndexOf(marks[0]) - 1 == 3)
            {
                return null;
            }

            decimalMark = marks[0];
        }

        var whole = decimalMark is { } mark ? compact[..compact.LastIndexOf(mark)] : compact;
        if (thousands is { } separator)
        {
            var groups = whole.TrimStart('-', '+').Split(separator);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return null;
            }

            compact = compact.Replace(separator.ToString(), "");
        }

        compact = compact.Replace(',', '.');
        return compact.Length > 0
            && decimal.TryParse(compact, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var euros)
            && decimal.Round(euros, 2) == euros
            ? euros
            : null;
    }

    // Beyond any int of cents, yet small enough that multiplying by 100 cannot overflow a decimal.
    private const decimal SaturatingEuros = int.MaxValue / 100m + 1;
}
