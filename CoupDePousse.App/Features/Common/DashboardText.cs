namespace CoupDePousse.App.Features.Common;

/// <summary>Marker for the dashboards' strings: French in DashboardText.resx (neutral), English in DashboardText.en.resx.</summary>
public sealed class DashboardText;
