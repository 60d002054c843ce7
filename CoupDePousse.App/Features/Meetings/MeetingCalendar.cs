using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CoupDePousse.App.Features.Meetings;

/// <summary>The words of a calendar event, in the reader's language: neutral titles only, since a calendar is seen by more than its owner.</summary>
public sealed record MeetingCalendarTexts(string InterviewTitle, string SessionTitle, string ByPhone);

/// <summary>
/// Meetings as iCalendar (RFC 5545) text: an event carries a neutral title, the time and where to meet, never the
/// case's content or the people in it. The UID lives as long as the meeting, so a move or a cancellation updates the
/// event a calendar already holds.
/// </summary>
public static class MeetingCalendar
{
    public const string ProductId = "-//CoupDePousse//Meetings//FR";

    /// <summary>One meeting's <c>.ics</c> download; the meeting must have a confirmed time.</summary>
    public static string Event(Meeting meeting, MeetingCalendarTexts texts)
    {
        if (meeting.Confirmed is null)
        {
            throw new ArgumentException("Only a meeting with a confirmed time becomes a calendar event.", nameof(meeting));
        }

        // PUBLISH, not REQUEST: REQUEST is an iTIP invitation that needs ORGANIZER and ATTENDEE (people's identities) and asks for a reply.
        var calendar = NewCalendar();
        calendar.Events.Add(ToEvent(meeting, texts));
        return Serialize(calendar);
    }

    /// <summary>A person's subscription feed: every meeting with a confirmed time, cancelled ones included so that calendars remove them.</summary>
    public static string Feed(IEnumerable<Meeting> meetings, MeetingCalendarTexts texts, string calendarName)
    {
        var calendar = NewCalendar();
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var meeting in meetings.Where(m => m.Confirmed is not null).OrderBy(m => m.Confirmed!.StartsAt))
        {
            calendar.Events.Add(ToEvent(meeting, texts));
        }

        return Serialize(calendar);
    }

    private static Calendar NewCalendar() => new() { ProductId = ProductId, Method = CalendarMethods.Publish };

    private static CalendarEvent ToEvent(Meeting meeting, MeetingCalendarTexts texts)
    {
        var slot = meeting.Confirmed!;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{meeting.Id}@coupdepousse",
            Sequence = meeting.Sequence,
            DtStamp = Utc(meeting.UpdatedAt),
            DtStart = Utc(slot.StartsAt),
            DtEnd = Utc(slot.EndsAt),
            Summary = meeting.Kind == MeetingKind.PreliminaryInterview ? texts.InterviewTitle : texts.SessionTitle,
            Location = meeting.Mode switch
            {
                SessionMode.OnSite => meeting.Place,
                SessionMode.Video => meeting.Link,
                _ => texts.ByPhone,
            },
            Status = meeting.Status is MeetingStatus.Confirmed or MeetingStatus.Held ? EventStatus.Confirmed : EventStatus.Cancelled,
            Transparency = TransparencyType.Opaque,
        };
        if (meeting.Mode == SessionMode.Video && meeting.Link is not null)
        {
            calendarEvent.Url = new Uri(meeting.Link);
        }

        return calendarEvent;
    }

    private static CalDateTime Utc(DateTimeOffset moment) => new(moment.UtcDateTime);

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
