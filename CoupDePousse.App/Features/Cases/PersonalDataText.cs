namespace CoupDePousse.App.Features.Cases;

/// <summary>Marker for <c>IStringLocalizer&lt;PersonalDataText&gt;</c>: "My data" and the notes export, French neutral, English satellite.</summary>
public sealed class PersonalDataText;
