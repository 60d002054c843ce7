namespace CoupDePousse.App.Features.Common;

/// <summary>Marker for the download button's words (DownloadText.resx, French; .en.resx, English).</summary>
public sealed class DownloadText;
