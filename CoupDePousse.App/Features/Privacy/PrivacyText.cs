namespace CoupDePousse.App.Features.Privacy;

/// <summary>Marker for the privacy notice page's strings: French in PrivacyText.resx (neutral), English in PrivacyText.en.resx.</summary>
public sealed class PrivacyText;
