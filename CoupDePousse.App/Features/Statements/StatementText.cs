namespace CoupDePousse.App.Features.Statements;

/// <summary>Marker for the statements' strings: French in StatementText.resx (neutral), English in StatementText.en.resx.</summary>
public sealed class StatementText;
