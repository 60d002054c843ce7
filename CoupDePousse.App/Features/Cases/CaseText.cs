namespace CoupDePousse.App.Features.Cases;

/// <summary>Marker for <c>IStringLocalizer&lt;CaseText&gt;</c>: French in CaseText.resx (neutral), English in CaseText.en.resx.</summary>
public sealed class CaseText;
