using CoupDePousse.App.Features.Meetings;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using Ical.Net;
using Ical.Net.CalendarComponents;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Meetings;

/// <summary>Calendar files of meetings, read back with Ical.Net: neutral events that follow the meeting through moves and cancellations.</summary>
public class MeetingCalendarTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly MeetingSlot MondayMorning = new(Monday, 60);
    private static readonly MeetingSlot MondayAfternoon = new(Monday.AddHours(5), 90);
    private const string VideoLink = "https://visio.example.org/abc";
    private const string Place = "Salle Curie, 2e étage";

    private static readonly MeetingCalendarTexts French = new("Coup de pousse — entretien préalable", "Coup de pousse — séance", "Par téléphone");
    private static readonly MeetingCalendarTexts English = new("Coup de pousse — preliminary interview", "Coup de pousse — session", "By phone");

    private static readonly CoachingCase Case = InSessions();

    private static Meeting Offered(MeetingKind kind = MeetingKind.Session, SessionMode mode = SessionMode.Video, string? place = null, string? link = VideoLink)
    {
        var coachingCase = kind == MeetingKind.Session ? Case : InPreliminaryInterview();
        return Meeting.Propose(Intervener, MeetingCase.Of(coachingCase), kind, [MondayMorning, MondayAfternoon], mode, place, link, MeetingAgenda.Empty, Now)
            .ShouldSucceed();
    }

    private static Meeting Confirmed(MeetingKind kind = MeetingKind.Session, SessionMode mode = SessionMode.Video, string? place = null, string? link = VideoLink)
    {
        var meeting = Offered(kind, mode, place, link);
        meeting.Pick(Beneficiary, MondayAfternoon, MeetingAgenda.Empty, Now).ShouldSucceed();
        return meeting;
    }

    private static CalendarEvent SingleEvent(string ics)
    {
        var calendar = Calendar.Load(ics)!;
        calendar.Events.Should().ContainSingle();
        return calendar.Events.Single();
    }

    [Fact]
    public void A_confirmed_meeting_is_one_published_event_at_its_time_in_utc()
    {
        var meeting = Confirmed();

        var ics = MeetingCalendar.Event(meeting, French);

        var calendar = Calendar.Load(ics)!;
        calendar.ProductId.Should().Be("-//CoupDePousse//Meetings//FR");
        calendar.Method.Should().Be("PUBLISH");
        var calendarEvent = calendar.Events.Should().ContainSingle().Subject;
        calendarEvent.Uid.Should().Be($"{meeting.Id}@coupdepousse");
        calendarEvent.DtStart!.IsUtc.Should().BeTrue();
        calendarEvent.DtStart.AsUtc.Should().Be(MondayAfternoon.StartsAt.UtcDateTime);
        calendarEvent.DtEnd!.IsUtc.Should().BeTrue();
        calendarEvent.DtEnd.AsUtc.Should().Be(MondayAfternoon.EndsAt.UtcDateTime);
        calendarEvent.DtStamp!.AsUtc.Should().Be(meeting.UpdatedAt.UtcDateTime);
        calendarEvent.Sequence.Should().Be(0);
        calendarEvent.Status.Should().Be("CONFIRMED");
        calendarEvent.Transparency.Should().Be("OPAQUE");
        ics.Should().Contain("DTSTART:20261123T140000Z").And.Contain("DTEND:20261123T153000Z");
    }

    [Fact]
    public void An_event_carries_a_neutral_title_and_nothing_of_the_case_or_its_people()
    {
        var session = Confirmed();
        var interview = Confirmed(MeetingKind.PreliminaryInterview, SessionMode.OnSite, Place, link: null);

        var outputs = new[]
        {
            MeetingCalendar.Event(session, French),
            MeetingCalendar.Event(interview, English),
            MeetingCalendar.Feed([session, interview], French, "Coup de pousse"),
        };

        SingleEvent(outputs[0]).Summary.Should().Be(French.SessionTitle);
        var forbidden = new[]
            {
                Situation, WorkImpact, CaseBuilder.BeneficiaryRef.Department, BeneficiaryId, IntervenerId, ManagerId, HrId, Case.Id.ToString(), session.CaseId.ToString(),
            }
            .Concat(Objectives.SelectMany(o => new[] { o.Statement, o.SuccessMeasure }));
        foreach (var ics in outputs)
        {
            foreach (var text in forbidden)
            {
                ics.Should().NotContain(text);
            }

            Calendar.Load(ics)!.Events.Should().OnlyContain(e => e.Description == null && e.Organizer == null && e.Attendees.Count == 0);
        }
    }

    [Fact]
    public void The_title_is_in_the_reader_language_for_an_interview_and_for_a_session()
    {
        var session = Confirmed();
        var interview = Confirmed(MeetingKind.PreliminaryInterview);

        SingleEvent(MeetingCalendar.Event(session, French)).Summary.Should().Be("Coup de pousse — séance");
        SingleEvent(MeetingCalendar.Event(interview, French)).Summary.Should().Be("Coup de pousse — entretien préalable");
        SingleEvent(MeetingCalendar.Event(session, English)).Summary.Should().Be("Coup de pousse — session");
        SingleEvent(MeetingCalendar.Event(interview, English)).Summary.Should().Be("Coup de pousse — preliminary interview");
    }

    [Fact]
    public void On_site_the_location_is_the_place_by_video_the_link_by_phone_the_words_for_it()
    {
        var onSite = SingleEvent(MeetingCalendar.Event(Confirmed(mode: SessionMode.OnSite, place: Place, link: null), French));
        onSite.Location.Should().Be(Place);
        onSite.Url.Should().BeNull();

        var video = SingleEvent(MeetingCalendar.Event(Confirmed(mode: SessionMode.Video), French));
        video.Location.Should().Be(VideoLink);
        video.Url.Should().Be(new Uri(VideoLink));

        var phone = SingleEvent(MeetingCalendar.Event(Confirmed(mode: SessionMode.Phone, link: null), English));
        phone.Location.Should().Be("By phone");
        phone.Url.Should().BeNull();
    }

    [Fact]
    public void A_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_the_new_time()
    {
        var meeting = Confirmed();
        var before = SingleEvent(MeetingCalendar.Event(meeting, French));
        var later = new MeetingSlot(Monday.AddDays(2), 60);

        meeting.Reschedule(Beneficiary, later, MeetingChangeReason.Availability, HoursBudget.DefaultMinutes, MeetingAgenda.Empty, Now.AddHours(1)).ShouldSucceed();
        var after = SingleEvent(MeetingCalendar.Event(meeting, French));

        after.Uid.Should().Be(before.Uid);
        after.Sequence.Should().Be(before.Sequence + 1);
        after.DtStart!.AsUtc.Should().Be(later.StartsAt.UtcDateTime);
        after.DtEnd!.AsUtc.Should().Be(later.EndsAt.UtcDateTime);
        after.DtStamp!.AsUtc.Should().Be(Now.AddHours(1).UtcDateTime);
        after.Status.Should().Be("CONFIRMED");
    }

    [Fact]
    public void A_cancelled_meeting_is_the_same_event_cancelled_in_a_higher_sequence()
    {
        var meeting = Confirmed();
        var before = SingleEvent(MeetingCalendar.Event(meeting, French));

        meeting.Cancel(Intervener, MeetingChangeReason.Illness, Now.AddHours(2)).ShouldSucceed();
        var after = SingleEvent(MeetingCalendar.Event(meeting, French));

        after.Uid.Should().Be(before.Uid);
        after.Sequence.Should().BeGreaterThan(before.Sequence);
        after.Status.Should().Be("CANCELLED");
        after.DtStart!.AsUtc.Should().Be(MondayAfternoon.StartsAt.UtcDateTime);
    }

    [Fact]
    public void A_held_meeting_stays_confirmed_and_a_late_cancellation_or_no_show_is_cancelled()
    {
        var held = Confirmed();
        held.MarkHeld(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();
        var late = Confirmed();
        late.Cancel(Beneficiary, MeetingChangeReason.Other, MondayAfternoon.StartsAt.AddHours(-2)).ShouldSucceed();
        late.Status.Should().Be(MeetingStatus.LateCancellation);
        var noShow = Confirmed();
        noShow.MarkNoShow(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();

        SingleEvent(MeetingCalendar.Event(held, French)).Status.Should().Be("CONFIRMED");
        SingleEvent(MeetingCalendar.Event(late, French)).Status.Should().Be("CANCELLED");
        SingleEvent(MeetingCalendar.Event(noShow, French)).Status.Should().Be("CANCELLED");
    }

    [Fact]
    public void The_feed_holds_one_event_per_meeting_with_a_confirmed_time_and_none_for_one_only_proposed()
    {
        var confirmed = Confirmed();
        var cancelled = Confirmed();
        cancelled.Cancel(Intervener, MeetingChangeReason.Other, Now).ShouldSucceed();
        var proposed = Offered();
        var waiting = Offered();
        waiting.AskForOtherSlots(Beneficiary, Now).ShouldSucceed();
        var cancelledBeforeAnyPick = Offered();
        cancelledBeforeAnyPick.Cancel(Intervener, MeetingChangeReason.Other, Now).ShouldSucceed();

        var ics = MeetingCalendar.Feed([confirmed, cancelled, proposed, waiting, cancelledBeforeAnyPick], English, "Coup de pousse");

        var calendar = Calendar.Load(ics)!;
        calendar.Events.Select(e => e.Uid).Should().BeEquivalentTo($"{confirmed.Id}@coupdepousse", $"{cancelled.Id}@coupdepousse");
        calendar.Events.Should().OnlyContain(e => e.DtStart!.AsUtc == MondayAfternoon.StartsAt.UtcDateTime);
        calendar.Properties["X-WR-CALNAME"]!.Value.Should().Be("Coup de pousse");
        foreach (var meeting in new[] { proposed, waiting, cancelledBeforeAnyPick })
        {
            ics.Should().NotContain(meeting.Id.ToString());
        }
    }

    [Fact]
    public void A_meeting_without_a_confirmed_time_has_no_event_to_download()
    {
        var download = () => MeetingCalendar.Event(Offered(), French);

        download.Should().Throw<ArgumentException>();
    }
}
