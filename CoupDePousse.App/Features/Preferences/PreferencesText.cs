namespace CoupDePousse.App.Features.Preferences;

/// <summary>Marker for the preferences' strings: French in PreferencesText.resx (neutral), English in PreferencesText.en.resx.</summary>
public sealed class PreferencesText;
