using System.Globalization;

namespace CoupDePousse.Domain.Common;

/// <summary>The product speaks French first and English second; this is the one place that chooses.</summary>
public static class Language
{
    public static bool IsEnglish(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en";

    public static string Pick(string french, string english, CultureInfo? culture = null) =>
        IsEnglish(culture) ? english : french;
}
