using CoupDePousse.Domain.Notifications;

namespace CoupDePousse.App.Features.Notifications;

/// <summary>One line under the bell: what kind of thing, when, where it leads, and whether it was read. No case content.</summary>
public sealed record NotificationLine(Guid Id, NotificationKind Kind, DateTimeOffset CreatedAt, string Link, bool IsRead);

/// <summary>How often the bell asks for the unread count while a page stays open.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public int PollSeconds { get; set; } = 20;
}

/// <summary>Shared by the bell and the notifications page of one circuit: the page says when it read lines, the bell recounts.</summary>
public sealed class NotificationState
{
    public event Func<Task>? Changed;

    public async Task ChangedAsync()
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<Task>>() ?? [])
        {
            await handler();
        }
    }
}
