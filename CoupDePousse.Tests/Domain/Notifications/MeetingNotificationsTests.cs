using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Notifications;

/// <summary>A meeting's change is told to its other participant only: never to HR or the manager, never to whoever made it.</summary>
public class MeetingNotificationsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly MeetingSlot MondayMorning = new(Monday, 60);
    private static readonly MeetingSlot MondayAfternoon = new(Monday.AddHours(5), 60);

    private static Meeting Offered() =>
        Meeting.Propose(Intervener, MeetingCase.Of(InSessions()), MeetingKind.Session, [MondayMorning, MondayAfternoon], SessionMode.Phone, null, null, MeetingAgenda.Empty, Now)
            .ShouldSucceed();

    private static Meeting Confirmed()
    {
        var meeting = Offered();
        meeting.Pick(Beneficiary, MondayAfternoon, MeetingAgenda.Empty, Now).ShouldSucceed();
        return meeting;
    }

    [Fact]
    public void Offered_slots_are_told_to_the_beneficiary()
    {
        MeetingNotifications.For(Offered()).Should().Be(new Addressee(BeneficiaryId, NotificationKind.MeetingProposed));
    }

    [Fact]
    public void Asking_for_other_slots_is_told_to_the_intervener_and_the_new_slots_to_the_beneficiary()
    {
        var meeting = Offered();

        meeting.AskForOtherSlots(Beneficiary, Now).ShouldSucceed();
        MeetingNotifications.For(meeting).Should().Be(new Addressee(IntervenerId, NotificationKind.OtherSlotsRequested));

        meeting.OfferOtherSlots(Intervener, [MondayMorning], 600, MeetingAgenda.Empty, Now).ShouldSucceed();
        MeetingNotifications.For(meeting).Should().Be(new Addressee(BeneficiaryId, NotificationKind.MeetingProposed));
    }

    [Fact]
    public void A_picked_slot_is_told_to_the_intervener_as_confirmed()
    {
        MeetingNotifications.For(Confirmed()).Should().Be(new Addressee(IntervenerId, NotificationKind.MeetingConfirmed));
    }

    [Theory]
    [InlineData(Who.Beneficiary, IntervenerId)]
    [InlineData(Who.Intervener, BeneficiaryId)]
    public void A_move_or_a_cancellation_is_told_to_the_other_participant(Who who, string other)
    {
        var moved = Confirmed();
        moved.Reschedule(Of(who), new MeetingSlot(Monday.AddDays(1), 60), MeetingChangeReason.Availability, 600, MeetingAgenda.Empty, Now).ShouldSucceed();
        MeetingNotifications.For(moved).Should().Be(new Addressee(other, NotificationKind.MeetingMoved));

        var cancelled = Confirmed();
        cancelled.Cancel(Of(who), MeetingChangeReason.Illness, Now).ShouldSucceed();
        MeetingNotifications.For(cancelled).Should().Be(new Addressee(other, NotificationKind.MeetingCancelled));
    }

    [Fact]
    public void Recording_what_happened_tells_nobody_through_the_meeting()
    {
        var held = Confirmed();
        held.MarkHeld(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();
        MeetingNotifications.For(held).Should().BeNull();

        var missed = Confirmed();
        missed.MarkNoShow(Intervener, MondayAfternoon.EndsAt).ShouldSucceed();
        MeetingNotifications.For(missed).Should().BeNull();
    }

    [Fact]
    public void Only_a_participant_is_ever_told()
    {
        foreach (var kind in Enum.GetValues<MeetingEventKind>())
        {
            foreach (var actor in new[] { BeneficiaryId, IntervenerId })
            {
                var told = MeetingNotifications.For(new MeetingEvent(kind, actor), BeneficiaryId, IntervenerId);
                told?.UserId.Should().BeOneOf(BeneficiaryId, IntervenerId).And.NotBe(actor);
            }
        }
    }
}
