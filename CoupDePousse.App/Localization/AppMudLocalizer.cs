using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CoupDePousse.App.Localization;

/// <summary>
/// MudBlazor's own messages ("Required", "Not a valid number"...) in the page's language: MudBlazor asks this localizer
/// for every culture but English, and falls back to its English text only for a key this application does not translate.
/// The keys live in <see cref="SharedResource"/> as "MudBlazor.{MudBlazor's key}".
/// </summary>
internal sealed class AppMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public const string Prefix = "MudBlazor.";

    /// <summary>The MudBlazor messages this application translates (checked by ResourceTests).</summary>
    public static readonly IReadOnlySet<string> Translated = new HashSet<string>(StringComparer.Ordinal)
    {
        "MudBlazor.MudFormComponent_Required", "MudBlazor.Converter_InvalidNumber", "MudBlazor.Converter_InvalidDateTime",
        "MudBlazor.Converter_InvalidTimeSpan", "MudBlazor.Converter_InvalidBoolean", "MudBlazor.Converter_ConversionError",
        "MudBlazor.Converter_NotValueOf",
    };

    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var resourceKey = Prefix + key;
        if (!Translated.Contains(resourceKey))
        {
            return new LocalizedString(key, key, resourceNotFound: true);
        }

        var translated = localizer[resourceKey, arguments];
        return new LocalizedString(key, translated.Value, translated.ResourceNotFound);
    }
}
