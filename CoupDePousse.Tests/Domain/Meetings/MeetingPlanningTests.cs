using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Meetings;

/// <summary>Planning a meeting: who may offer, pick, move, cancel and record it, at which step, within which budget and time.</summary>
public class MeetingPlanningTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly MeetingSlot MondayMorning = new(Monday, 60);
    private static readonly MeetingSlot MondayAfternoon = new(Monday.AddHours(5), 60);
    private const string VideoLink = "https://visio.example.org/abc";

    private static MeetingCase Interviewing => MeetingCase.Of(InPreliminaryInterview());

    private static MeetingCase Sessions(int usedMinutes = 60) => MeetingCase.Of(InSessions(minutes: usedMinutes));

    private static Result<Meeting> Offer(MeetingCase coachingCase, MeetingKind kind = MeetingKind.Session, Actor? actor = null, MeetingAgenda? agenda = null,
        SessionMode mode = SessionMode.Video, string? place = null, string? link = VideoLink, params MeetingSlot[] slots) =>
        Meeting.Propose(actor ?? Intervener, coachingCase, kind, slots.Length == 0 ? [MondayMorning, MondayAfternoon] : slots, mode, place, link,
            agenda ?? MeetingAgenda.Empty, Now);

    private static Meeting Confirmed(MeetingKind kind = MeetingKind.Session)
    {
        var meeting = Offer(kind == MeetingKind.Session ? Sessions() : Interviewing, kind).ShouldSucceed();
        meeting.Pick(Beneficiary, MondayAfternoon, MeetingAgenda.Empty, Now).ShouldSucceed();
        return meeting;
    }

    [Fact]
    public void The_assigned_intervener_offers_slots_and_the_beneficiary_picks_one()
    {
        var meeting = Offer(Sessions()).ShouldSucceed();
        meeting.Status.Should().Be(MeetingStatus.Proposed);
        meeting.OfferedSlots.Should().Equal(MondayMorning, MondayAfternoon);

        meeting.Pick(Beneficiary, MondayAfternoon, MeetingAgenda.Empty, Now).ShouldSucceed();

        meeting.Status.Should().Be(MeetingStatus.Confirmed);
        meeting.Confirmed.Should().Be(MondayAfternoon);
        meeting.Sequence.Should().Be(0, "a first confirmation is the event's first version");
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Admin)]
    public void Only_the_assigned_intervener_offers_slots(Who who)
    {
        Offer(Sessions(), actor: Of(who)).ShouldBeRefusedWith(MeetingErrors.NotAllowed);
    }

    [Fact]
    public void The_interview_is_planned_while_it_is_due_and_sessions_once_the_objectives_are_set()
    {
        Offer(Interviewing, MeetingKind.PreliminaryInterview).ShouldSucceed();
        Offer(MeetingCase.Of(InterviewHeld()), MeetingKind.PreliminaryInterview).ShouldBeRefusedWith(MeetingErrors.WrongState);
        Offer(Interviewing, MeetingKind.Session).ShouldBeRefusedWith(MeetingErrors.WrongState);
        Offer(MeetingCase.Of(Accepted()), MeetingKind.Session).ShouldBeRefusedWith(MeetingErrors.WrongState);
        Offer(MeetingCase.Of(ObjectivesSet()), MeetingKind.Session).ShouldSucceed();
        Offer(MeetingCase.Of(Closed()), MeetingKind.Session).ShouldBeRefusedWith(MeetingErrors.WrongState); // its intervener still, no longer the step
    }

    [Fact]
    public void A_session_that_would_not_fit_in_the_budget_left_is_refused_at_planning()
    {
        var budget = HoursBudget.DefaultMinutes;
        var coachingCase = Sessions(usedMinutes: budget - 90);

        Offer(coachingCase, slots: [new MeetingSlot(Monday, 90)]).ShouldSucceed();
        Offer(coachingCase, slots: [new MeetingSlot(Monday, 105)]).ShouldBeRefusedWith(MeetingErrors.OverBudget);
        Offer(coachingCase, agenda: new MeetingAgenda([], 60), slots: [new MeetingSlot(Monday, 60)])
            .ShouldBeRefusedWith(MeetingErrors.OverBudget); // an hour is already planned in another session
        Offer(coachingCase, MeetingKind.Session, agenda: new MeetingAgenda([], 60), slots: [new MeetingSlot(Monday, 30)]).ShouldSucceed();
    }

    [Fact]
    public void A_slot_overlapping_another_meeting_of_the_intervener_is_refused_and_so_is_a_pick_of_one_taken_since()
    {
        var busy = new MeetingAgenda([new MeetingSlot(Monday.AddMinutes(30), 60)], 0);
        Offer(Sessions(), agenda: busy).ShouldBeRefusedWith(MeetingErrors.IntervenerBusy);
        Offer(Sessions(), agenda: new MeetingAgenda([new MeetingSlot(Monday.AddMinutes(60), 60)], 0)).ShouldSucceed("back to back is not an overlap");

        var meeting = Offer(Sessions()).ShouldSucceed();
        meeting.Pick(Beneficiary, MondayMorning, busy, Now).ShouldBeRefusedWith(MeetingErrors.IntervenerBusy);
        meeting.Status.Should().Be(MeetingStatus.Proposed);
    }

    [Fact]
    public void Slots_are_in_the_future_in_quarter_hours_within_the_longest_meeting_and_do_not_overlap_each_other()
    {
        Offer(Sessions(), slots: [new MeetingSlot(Now.AddMinutes(-15), 60)]).ShouldBeRefusedWith(MeetingErrors.SlotInPast);
        Offer(Sessions(), slots: [new MeetingSlot(Monday, 50)]).ShouldBeRefusedWith(MeetingErrors.InvalidDuration);
        Offer(Sessions(), slots: [new MeetingSlot(Monday, CoachingCase.MaxSessionMinutes + 15)]).ShouldBeRefusedWith(MeetingErrors.InvalidDuration);
        Offer(Interviewing, MeetingKind.PreliminaryInterview, slots: [new MeetingSlot(Monday, CoachingCase.MaxInterviewMinutes + 15)])
            .ShouldBeRefusedWith(MeetingErrors.InvalidDuration);
        Offer(Sessions(), slots: [MondayMorning, new MeetingSlot(Monday.AddMinutes(45), 60)]).ShouldBeRefusedWith(MeetingErrors.SlotsOverlap);
        Offer(Sessions(), slots: Enumerable.Range(0, Meeting.MaxSlots + 1).Select(d => new MeetingSlot(Monday.AddDays(d), 60)).ToArray())
            .ShouldBeRefusedWith(MeetingErrors.NoSlot);
    }

    [Fact]
    public void An_on_site_meeting_needs_a_place_a_video_one_an_https_link_and_a_phone_call_neither()
    {
        Offer(Sessions(), mode: SessionMode.OnSite, link: null).ShouldBeRefusedWith(MeetingErrors.PlaceRequired);
        Offer(Sessions(), mode: SessionMode.OnSite, place: new string('p', TextLimits.MeetingPlace + 1)).ShouldBeRefusedWith(TextErrors.TooLong);
        Offer(Sessions(), mode: SessionMode.OnSite, place: "Salle \u202ECurie").ShouldBeRefusedWith(TextErrors.BidiControl);
        Offer(Sessions(), mode: SessionMode.OnSite, place: "   ").ShouldBeRefusedWith(MeetingErrors.PlaceRequired);
        Offer(Sessions(), mode: SessionMode.Video, link: "http://visio.example.org/abc").ShouldBeRefusedWith(MeetingErrors.LinkRequired);
        Offer(Sessions(), mode: SessionMode.Video, link: "javascript:alert(1)").ShouldBeRefusedWith(MeetingErrors.LinkRequired);

        var onSite = Offer(Sessions(), mode: SessionMode.OnSite, place: "  Salle Curie, 2e étage ", link: VideoLink).ShouldSucceed();
        onSite.Place.Should().Be("Salle Curie, 2e étage");
        onSite.Link.Should().BeNull("only a video meeting keeps a link");
        var phone = Offer(Sessions(), mode: SessionMode.Phone, link: VideoLink).ShouldSucceed();
        phone.Place.Should().BeNull();
        phone.Link.Should().BeNull();
    }

    [Fact]
    public void The_beneficiary_may_ask_for_other_slots_and_the_intervener_offers_new_ones()
    {
        var meeting = Offer(Sessions()).ShouldSucceed();
        meeting.AskForOtherSlots(Intervener, Now).ShouldBeRefusedWith(MeetingErrors.NotAllowed);

        meeting.AskForOtherSlots(Beneficiary, Now).ShouldSucceed();
        meeting.Status.Should().Be(MeetingStatus.OtherSlotsRequested);
        meeting.Pick(Beneficiary, MondayMorning, MeetingAgenda.Empty, Now).ShouldBeRefusedWith(MeetingErrors.NotAllowed);

        var tuesday = new MeetingSlot(Monday.AddDays(1), 90);
        meeting.OfferOtherSlots(Intervener, [tuesday], HoursBudget.DefaultMinutes, MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.Status.Should().Be(MeetingStatus.Proposed);
        meeting.Pick(Beneficiary, MondayMorning, MeetingAgenda.Empty, Now).ShouldBeRefusedWith(MeetingErrors.UnknownSlot);
        meeting.Pick(Beneficiary, tuesday, MeetingAgenda.Empty, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(Who.Beneficiary, true)]
    [InlineData(Who.Intervener, true)]
    [InlineData(Who.Hr, false)]
    [InlineData(Who.Manager, false)]
    [InlineData(Who.OtherIntervener, false)]
    public void Either_participant_moves_a_confirmed_meeting_and_each_move_is_a_new_version_for_calendars(Who who, bool allowed)
    {
        var meeting = Confirmed();
        var later = new MeetingSlot(Monday.AddDays(2), 60);

        var moved = meeting.Reschedule(Of(who), later, MeetingChangeReason.Availability, HoursBudget.DefaultMinutes, MeetingAgenda.Empty, Now);

        if (allowed)
        {
            moved.ShouldSucceed();
            meeting.Confirmed.Should().Be(later);
            meeting.Sequence.Should().Be(1);
            meeting.LastChangeReason.Should().Be(MeetingChangeReason.Availability);
        }
        else
        {
            moved.ShouldBeRefusedWith(MeetingErrors.NotAllowed);
            meeting.Confirmed.Should().Be(MondayAfternoon);
            meeting.Sequence.Should().Be(0);
        }
    }

    [Fact]
    public void A_move_is_checked_like_a_new_slot_budget_and_agenda_included()
    {
        var meeting = Confirmed();

        meeting.Reschedule(Intervener, new MeetingSlot(Monday.AddDays(1), 120), MeetingChangeReason.Other, 90, MeetingAgenda.Empty, Now)
            .ShouldBeRefusedWith(MeetingErrors.OverBudget);
        meeting.Reschedule(Beneficiary, MondayMorning, MeetingChangeReason.Other, 600, new MeetingAgenda([MondayMorning], 0), Now)
            .ShouldBeRefusedWith(MeetingErrors.IntervenerBusy);
        meeting.Reschedule(Beneficiary, MondayMorning, (MeetingChangeReason)42, 600, MeetingAgenda.Empty, Now).ShouldBeRefusedWith(MeetingErrors.UnknownChoice);
        meeting.Confirmed.Should().Be(MondayAfternoon);
    }

    [Fact]
    public void A_cancellation_by_the_beneficiary_less_than_a_day_before_is_late_one_by_the_intervener_never()
    {
        var early = Confirmed();
        early.Cancel(Beneficiary, MeetingChangeReason.Illness, MondayAfternoon.StartsAt.AddHours(-25)).ShouldSucceed();
        early.Status.Should().Be(MeetingStatus.Cancelled);
        early.Sequence.Should().Be(1, "calendars remove a cancelled event through a new version");

        var late = Confirmed();
        late.Cancel(Beneficiary, MeetingChangeReason.Illness, MondayAfternoon.StartsAt.AddHours(-23)).ShouldSucceed();
        late.Status.Should().Be(MeetingStatus.LateCancellation);

        var byIntervener = Confirmed();
        byIntervener.Cancel(Intervener, MeetingChangeReason.Illness, MondayAfternoon.StartsAt.AddHours(-1)).ShouldSucceed();
        byIntervener.Status.Should().Be(MeetingStatus.Cancelled);

        byIntervener.Cancel(Intervener, MeetingChangeReason.Other, Now).ShouldBeRefusedWith(MeetingErrors.NotAllowed); // it is no longer open
        Confirmed().Cancel(Hr, MeetingChangeReason.Other, Now).ShouldBeRefusedWith(MeetingErrors.NotAllowed);
    }

    [Fact]
    public void Once_started_the_intervener_records_the_meeting_as_held_with_its_duration_or_as_a_no_show()
    {
        var meeting = Confirmed();
        meeting.MarkHeld(Intervener, MondayAfternoon.StartsAt.AddMinutes(-1)).ShouldBeRefusedWith(MeetingErrors.NotYetStarted);
        meeting.MarkHeld(Beneficiary, MondayAfternoon.StartsAt).ShouldBeRefusedWith(MeetingErrors.NotAllowed);

        meeting.MarkHeld(Intervener, MondayAfternoon.EndsAt).ShouldSucceed().Should().Be(60);
        meeting.Status.Should().Be(MeetingStatus.Held);
        meeting.MarkNoShow(Intervener, MondayAfternoon.EndsAt).ShouldBeRefusedWith(MeetingErrors.NotAllowed);

        var missed = Confirmed();
        missed.MarkNoShow(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();
        missed.Status.Should().Be(MeetingStatus.NoShow);
        Offer(Sessions()).ShouldSucceed().MarkHeld(Intervener, MondayAfternoon.EndsAt).ShouldBeRefusedWith(MeetingErrors.NotAllowed); // nothing was confirmed
    }

    [Fact]
    public void A_missed_session_uses_up_its_planned_time_only_when_the_admin_says_so()
    {
        var noShow = Confirmed();
        noShow.MarkNoShow(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();
        var late = Confirmed();
        late.Cancel(Beneficiary, MeetingChangeReason.Other, MondayAfternoon.StartsAt.AddHours(-2)).ShouldSucceed();
        var cancelled = Confirmed();
        cancelled.Cancel(Intervener, MeetingChangeReason.Other, MondayAfternoon.StartsAt.AddHours(-2)).ShouldSucceed();
        var interview = Confirmed(MeetingKind.PreliminaryInterview);
        interview.MarkNoShow(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();

        noShow.MinutesConsumed(MissedMeetingPolicy.Default).Should().Be(0, "by default a missed session costs nothing");
        noShow.MinutesConsumed(new MissedMeetingPolicy(true)).Should().Be(60);
        late.MinutesConsumed(new MissedMeetingPolicy(true)).Should().Be(60);
        cancelled.MinutesConsumed(new MissedMeetingPolicy(true)).Should().Be(0, "a cancellation in time, or by the intervener, never costs");
        interview.MinutesConsumed(new MissedMeetingPolicy(true)).Should().Be(0, "the interview is not taken from the budget");
    }

    [Fact]
    public void Open_meetings_hold_their_longest_slot_in_the_budget_until_confirmed()
    {
        var meeting = Offer(Sessions(), slots: [MondayMorning, new MeetingSlot(Monday.AddDays(1), 120)]).ShouldSucceed();
        meeting.IsOpen.Should().BeTrue();
        meeting.PlannedMinutes.Should().Be(120);

        meeting.Pick(Beneficiary, MondayMorning, MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.PlannedMinutes.Should().Be(60);
    }
}
