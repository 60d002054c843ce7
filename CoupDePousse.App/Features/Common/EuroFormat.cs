using System.Globalization;

namespace CoupDePousse.App.Features.Common;

public static class EuroFormat
{
    /// <summary>Whole cents as euros in the current culture's layout ("1 234,50 €", "€1,234.50"): the currency stays the euro in English.</summary>
    public static string Format(long cents, CultureInfo? culture = null)
    {
        var format = (NumberFormatInfo)(culture ?? CultureInfo.CurrentCulture).NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return (cents / 100m).ToString("C", format);
    }
}
