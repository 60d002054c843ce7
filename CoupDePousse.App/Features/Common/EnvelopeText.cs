namespace CoupDePousse.App.Features.Common;

/// <summary>Marker for the envelope editor's strings (EnvelopeText.resx, French; .en.resx, English), shared by HR's home and the admin's budget tab.</summary>
public sealed class EnvelopeText;
