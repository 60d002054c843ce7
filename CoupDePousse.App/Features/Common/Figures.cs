using System.Globalization;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Common;

/// <summary>
/// Every number and date a page shows, written in the page's culture (decision 043): counts with the culture's thousands
/// separator ("24 999" with a narrow no-break space in French, "24,999" in English), hours and minutes, euros, shares and
/// dates. Exports keep their own machine-friendly layout (decision 035).
/// </summary>
public static class Figures
{
    private static CultureInfo Page(CultureInfo? culture) => culture ?? CultureInfo.CurrentCulture;

    /// <summary>A count: "24 999", "24,999".</summary>
    public static string Count(long count, CultureInfo? culture = null) => count.ToString("N0", Page(culture));

    /// <summary>A count, or the given words where the small-group rule withholds it.</summary>
    public static string Count(int? count, string withheld, CultureInfo? culture = null) => count is { } value ? Count(value, culture) : withheld;

    /// <summary>Whole minutes as hours and minutes, the domain's style ("217 533 h 45", "45 min", "6 h").</summary>
    public static string Hours(int minutes, CultureInfo? culture = null) => Durations.Format(minutes, Page(culture));

    /// <summary>Whole cents as euros in the culture's layout ("12 500,50 €", "€12,500.50"): the currency stays the euro in English.</summary>
    public static string Euros(long cents, CultureInfo? culture = null)
    {
        var format = (NumberFormatInfo)Page(culture).NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return (cents / 100m).ToString("C", format);
    }

    /// <summary>A share of a whole (0.42) as a percentage ("42 %", "42%").</summary>
    public static string Share(double share, CultureInfo? culture = null) => share.ToString("P0", Page(culture));

    /// <summary>A whole percentage (42) as the culture writes it ("42 %", "42%").</summary>
    public static string Percent(int percent, CultureInfo? culture = null) => (percent / 100m).ToString("P0", Page(culture));

    /// <summary>A measure with the given number of decimals, grouped ("1 234,5"); <paramref name="optional"/> drops a zero decimal ("3" rather than "3,0").</summary>
    public static string Decimal(double value, int decimals = 1, bool optional = false, CultureInfo? culture = null) =>
        value.ToString(optional ? "#,##0." + new string('#', decimals) : "N" + decimals, Page(culture));

    /// <summary>A short date of an instant, on the server's clock as the case pages have always shown them.</summary>
    public static string Date(DateTimeOffset at, CultureInfo? culture = null) => at.ToLocalTime().ToString("d", Page(culture));

    public static string Date(DateOnly date, CultureInfo? culture = null) => date.ToString("d", Page(culture));

    /// <summary>A short date of a time already in the reader's zone.</summary>
    public static string Date(DateTime local, CultureInfo? culture = null) => local.ToString("d", Page(culture));

    /// <summary>A short date and time of an instant, on the server's clock.</summary>
    public static string DateTime(DateTimeOffset at, CultureInfo? culture = null) => at.ToLocalTime().ToString("g", Page(culture));

    /// <summary>A short date and time already in the reader's zone.</summary>
    public static string DateTime(DateTime local, CultureInfo? culture = null) => local.ToString("g", Page(culture));

    public static string Time(TimeOnly time, CultureInfo? culture = null) => time.ToString("t", Page(culture));

    /// <summary>"mardi 1 décembre 2026, 14:00": a meeting's moment in full, already in the reader's zone.</summary>
    public static string LongDateTime(DateTime local, CultureInfo? culture = null) => local.ToString("dddd d MMMM yyyy, HH:mm", Page(culture));

    /// <summary>"1 décembre 2026, 14:00", already in the reader's zone.</summary>
    public static string DayDateTime(DateTime local, CultureInfo? culture = null) => local.ToString("d MMMM yyyy, HH:mm", Page(culture));

    /// <summary>"mar. 1 déc., 14:00": a slot in a short list, already in the reader's zone.</summary>
    public static string SlotDateTime(DateTime local, CultureInfo? culture = null) => local.ToString("ddd d MMM, HH:mm", Page(culture));

    /// <summary>"Décembre 2026".</summary>
    public static string Month(DateOnly firstDay, CultureInfo? culture = null)
    {
        var page = Page(culture);
        return page.TextInfo.ToTitleCase(firstDay.ToString("MMMM yyyy", page));
    }

    /// <summary>A table pager's "{first_item}–{last_item} of {all_items}" with its numbers grouped (MudBlazor writes them bare).</summary>
    public static string Pager(string format, int page, int pageSize, int shown, int total, CultureInfo? culture = null)
    {
        var first = shown == 0 ? 0 : ((long)Math.Max(1, page) - 1) * pageSize + 1;
        var last = shown == 0 ? 0 : first + shown - 1;
        return format.Replace("{first_item}", Count(first, culture), StringComparison.Ordinal)
            .Replace("{last_item}", Count(last, culture), StringComparison.Ordinal)
            .Replace("{all_items}", Count(total, culture), StringComparison.Ordinal);
    }

    /// <summary>A change with its sign ("+1,5", "−0,5", "0,0").</summary>
    public static string Change(double change, CultureInfo? culture = null) => change.ToString("+#,##0.0;−#,##0.0;0.0", Page(culture));

    public static string Decimal(decimal value, int decimals, CultureInfo? culture = null) => value.ToString("N" + decimals, Page(culture));
}
