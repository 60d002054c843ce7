using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoupDePousse.App.Features.Meetings;

/// <summary>
/// Planned meetings: the intervener offers slots, the beneficiary picks, either moves or cancels, the intervener
/// records what happened. Every call takes the actor; only the two participants ever read where a meeting takes place.
/// </summary>
public sealed class MeetingService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<MeetingService> logger)
{
    public async Task<Result<Guid>> ProposeAsync(Actor actor, Guid caseId, MeetingPlan plan, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAgendaTransactionAsync(db, cancellationToken);
        var coachingCase = await db.LoadCaseAsync(caseId, cancellationToken);
        if (coachingCase is null || !CaseVisibility.For(actor, coachingCase).CanReach)
        {
            return logger.LogRefusal(actor, "ProposeMeeting", AppErrors.NotFound, caseId);
        }

        var agenda = await AgendaAsync(db, coachingCase.IntervenerId, caseId, exceptMeetingId: null, cancellationToken);
        var proposed = Meeting.Propose(actor, MeetingCase.Of(coachingCase), plan.Kind, plan.Slots, plan.Mode, plan.Place, plan.Link, agenda, clock.GetUtcNow());
        if (proposed.IsFailure)
        {
            return logger.LogRefusal(actor, "ProposeMeeting", proposed.Error!, caseId);
        }

        db.Meetings.Add(proposed.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (LostTheRace(exception))
        {
            return logger.LogRefusal(actor, "ProposeMeeting", CaseErrors.Concurrency, caseId);
        }

        return proposed.Value.Id;
    }

    public Task<Result> PickAsync(Actor actor, Guid meetingId, int expectedVersion, MeetingSlot slot, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "PickMeetingSlot", (meeting, agenda, _, now) => meeting.Pick(actor, slot, agenda, now), cancellationToken);

    public Task<Result> AskForOtherSlotsAsync(Actor actor, Guid meetingId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "AskForOtherSlots", (meeting, _, _, now) => meeting.AskForOtherSlots(actor, now), cancellationToken);

    public Task<Result> OfferOtherSlotsAsync(Actor actor, Guid meetingId, int expectedVersion, IReadOnlyList<MeetingSlot> slots, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "OfferOtherSlots",
            (meeting, agenda, coachingCase, now) => meeting.OfferOtherSlots(actor, slots, coachingCase.Hours.RemainingMinutes, agenda, now), cancellationToken);

    public Task<Result> RescheduleAsync(Actor actor, Guid meetingId, int expectedVersion, MeetingSlot slot, MeetingChangeReason reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "RescheduleMeeting",
            (meeting, agenda, coachingCase, now) => meeting.Reschedule(actor, slot, reason, coachingCase.Hours.RemainingMinutes, agenda, now), cancellationToken);

    public Task<Result> CancelAsync(Actor actor, Guid meetingId, int expectedVersion, MeetingChangeReason reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "CancelMeeting", (meeting, _, _, now) => meeting.Cancel(actor, reason, now), cancellationToken);

    public Task<Result> MarkNoShowAsync(Actor actor, Guid meetingId, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "MarkNoShow", (meeting, _, _, now) => meeting.MarkNoShow(actor, now), cancellationToken);

    /// <summary>
    /// The meeting took place: it becomes the case's interview or a logged session (its duration as held, prefilled with
    /// the planned one), both saved together or not at all.
    /// </summary>
    public Task<Result> MarkHeldAsync(Actor actor, Guid meetingId, int expectedVersion, int? heldMinutes = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, meetingId, expectedVersion, "MarkMeetingHeld", (meeting, _, coachingCase, now) =>
        {
            var held = meeting.MarkHeld(actor, now);
            if (held.IsFailure)
            {
                return held.Error!;
            }

            var minutes = heldMinutes ?? held.Value;
            var date = MeetingTimes.DayOf(meeting.Confirmed!.StartsAt);
            return meeting.Kind == MeetingKind.PreliminaryInterview
                ? coachingCase.RecordInterview(actor, date, minutes, now)
                : coachingCase.LogSession(actor, date, minutes, meeting.Mode, now);
        }, cancellationToken);

    /// <summary>The actor's meetings still to happen and the recent ones, as a participant sees them.</summary>
    public async Task<IReadOnlyList<MeetingView>> MyMeetingsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = await MineAsync(db, actor, cancellationToken);
        return await ViewsAsync(db, actor, mine.Where(m => m.IsOpen), cancellationToken);
    }

    /// <summary>How far back the agenda page lists the meetings that took place, were missed or were cancelled.</summary>
    public static readonly TimeSpan PastWindow = TimeSpan.FromDays(90);

    /// <summary>The actor's meetings that are over (held, missed, cancelled) within <see cref="PastWindow"/>, the latest first.</summary>
    public async Task<IReadOnlyList<MeetingView>> MyPastMeetingsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - PastWindow;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = await MineAsync(db, actor, cancellationToken);
        var views = await ViewsAsync(db, actor, mine.Where(m => !m.IsOpen && m.UpdatedAt >= since), cancellationToken);
        return views.Reverse().ToList();
    }

    private static Task<List<Meeting>> MineAsync(AppDbContext db, Actor actor, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.BeneficiaryId == actor.UserId || (actor.Role == Role.Intervener && m.IntervenerId == actor.UserId))
            .ToListAsync(cancellationToken);

    /// <summary>A case's meetings for the person reading the case: the participants see them whole, HR a summary, anyone else nothing.</summary>
    public async Task<Result<IReadOnlyList<MeetingView>>> CaseMeetingsAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var participants = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.BeneficiaryId, c.IntervenerId }).SingleOrDefaultAsync(cancellationToken);
        var isParticipant = participants is not null
            && (actor.UserId == participants.BeneficiaryId || (actor.Role == Role.Intervener && actor.UserId == participants.IntervenerId));
        if (!isParticipant)
        {
            return logger.LogRefusal(actor, "ReadMeetings", AppErrors.NotFound, caseId);
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<MeetingView>>.Success(await ViewsAsync(db, actor, meetings, cancellationToken));
    }

    /// <summary>One meeting whole, for one of its two participants; null for anyone else, as if it did not exist.</summary>
    public async Task<Meeting?> FindForParticipantAsync(Actor actor, Guid meetingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !meeting.IsParticipant(actor))
        {
            logger.LogRefusal(actor, "ReadMeeting", AppErrors.NotFound);
            return null;
        }

        return meeting;
    }

    /// <summary>The zone the actor reads and types meeting times in: their account's choice, Paris when none.</summary>
    public async Task<TimeZoneInfo> ZoneAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TimeZoneOfAsync(actor.UserId, cancellationToken);
    }

    /// <summary>How far back a subscription feed keeps meetings (cancelled ones included, so that calendars remove them).</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(90);

    /// <summary>
    /// The meetings behind a subscription token, upcoming and recent, for the account that owns it; null for an unknown or
    /// revoked token or a disabled account, so that all three look alike.
    /// </summary>
    public async Task<MeetingFeed?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = CalendarFeed.HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.CalendarFeeds.Where(f => f.TokenHash == hash)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new { FeedId = f.Id, u.Id, u.DisabledAt, u.Language })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null || owner.DisabledAt is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        await db.CalendarFeeds.Where(f => f.Id == owner.FeedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastUsedAt, now), cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.BeneficiaryId == owner.Id || m.IntervenerId == owner.Id)
            .ToListAsync(cancellationToken);
        return new MeetingFeed(meetings.Where(m => m.Confirmed is { } slot && slot.EndsAt > now - FeedHistory).ToList(), owner.Language);
    }

    /// <summary>HR's view of a case's meetings: dates and counts only.</summary>
    public async Task<Result<MeetingSummary>> SummaryForHrAsync(Actor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        var allowed = logger.RequireRole(actor, "ReadMeetingSummary", Role.HR);
        if (allowed.IsFailure)
        {
            return allowed.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MeetingSummaryAsync(caseId, clock.GetUtcNow(), cancellationToken);
    }

    private async Task<Result> ChangeAsync(
        Actor actor, Guid meetingId, int expectedVersion, string operation, Func<Meeting, MeetingAgenda, CoachingCase, DateTimeOffset, Result> change,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAgendaTransactionAsync(db, cancellationToken);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var coachingCase = meeting is null ? null : await db.LoadCaseAsync(meeting.CaseId, cancellationToken);
        if (meeting is null || coachingCase is null || !meeting.IsParticipant(actor))
        {
            return logger.LogRefusal(actor, operation, AppErrors.NotFound);
        }

        if (meeting.Version != expectedVersion)
        {
            return logger.LogRefusal(actor, operation, CaseErrors.Concurrency, meeting.CaseId);
        }

        var agenda = await AgendaAsync(db, meeting.IntervenerId, meeting.CaseId, meeting.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var result = change(meeting, agenda, coachingCase, now);

        // A missed session (no-show, late cancellation) takes its time from the budget when the admin's policy says so, in the same save.
        if (result.IsSuccess && meeting.Status is MeetingStatus.NoShow or MeetingStatus.LateCancellation)
        {
            result = coachingCase.RecordMissedSession(actor, meeting, await db.MissedMeetingPolicyAsync(cancellationToken), now);
        }

        if (result.IsFailure)
        {
            return logger.LogRefusal(actor, operation, result.Error!, meeting.CaseId);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (LostTheRace(exception))
        {
            return logger.LogRefusal(actor, operation, CaseErrors.Concurrency, meeting.CaseId);
        }

        return Result.Success();
    }

    /// <summary>
    /// The agenda is read and the change written as one serialisable unit, so that two people confirming overlapping times of
    /// one intervener (or planning past one budget) at the same instant cannot both succeed: SQLite takes its write lock at
    /// the start (BEGIN IMMEDIATE), PostgreSQL refuses the later of two overlapping transactions with a serialization failure.
    /// </summary>
    private static Task<IDbContextTransaction> BeginAgendaTransactionAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);

    /// <summary>Someone else changed the meeting, or PostgreSQL refused the later of two overlapping transactions (SQLSTATE 40001).</summary>
    private static bool LostTheRace(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbUpdateConcurrencyException or DbException { SqlState: "40001" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The intervener's other confirmed meetings still to come, and the minutes the case's other open sessions hold.</summary>
    private async Task<MeetingAgenda> AgendaAsync(AppDbContext db, string? intervenerId, Guid caseId, Guid? exceptMeetingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = new[] { MeetingStatus.Proposed, MeetingStatus.OtherSlotsRequested, MeetingStatus.Confirmed };
        var busy = await db.Meetings.AsNoTracking()
            .Where(m => m.IntervenerId == intervenerId && m.Id != exceptMeetingId && m.Status == MeetingStatus.Confirmed)
            .Select(m => m.Confirmed!)
            .ToListAsync(cancellationToken);
        var planned = await db.Meetings.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.Id != exceptMeetingId && m.Kind == MeetingKind.Session && open.Contains(m.Status))
            .ToListAsync(cancellationToken);
        return new MeetingAgenda(busy.Where(s => s.EndsAt > now).ToList(), planned.Sum(m => m.PlannedMinutes));
    }

    /// <summary>The meetings the actor takes part in, soonest first, each with the name of the other participant.</summary>
    private static async Task<IReadOnlyList<MeetingView>> ViewsAsync(AppDbContext db, Actor actor, IEnumerable<Meeting> meetings, CancellationToken cancellationToken)
    {
        var readable = meetings.Where(m => m.IsParticipant(actor)).OrderBy(m => m.Confirmed?.StartsAt ?? m.OfferedSlots.Min(s => s.StartsAt)).ToList();
        var names = await db.NamesAsync(readable.Select(m => OtherParticipant(actor, m)), cancellationToken);
        return readable.Select(m => View(m, names.GetValueOrDefault(OtherParticipant(actor, m), "?"))).ToList();
    }

    private static string OtherParticipant(Actor actor, Meeting meeting) => actor.UserId == meeting.BeneficiaryId ? meeting.IntervenerId : meeting.BeneficiaryId;

    private static MeetingView View(Meeting m, string withName) =>
        new(m.Id, m.CaseId, withName, m.Kind, m.Status, m.Mode, m.Place, m.Link, m.OfferedSlots, m.Confirmed, m.Version);
}
