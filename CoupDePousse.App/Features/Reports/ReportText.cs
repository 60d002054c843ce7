namespace CoupDePousse.App.Features.Reports;

/// <summary>Marker for the report's strings: French in ReportText.resx (neutral), English in ReportText.en.resx.</summary>
public sealed class ReportText;
