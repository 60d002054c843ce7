namespace CoupDePousse.App.Localization;

/// <summary>Marker for <c>IStringLocalizer&lt;SharedResource&gt;</c>: French in SharedResource.resx (neutral), English in SharedResource.en.resx.</summary>
public sealed class SharedResource;
