namespace CoupDePousse.App.Features.Common;

/// <summary>Marker for the time zones' names (TimeZoneText.resx, French; .en.resx, English), shared by every page that shows a time.</summary>
public sealed class TimeZoneText;
