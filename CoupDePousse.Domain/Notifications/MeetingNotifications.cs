using CoupDePousse.Domain.Meetings;

namespace CoupDePousse.Domain.Notifications;

/// <summary>
/// Who is told about a meeting's change: the other participant, and nobody else (HR and the manager never hear of
/// meetings). Recording what happened (held, no-show) tells nobody: the case's own change does.
/// </summary>
public static class MeetingNotifications
{
    public static Addressee? For(Meeting meeting) =>
        meeting.LastEvent is { } happened ? For(happened, meeting.BeneficiaryId, meeting.IntervenerId) : null;

    public static Addressee? For(MeetingEvent happened, string beneficiaryId, string intervenerId)
    {
        NotificationKind? kind = happened.Kind switch
        {
            MeetingEventKind.Proposed or MeetingEventKind.OtherSlotsOffered => NotificationKind.MeetingProposed,
            MeetingEventKind.OtherSlotsRequested => NotificationKind.OtherSlotsRequested,
            MeetingEventKind.Confirmed => NotificationKind.MeetingConfirmed,
            MeetingEventKind.Moved => NotificationKind.MeetingMoved,
            MeetingEventKind.Cancelled => NotificationKind.MeetingCancelled,
            _ => null,
        };
        var other = happened.ActorId == beneficiaryId ? intervenerId : beneficiaryId;
        return kind is { } told && other != happened.ActorId ? new Addressee(other, told) : null;
    }
}
