using System.Globalization;

namespace CoupDePousse.Domain.Common;

/// <summary>What a number stands for: how it is typed, stored and described.</summary>
public enum NumberUnit
{
    /// <summary>A whole count (cases, a threshold).</summary>
    Count,

    /// <summary>Typed and stored as whole minutes.</summary>
    Minutes,

    /// <summary>Typed as decimal hours ("1,5"), stored as whole minutes.</summary>
    Hours,

    /// <summary>Typed as euros ("85,50"), stored as whole cents.</summary>
    Euros,

    Days,

    Months,

    /// <summary>A point on the 0–10 scale.</summary>
    Score,
}

/// <summary>The limits of one numeric field, in stored units (minutes, cents), and the step a value must fall on.</summary>
public sealed record NumberRule(NumberUnit Unit, int Minimum, int Maximum, int Step = 1)
{
    /// <summary>Whole minutes in quarters of an hour, from one quarter up to the given maximum.</summary>
    public static NumberRule Minutes(int maximumMinutes) => new(NumberUnit.Minutes, Durations.StepMinutes, maximumMinutes, Durations.StepMinutes);

    /// <summary>Hours typed with decimals, stored as minutes in quarters of an hour.</summary>
    public static NumberRule Hours(int minimumMinutes, int maximumMinutes) => new(NumberUnit.Hours, minimumMinutes, maximumMinutes, Durations.StepMinutes);

    public static NumberRule Euros(int minimumCents, int maximumCents) => new(NumberUnit.Euros, minimumCents, maximumCents);

    public static NumberRule Whole(int minimum, int maximum, NumberUnit unit = NumberUnit.Count) => new(unit, minimum, maximum);

    /// <summary>The one range-and-step check every layer applies: the form, the service and the domain.</summary>
    public bool Allows(int value) => value >= Minimum && value <= Maximum && value % Step == 0;
}

/// <summary>
/// The one way a typed number is read, in every form. French accepts a comma or a point as the decimal mark and spaces
/// between thousands; English a point, with commas or spaces between thousands. A single mark followed by exactly three
/// digits is refused in French as ambiguous ("1,500": one and a half, or fifteen hundred?). Exponents, signs after the
/// digits, NaN and anything else that is not a plain number are refused. A value off its step is explained, never rounded.
/// </summary>
public static class NumberInput
{
    // Longer than any number a field allows, short enough that a pasted document is refused before any work.
    private const int MaxLength = 40;

    public static Error Required { get; } = Build("number.required", _ => ("Saisissez un nombre.", "Enter a number."));

    /// <summary>The text read as a number in the field's unit and checked against its limits; the value in stored units (minutes, cents).</summary>
    public static Result<int> Parse(string? text, NumberRule rule, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Required;
        }

        var read = ReadDecimal(text, Language.IsEnglish(culture) ? Marks.English : Marks.Either);
        if (read.Error is { } error)
        {
            return error;
        }

        var typed = read.Value;
        if (rule.Unit is not (NumberUnit.Hours or NumberUnit.Euros) && decimal.Truncate(typed) != typed)
        {
            return Build("number.not_whole", _ => rule.Unit == NumberUnit.Minutes
                ? ("Les minutes se comptent en nombre entier (par exemple 45 ou 90).", "Minutes are a whole number (for example 45 or 90).")
                : ("Un nombre entier est attendu, sans décimales.", "A whole number is expected, without decimals."));
        }

        if (rule.Unit == NumberUnit.Euros && decimal.Round(typed, 2) != typed)
        {
            return Build("number.cents", _ => ("Deux décimales au plus (les centimes).", "Two decimals at most (the cents)."));
        }

        // Compared before any conversion, so that no product can overflow.
        var factor = rule.Unit switch { NumberUnit.Hours => 60m, NumberUnit.Euros => 100m, _ => 1m };
        if (typed < rule.Minimum / factor || typed > rule.Maximum / factor)
        {
            return OutOfRange(rule);
        }

        var stored = typed * factor;
        if (decimal.Truncate(stored) != stored)
        {
            return OffStep(rule, stored);
        }

        return Check((int)stored, rule) is { } refusal ? refusal : (int)stored;
    }

    /// <summary>The refusal of a stored value by its rule (out of range, off the step), or null.</summary>
    public static Error? Check(int value, NumberRule rule)
    {
        if (value < rule.Minimum || value > rule.Maximum)
        {
            return OutOfRange(rule);
        }

        return rule.Allows(value) ? null : OffStep(rule, value);
    }

    /// <summary>A stored value as the field shows it for editing, which <see cref="Parse"/> reads back to the same value.</summary>
    public static string Format(int value, NumberRule rule, CultureInfo culture) => rule.Unit switch
    {
        NumberUnit.Hours => (value / 60m).ToString("0.##", culture),
        NumberUnit.Euros => (value / 100m).ToString("0.00", culture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The field's limits in words ("from 15 min to 3 h, in quarters of an hour"), for the helper text under it.</summary>
    public static string Describe(NumberRule rule, CultureInfo culture)
    {
        var range = Language.Pick($"De {Show(rule.Minimum, rule, culture)} à {Show(rule.Maximum, rule, culture)}",
            $"From {Show(rule.Minimum, rule, culture)} to {Show(rule.Maximum, rule, culture)}", culture);
        return rule.Unit is NumberUnit.Minutes or NumberUnit.Hours
            ? range + Language.Pick(", par quarts d'heure", ", in quarters of an hour", culture)
            : range;
    }

    /// <summary>A stored value in words with its unit ("1 h 30", "85,50 €", "12 mois").</summary>
    public static string Show(int value, NumberRule rule, CultureInfo culture) => rule.Unit switch
    {
        NumberUnit.Minutes or NumberUnit.Hours => Durations.Format(value),
        NumberUnit.Euros => (value / 100m).ToString("N2", culture) + "\u00a0€",
        NumberUnit.Days => value.ToString("N0", culture) + Language.Pick(value > 1 ? " jours" : " jour", value == 1 ? " day" : " days", culture),
        NumberUnit.Months => value.ToString("N0", culture) + Language.Pick(" mois", value == 1 ? " month" : " months", culture),
        _ => value.ToString("N0", culture),
    };

    /// <summary>
    /// Text as a decimal, in either language's writing (the rule of <see cref="Money.ParseEuros"/>): null when it is not a
    /// plain number, when a mark is ambiguous, or when it is too long to be one.
    /// </summary>
    public static decimal? ParseDecimal(string? text) => ReadDecimal(text ?? "", Marks.Either) is { Error: null } read ? read.Value : null;

    private enum Marks
    {
        /// <summary>A comma or a point as the decimal mark (French, and amounts in either language).</summary>
        Either,

        /// <summary>A point as the decimal mark, commas between thousands.</summary>
        English,
    }

    private readonly record struct Reading(decimal Value, Error? Error);

    private static Reading ReadDecimal(string text, Marks marks)
    {
        var invalid = new Reading(0, Build("number.invalid", _ => (
            "Ce n'est pas un nombre : des chiffres seulement, avec une virgule ou un point pour les décimales.",
            "This is not a number: digits only, with a point for decimals.")));
        if (text.Length > MaxLength)
        {
            return invalid;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '€').ToArray());
        var digits = compact.StartsWith('-') || compact.StartsWith('+') ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(c => char.IsAsciiDigit(c) || c is ',' or '.') || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[^1]))
        {
            return invalid;
        }

        var mark = DecimalMark(digits, marks);
        if (mark is null)
        {
            return invalid;
        }

        if (mark == '?')
        {
            return new Reading(0, Build("number.ambiguous", _ => (
                "Séparateur ambigu : écrivez 1500 pour mille cinq cents, ou 1,5 pour un et demi.",
                "Ambiguous separator: write 1500 for fifteen hundred, or 1.5 for one and a half.")));
        }

        var thousands = mark == ',' ? '.' : ',';
        var decimalAt = mark is { } m && m != '\0' ? digits.LastIndexOf(m) : -1;
        var whole = decimalAt >= 0 ? digits[..decimalAt] : digits;
        var fraction = decimalAt >= 0 ? digits[(decimalAt + 1)..] : "";
        if (fraction.Contains(',') || fraction.Contains('.'))
        {
            return invalid;
        }

        if (whole.Contains(thousands))
        {
            var groups = whole.Split(thousands);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return invalid;
            }
        }

        var plain = (compact.StartsWith('-') ? "-" : "") + whole.Replace(thousands.ToString(), "") + (fraction.Length > 0 ? "." + fraction : "");
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new Reading(value, null)
            : new Reading(0, Build("number.too_large", _ => ("Ce nombre est bien trop grand.", "This number is far too large.")));
    }

    /// <summary>The decimal mark of the text: '\0' for none, '?' when it cannot be told, null when the marks make no number.</summary>
    private static char? DecimalMark(string digits, Marks marks)
    {
        var found = digits.Where(c => c is ',' or '.').ToList();
        if (found.Count == 0)
        {
            return '\0';
        }

        if (marks == Marks.English)
        {
            return found.Count(c => c == '.') switch { 0 => '\0', 1 => '.', _ => null };
        }

        if (found.Distinct().Count() == 2)
        {
            var last = found[^1];
            return found.Count(c => c == last) == 1 ? last : null;
        }

        if (found.Count > 1)
        {
            // One mark repeated groups thousands ("1.250.000").
            return found[0] == ',' ? '.' : ',';
        }

        return digits.Length - digits.IndexOf(found[0]) - 1 == 3 ? '?' : found[0];
    }

    private static Error OutOfRange(NumberRule rule) => Build("number.out_of_range", c => (
        $"Indiquez une valeur de {Show(rule.Minimum, rule, c.French)} à {Show(rule.Maximum, rule, c.French)}.",
        $"Enter a value from {Show(rule.Minimum, rule, c.English)} to {Show(rule.Maximum, rule, c.English)}."));

    private static Error OffStep(NumberRule rule, decimal stored)
    {
        var lower = (int)(decimal.Floor(stored / rule.Step) * rule.Step);
        var upper = lower + rule.Step;
        var typed = rule.Unit == NumberUnit.Hours ? decimal.Round(stored, 1).ToString("0.#", CultureInfo.InvariantCulture) + " min" : stored.ToString("0.##", CultureInfo.InvariantCulture);
        return rule.Unit is NumberUnit.Minutes or NumberUnit.Hours
            ? Build("number.step", c => (
                $"Les durées se comptent en quarts d'heure : {typed.Replace('.', ',')} n'est pas un multiple de {rule.Step} minutes (essayez {Show(lower, rule, c.French)} ou {Show(upper, rule, c.French)}).",
                $"Durations are counted in quarters of an hour: {typed} is not a multiple of {rule.Step} minutes (try {Show(lower, rule, c.English)} or {Show(upper, rule, c.English)})."))
            : Build("number.step", c => (
                $"La valeur doit être un multiple de {rule.Step} (essayez {Show(lower, rule, c.French)} ou {Show(upper, rule, c.French)}).",
                $"The value must be a multiple of {rule.Step} (try {Show(lower, rule, c.English)} or {Show(upper, rule, c.English)})."));
    }

    private readonly record struct Cultures(CultureInfo French, CultureInfo English);

    // Both sentences are written in their own culture's figures, whatever culture the caller reads them in.
    private static Error Build(string code, Func<Cultures, (string French, string English)> sentences)
    {
        var (french, english) = sentences(new Cultures(CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("en-US")));
        return new Error(code, french, english);
    }
}
