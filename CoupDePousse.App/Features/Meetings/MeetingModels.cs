using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Meetings;

namespace CoupDePousse.App.Features.Meetings;

/// <summary>A meeting as its two participants see it: with whom, when, how, and where (the place or the link).</summary>
public sealed record MeetingView(
    Guid Id,
    Guid CaseId,
    string WithName,
    MeetingKind Kind,
    MeetingStatus Status,
    SessionMode Mode,
    string? Place,
    string? Link,
    IReadOnlyList<MeetingSlot> OfferedSlots,
    MeetingSlot? Confirmed,
    int Version);

/// <summary>What a participant sends to plan a meeting.</summary>
public sealed record MeetingPlan(MeetingKind Kind, IReadOnlyList<MeetingSlot> Slots, SessionMode Mode, string? Place, string? Link);

/// <summary>What a subscription feed serves: the owner's meetings, and the language their calendar reads.</summary>
public sealed record MeetingFeed(IReadOnlyList<Meeting> Meetings, string? Language);
