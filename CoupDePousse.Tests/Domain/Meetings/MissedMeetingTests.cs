using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Meetings;

/// <summary>The admin's missed-meeting policy made real: a beneficiary's no-show or late cancellation uses up its planned time only when it says so.</summary>
public class MissedMeetingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly MeetingSlot Slot = new(Monday, 90);
    private static readonly MissedMeetingPolicy Consumes = new(true);

    private static (CoachingCase Case, Meeting Meeting) Confirmed(MeetingKind kind = MeetingKind.Session)
    {
        var coachingCase = kind == MeetingKind.Session ? InSessions(minutes: 60) : InPreliminaryInterview();
        var meeting = Meeting.Propose(Intervener, MeetingCase.Of(coachingCase), kind, [Slot], SessionMode.Phone, null, null, MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.Pick(Beneficiary, Slot, MeetingAgenda.Empty, Now).ShouldSucceed();
        return (coachingCase, meeting);
    }

    [Fact]
    public void Under_the_consuming_policy_a_no_show_uses_up_the_planned_time_with_a_history_line()
    {
        var (coachingCase, meeting) = Confirmed();
        meeting.MarkNoShow(Intervener, Monday.AddMinutes(15)).ShouldSucceed();

        coachingCase.RecordMissedSession(Intervener, meeting, Consumes, Monday.AddMinutes(15)).ShouldSucceed();

        coachingCase.Hours.UsedMinutes.Should().Be(60 + 90);
        coachingCase.UsedMinutes.Should().Be(150, "the stored fact follows the hours");
        coachingCase.Sessions.Should().ContainSingle(s => s.Missed).Which.DurationMinutes.Should().Be(90);
        coachingCase.History[^1].Trigger.Should().Be(CaseTrigger.RecordMissedSession);
        coachingCase.History[^1].Detail.Minutes.Should().Be(90);
        coachingCase.FactsAreCurrent.Should().BeTrue();
    }

    [Fact]
    public void Under_the_consuming_policy_a_late_cancellation_by_the_beneficiary_uses_up_the_planned_time()
    {
        var (coachingCase, meeting) = Confirmed();
        meeting.Cancel(Beneficiary, MeetingChangeReason.Illness, Monday.AddHours(-2)).ShouldSucceed();

        coachingCase.RecordMissedSession(Beneficiary, meeting, Consumes, Monday.AddHours(-2)).ShouldSucceed();

        coachingCase.Hours.UsedMinutes.Should().Be(150);
    }

    [Fact]
    public void Under_the_default_policy_nothing_is_consumed_nor_recorded()
    {
        var (coachingCase, meeting) = Confirmed();
        meeting.MarkNoShow(Intervener, Monday.AddMinutes(15)).ShouldSucceed();
        var version = coachingCase.Version;

        coachingCase.RecordMissedSession(Intervener, meeting, MissedMeetingPolicy.Default, Monday.AddMinutes(15)).ShouldSucceed();

        coachingCase.Hours.UsedMinutes.Should().Be(60);
        coachingCase.Version.Should().Be(version);
    }

    [Fact]
    public void A_timely_cancellation_a_missed_interview_and_a_held_meeting_consume_nothing()
    {
        var (early, earlyMeeting) = Confirmed();
        earlyMeeting.Cancel(Beneficiary, MeetingChangeReason.Illness, Monday.AddDays(-3)).ShouldSucceed();
        early.RecordMissedSession(Beneficiary, earlyMeeting, Consumes, Monday.AddDays(-3)).ShouldSucceed();
        early.Hours.UsedMinutes.Should().Be(60);

        var (interviewing, interview) = Confirmed(MeetingKind.PreliminaryInterview);
        interview.MarkNoShow(Intervener, Monday.AddMinutes(15)).ShouldSucceed();
        interviewing.RecordMissedSession(Intervener, interview, Consumes, Monday.AddMinutes(15)).ShouldSucceed();
        interviewing.Hours.UsedMinutes.Should().Be(0, "the interview is free");
    }

    [Fact]
    public void Only_who_missed_it_records_it_and_never_past_the_budget()
    {
        var (coachingCase, meeting) = Confirmed();
        meeting.MarkNoShow(Intervener, Monday.AddMinutes(15)).ShouldSucceed();

        coachingCase.RecordMissedSession(Hr, meeting, Consumes, Monday.AddMinutes(15)).ShouldBeRefusedWith(CaseErrors.NotAllowed);
        coachingCase.RecordMissedSession(Beneficiary, meeting, Consumes, Monday.AddMinutes(15)).ShouldBeRefusedWith(CaseErrors.NotAllowed);

        // Sessions logged meanwhile leave less than the meeting held in the budget.
        var (loggedMeanwhile, late) = Confirmed();
        loggedMeanwhile.LogSession(Intervener, Today, 240, SessionMode.OnSite, Now).ShouldSucceed();
        late.MarkNoShow(Intervener, Monday.AddMinutes(15)).ShouldSucceed();
        loggedMeanwhile.RecordMissedSession(Intervener, late, Consumes, Monday.AddMinutes(15)).ShouldSucceed();
        loggedMeanwhile.Hours.UsedMinutes.Should().Be(loggedMeanwhile.Hours.TotalMinutes, "a missed session takes at most what is left");
    }
}
