using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Meetings;

public enum MeetingKind
{
    PreliminaryInterview,
    Session,
}

public enum MeetingStatus
{
    /// <summary>The intervener offered slots; the beneficiary has not picked one.</summary>
    Proposed,

    /// <summary>The beneficiary asked for other slots.</summary>
    OtherSlotsRequested,

    Confirmed,
    Held,
    Cancelled,

    /// <summary>Cancelled by the beneficiary less than <see cref="Meeting.LateCancellationWindow"/> before it starts.</summary>
    LateCancellation,
    NoShow,
}

/// <summary>What last happened to a meeting, in the terms its participants are told.</summary>
public enum MeetingEventKind
{
    Proposed,
    OtherSlotsOffered,
    OtherSlotsRequested,
    Confirmed,
    Moved,
    Cancelled,
    Held,
    NoShow,
}

/// <summary>The last change made to a meeting in memory, and who made it: not stored, read when the change is saved.</summary>
public sealed record MeetingEvent(MeetingEventKind Kind, string ActorId);

/// <summary>Why a meeting was moved or cancelled: a category, never free text (it would carry case content).</summary>
public enum MeetingChangeReason
{
    Availability,
    Illness,
    WorkConstraint,
    Other,
}

/// <summary>Where times are read: the person's own zone (<see cref="TimeZoneChoices"/>), Europe/Paris when they chose none.</summary>
public static class MeetingTimes
{
    public static TimeZoneInfo DefaultZone => TimeZoneChoices.DefaultZone;

    /// <summary>The instant as a Paris clock shows it.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => ToLocal(instant, DefaultZone);

    /// <summary>The instant as a clock in that zone shows it.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>A wall-clock time read in Paris (whatever kind the picker gave it), as the UTC instant it names.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock) => FromLocal(wallClock, DefaultZone);

    /// <summary>
    /// A wall-clock time read in that zone (whatever kind the picker gave it), as the UTC instant it names. A time the
    /// clock skips (spring forward) or shows twice (fall back) is read with the zone's standard offset.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime wallClock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The day a meeting falls on, in Paris.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DayOf(instant, DefaultZone);

    /// <summary>The day a meeting falls on, in that zone.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);
}

/// <summary>
/// What HR may know of a case's meetings: the next date and how many were held or missed. Never the place, the
/// link or the slots: the type has no field for them.
/// </summary>
public sealed record MeetingSummary(DateTimeOffset? NextMeetingAt, int Held, int NoShows)
{
    public static MeetingSummary None { get; } = new(null, 0, 0);

    public static MeetingSummary Of(IEnumerable<(MeetingStatus Status, DateTimeOffset? StartsAt)> meetings, DateTimeOffset now)
    {
        var all = meetings.ToList();
        return new MeetingSummary(
            all.Where(m => m.Status == MeetingStatus.Confirmed && m.StartsAt > now).Select(m => m.StartsAt).Min(),
            all.Count(m => m.Status == MeetingStatus.Held),
            all.Count(m => m.Status == MeetingStatus.NoShow));
    }
}

/// <summary>A time a meeting could take, stored in UTC.</summary>
public sealed record MeetingSlot(DateTimeOffset StartsAt, int DurationMinutes)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public bool Overlaps(MeetingSlot other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}

/// <summary>What planning a meeting needs to know of its case: who, at which step, and the hours left.</summary>
public sealed record MeetingCase(Guid CaseId, CaseState State, string BeneficiaryId, string? IntervenerId, bool InterviewHeld, int RemainingMinutes)
{
    public static MeetingCase Of(CoachingCase coachingCase) => new(
        coachingCase.Id,
        coachingCase.State,
        coachingCase.BeneficiaryId,
        coachingCase.IntervenerId,
        coachingCase.Interview is not null,
        coachingCase.Hours.RemainingMinutes);
}

/// <summary>
/// What else weighs on a new time: the intervener's other confirmed meetings (no overlap) and the minutes of the
/// case's other open sessions (a planned session must fit in the budget those leave).
/// </summary>
public sealed record MeetingAgenda(IReadOnlyCollection<MeetingSlot> IntervenerBusy, int OtherPlannedSessionMinutes)
{
    public static MeetingAgenda Empty { get; } = new([], 0);
}

/// <summary>The admin's rule: whether a beneficiary's late cancellation or no-show uses up the planned time (default no).</summary>
public sealed record MissedMeetingPolicy(bool ConsumesBudget)
{
    public static MissedMeetingPolicy Default { get; } = new(false);
}

/// <summary>
/// A planned meeting of a case: the preliminary interview or a session. The intervener offers slots, the
/// beneficiary picks one or asks for others, either may move or cancel it with a reason category; once it took
/// place the intervener records it (it becomes the interview or a logged session) or marks a no-show.
/// <see cref="Sequence"/> counts the changes calendars must apply (a move, a cancellation).
/// </summary>
public sealed class Meeting
{
    public const int MaxSlots = 5;

    public static readonly TimeSpan LateCancellationWindow = TimeSpan.FromHours(24);

    private readonly List<MeetingSlot> _slots = [];

    private Meeting()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string BeneficiaryId { get; private set; } = "";

    public string IntervenerId { get; private set; } = "";

    public MeetingStatus Status { get; private set; }

    public SessionMode Mode { get; private set; }

    /// <summary>Where an on-site meeting takes place: for its two participants only.</summary>
    public string? Place { get; private set; }

    /// <summary>The video link: for its two participants only.</summary>
    public string? Link { get; private set; }

    public IReadOnlyList<MeetingSlot> OfferedSlots => _slots;

    public MeetingSlot? Confirmed { get; private set; }

    public MeetingChangeReason? LastChangeReason { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The change this instance went through last, for whoever saves it to tell the other participant; not stored.</summary>
    public MeetingEvent? LastEvent { get; private set; }

    /// <summary>Concurrency token: bumped by every accepted change, checked by the database on save.</summary>
    public int Version { get; private set; }

    /// <summary>Still to happen: offered, waiting for other slots, or confirmed.</summary>
    public bool IsOpen => Status is MeetingStatus.Proposed or MeetingStatus.OtherSlotsRequested or MeetingStatus.Confirmed;

    /// <summary>The minutes this meeting holds in the budget while open: the confirmed time, or the longest slot offered.</summary>
    public int PlannedMinutes => Confirmed?.DurationMinutes ?? (_slots.Count == 0 ? 0 : _slots.Max(s => s.DurationMinutes));

    /// <summary>The intervener offers slots for the case's interview or for a session.</summary>
    public static Result<Meeting> Propose(
        Actor actor, MeetingCase coachingCase, MeetingKind kind, IReadOnlyList<MeetingSlot> slots, SessionMode mode, string? place, string? link,
        MeetingAgenda agenda, DateTimeOffset now)
    {
        if (actor.Role != Role.Intervener || actor.UserId != coachingCase.IntervenerId)
        {
            return MeetingErrors.NotAllowed;
        }

        var step = kind switch
        {
            MeetingKind.PreliminaryInterview => coachingCase.State == CaseState.PreliminaryInterview && !coachingCase.InterviewHeld,
            MeetingKind.Session => coachingCase.State is CaseState.ObjectivesSet or CaseState.InSessions,
            _ => false,
        };
        if (!step)
        {
            return Enum.IsDefined(kind) ? MeetingErrors.WrongState : MeetingErrors.UnknownChoice;
        }

        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(),
            CaseId = coachingCase.CaseId,
            Kind = kind,
            BeneficiaryId = coachingCase.BeneficiaryId,
            IntervenerId = actor.UserId,
        };
        var valid = meeting.Offer(actor, MeetingEventKind.Proposed, slots, mode, place, link, coachingCase.RemainingMinutes, agenda, now);
        return valid.IsFailure ? valid.Error! : meeting;
    }

    /// <summary>The intervener offers new slots after the beneficiary asked for others.</summary>
    public Result OfferOtherSlots(Actor actor, IReadOnlyList<MeetingSlot> slots, int remainingMinutes, MeetingAgenda agenda, DateTimeOffset now)
    {
        if (!IsIntervener(actor) || Status is not (MeetingStatus.Proposed or MeetingStatus.OtherSlotsRequested))
        {
            return MeetingErrors.NotAllowed;
        }

        return Offer(actor, MeetingEventKind.OtherSlotsOffered, slots, Mode, Place, Link, remainingMinutes, agenda, now);
    }

    /// <summary>The beneficiary takes one of the offered slots; it must still be free and in the future.</summary>
    public Result Pick(Actor actor, MeetingSlot slot, MeetingAgenda agenda, DateTimeOffset now)
    {
        if (!IsBeneficiary(actor) || Status != MeetingStatus.Proposed)
        {
            return MeetingErrors.NotAllowed;
        }

        if (!_slots.Contains(slot))
        {
            return MeetingErrors.UnknownSlot;
        }

        var free = CheckTime(slot, agenda, now);
        if (free.IsFailure)
        {
            return free;
        }

        Confirmed = slot with { }; // a value of its own, never one of the offered slots
        Status = MeetingStatus.Confirmed;
        Touch(now, MeetingEventKind.Confirmed, actor);
        return Result.Success();
    }

    /// <summary>The beneficiary asks for other slots; none of the offered ones suits them.</summary>
    public Result AskForOtherSlots(Actor actor, DateTimeOffset now)
    {
        if (!IsBeneficiary(actor) || Status != MeetingStatus.Proposed)
        {
            return MeetingErrors.NotAllowed;
        }

        Status = MeetingStatus.OtherSlotsRequested;
        Touch(now, MeetingEventKind.OtherSlotsRequested, actor);
        return Result.Success();
    }

    /// <summary>Either participant moves a confirmed meeting to another time, saying why by a category; calendars update the event.</summary>
    public Result Reschedule(Actor actor, MeetingSlot slot, MeetingChangeReason reason, int remainingMinutes, MeetingAgenda agenda, DateTimeOffset now)
    {
        if (!IsParticipant(actor) || Status != MeetingStatus.Confirmed)
        {
            return MeetingErrors.NotAllowed;
        }

        if (!Enum.IsDefined(reason))
        {
            return MeetingErrors.UnknownChoice;
        }

        var valid = CheckSlots([slot], remainingMinutes, agenda, now);
        if (valid.IsFailure)
        {
            return valid;
        }

        Confirmed = slot with { };
        LastChangeReason = reason;
        Sequence++;
        Touch(now, MeetingEventKind.Moved, actor);
        return Result.Success();
    }

    /// <summary>
    /// Either participant cancels a meeting still to happen, saying why by a category. The beneficiary cancelling a
    /// confirmed meeting less than 24 h before it starts makes it a late cancellation.
    /// </summary>
    public Result Cancel(Actor actor, MeetingChangeReason reason, DateTimeOffset now)
    {
        if (!IsParticipant(actor) || !IsOpen)
        {
            return MeetingErrors.NotAllowed;
        }

        if (!Enum.IsDefined(reason))
        {
            return MeetingErrors.UnknownChoice;
        }

        var late = IsBeneficiary(actor) && Confirmed is { } slot && slot.StartsAt - now < LateCancellationWindow;
        Status = late ? MeetingStatus.LateCancellation : MeetingStatus.Cancelled;
        LastChangeReason = reason;
        Sequence++;
        Touch(now, MeetingEventKind.Cancelled, actor);
        return Result.Success();
    }

    /// <summary>
    /// The intervener records that the meeting took place: it then becomes the case's interview or a logged session,
    /// with this duration prefilled (the intervener may correct it there).
    /// </summary>
    public Result<int> MarkHeld(Actor actor, DateTimeOffset now)
    {
        var started = CheckStarted(actor, now);
        if (started.IsFailure)
        {
            return started.Error!;
        }

        Status = MeetingStatus.Held;
        Touch(now, MeetingEventKind.Held, actor);
        return Confirmed!.DurationMinutes;
    }

    /// <summary>The intervener records that the beneficiary did not come.</summary>
    public Result MarkNoShow(Actor actor, DateTimeOffset now)
    {
        var started = CheckStarted(actor, now);
        if (started.IsFailure)
        {
            return started;
        }

        Status = MeetingStatus.NoShow;
        Touch(now, MeetingEventKind.NoShow, actor);
        return Result.Success();
    }

    /// <summary>The minutes a missed session takes from the budget under the admin's policy: its planned time, or nothing.</summary>
    public int MinutesConsumed(MissedMeetingPolicy policy) =>
        Kind == MeetingKind.Session && Status is (MeetingStatus.NoShow or MeetingStatus.LateCancellation) && policy.ConsumesBudget
            ? Confirmed?.DurationMinutes ?? 0
            : 0;

    private Result Offer(Actor actor, MeetingEventKind happened, IReadOnlyList<MeetingSlot> slots, SessionMode mode, string? place, string? link, int remainingMinutes, MeetingAgenda agenda, DateTimeOffset now)
    {
        if (!Enum.IsDefined(mode))
        {
            return MeetingErrors.UnknownChoice;
        }

        // The place is short text another person reads: checked like every such text (composed, within its limit, no bidi control).
        var checkedPlace = mode == SessionMode.OnSite ? Text.Optional(place, TextLimits.MeetingPlace) : Result.Success<string?>(null);
        var where = mode switch
        {
            _ when checkedPlace.IsFailure => checkedPlace.Error!,
            SessionMode.OnSite when checkedPlace.Value is null => MeetingErrors.PlaceRequired,
            SessionMode.Video when !IsHttpsLink(link) => MeetingErrors.LinkRequired,
            _ => Result.Success(),
        };
        if (where.IsFailure)
        {
            return where;
        }

        if (slots.Count is 0 or > MaxSlots)
        {
            return MeetingErrors.NoSlot.With(MaxSlots);
        }

        var valid = CheckSlots(slots, remainingMinutes, agenda, now);
        if (valid.IsFailure)
        {
            return valid;
        }

        _slots.Clear();
        _slots.AddRange(slots.Select(s => s with { }));
        Mode = mode;
        Place = checkedPlace.Value;
        Link = mode == SessionMode.Video ? link!.Trim() : null;
        Status = MeetingStatus.Proposed;
        Touch(now, happened, actor);
        return Result.Success();
    }

    private Result CheckSlots(IReadOnlyList<MeetingSlot> slots, int remainingMinutes, MeetingAgenda agenda, DateTimeOffset now)
    {
        var maxMinutes = Kind == MeetingKind.PreliminaryInterview ? CoachingCase.MaxInterviewMinutes : CoachingCase.MaxSessionMinutes;
        if (slots.Any(s => !NumberRule.Minutes(maxMinutes).Allows(s.DurationMinutes)))
        {
            return MeetingErrors.InvalidDuration.With(Durations.Format(maxMinutes));
        }

        for (var i = 0; i < slots.Count; i++)
        {
            for (var j = i + 1; j < slots.Count; j++)
            {
                if (slots[i].Overlaps(slots[j]))
                {
                    return MeetingErrors.SlotsOverlap;
                }
            }
        }

        var left = remainingMinutes - agenda.OtherPlannedSessionMinutes;
        if (Kind == MeetingKind.Session && slots.Any(s => s.DurationMinutes > left))
        {
            return MeetingErrors.OverBudget.With(Durations.Format(Math.Max(0, left)));
        }

        return slots.Select(s => CheckTime(s, agenda, now)).FirstOrDefault(r => r.IsFailure) ?? Result.Success();
    }

    private static Result CheckTime(MeetingSlot slot, MeetingAgenda agenda, DateTimeOffset now)
    {
        if (slot.StartsAt <= now)
        {
            return MeetingErrors.SlotInPast;
        }

        return agenda.IntervenerBusy.Any(slot.Overlaps) ? MeetingErrors.IntervenerBusy : Result.Success();
    }

    private Result CheckStarted(Actor actor, DateTimeOffset now)
    {
        if (!IsIntervener(actor) || Status != MeetingStatus.Confirmed)
        {
            return MeetingErrors.NotAllowed;
        }

        return now < Confirmed!.StartsAt ? MeetingErrors.NotYetStarted : Result.Success();
    }

    private static bool IsHttpsLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && link!.Trim().Length <= TextLimits.MeetingLink;

    private bool IsIntervener(Actor actor) => actor.Role == Role.Intervener && actor.UserId == IntervenerId;

    private bool IsBeneficiary(Actor actor) => actor.UserId == BeneficiaryId;

    /// <summary>Whether the actor is one of the meeting's two participants: the only people who ever read it whole.</summary>
    public bool IsParticipant(Actor actor) => IsIntervener(actor) || IsBeneficiary(actor);

    private void Touch(DateTimeOffset now, MeetingEventKind happened, Actor actor)
    {
        UpdatedAt = now;
        LastEvent = new MeetingEvent(happened, actor.UserId);
        Version++;
    }
}
