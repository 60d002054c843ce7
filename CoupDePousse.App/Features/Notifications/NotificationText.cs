namespace CoupDePousse.App.Features.Notifications;

/// <summary>Marker for the notifications' strings: French in NotificationText.resx (neutral), English in NotificationText.en.resx.</summary>
public sealed class NotificationText;
