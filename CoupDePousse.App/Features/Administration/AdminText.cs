namespace CoupDePousse.App.Features.Administration;

/// <summary>Marker for the administration's strings: French in AdminText.resx (neutral), English in AdminText.en.resx.</summary>
public sealed class AdminText;
