using CoupDePousse.Domain.Cases;

namespace CoupDePousse.Domain.Notifications;

/// <summary>
/// Who is told about the beneficiary's journal (decision 025): the case's intervener, that an entry is now shared with them,
/// once per entry; never what it says, and nobody else. Writing, editing or taking an entry back tells nobody.
/// </summary>
public static class JournalNotifications
{
    public static Addressee? ForSharing(JournalEntry entry, bool wasShared, string? intervenerId) =>
        entry.SharedWithIntervener && !wasShared && intervenerId is { } told && told != entry.AuthorId
            ? new Addressee(told, NotificationKind.JournalEntryShared)
            : null;

    /// <summary>Shared, taken back and shared again, an entry tells its intervener once: the key the database holds unique per person.</summary>
    public static string SharingKey(Guid entryId) => $"journal-shared:{entryId:N}";
}
