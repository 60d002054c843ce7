namespace CoupDePousse.App.Data;

/// <summary>A person read a version of the privacy notice (information, not consent): one row per person and version, never changed.</summary>
public sealed class PrivacyAcknowledgement
{
    public required string UserId { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset AcknowledgedAt { get; init; }
}
