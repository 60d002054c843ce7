using System.Text;
using CoupDePousse.App.Security;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Meetings;

public static class MeetingCalendarEndpoint
{
    public static string EventPath(Guid meetingId) => $"/meetings/{meetingId}/calendar.ics";

    /// <summary>One meeting as an .ics file, for its two participants only; anyone else gets a 404, as if it did not exist.</summary>
    public static IEndpointConventionBuilder MapMeetingCalendar(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/meetings/{meetingId:guid}/calendar.ics", async (
            Guid meetingId, HttpContext context, MeetingService meetings, IStringLocalizer<MeetingText> texts) =>
        {
            var user = CurrentUser.FromPrincipal(context.User);
            if (user is null)
            {
                return Results.NotFound();
            }

            var meeting = await meetings.FindForParticipantAsync(user.ToActor(), meetingId, context.RequestAborted);
            if (meeting is null || meeting.Confirmed is null)
            {
                return Results.NotFound();
            }

            var calendar = MeetingCalendar.Event(meeting, CalendarTexts(texts));
            return Results.File(Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", "coup-de-pousse.ics");
        }).RequireAuthorization();

    /// <summary>The neutral words of calendar events, in the reader's language: never anything of the case.</summary>
    public static MeetingCalendarTexts CalendarTexts(IStringLocalizer<MeetingText> texts) =>
        new(texts["Calendar.Interview"], texts["Calendar.Session"], texts["Calendar.Phone"]);
}
