using CoupDePousse.Domain.Notifications;

namespace CoupDePousse.App.Data;

/// <summary>A kind of mail a person switched off; every kind is on until they do (the bell still shows it).</summary>
public sealed class MailPreference
{
    public required string UserId { get; init; }

    public required NotificationKind Kind { get; init; }
}
