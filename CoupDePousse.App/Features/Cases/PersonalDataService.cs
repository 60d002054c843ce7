using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Features.Cases;

/// <summary>How the person received their data, as the audit trail records it.</summary>
public enum PersonalDataChannel
{
    Page,
    Json,
}

/// <summary>
/// The right of access (decision 038): everything the app holds about the actor that they may see. A case is read through the
/// same services as its pages (the beneficiary's own case view, the agreement, the journal, the work between sessions), so that
/// the export can never show more than the person's own screens; session notes are not among them. Each export is audited.
/// </summary>
public sealed class PersonalDataService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseService cases,
    AgreementService agreements,
    JournalService journal,
    BetweenSessionsService betweenSessions,
    SecurityAudit audit,
    TimeProvider clock)
{
    public async Task<PersonalDataExport?> ExportAsync(Actor actor, PersonalDataChannel channel, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == actor.UserId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var managerName = user.ManagerId is null ? null : (await db.NamesAsync([user.ManagerId], cancellationToken)).GetValueOrDefault(user.ManagerId);
        var account = new AccountData(user.DisplayName, user.Email, user.Department, managerName, user.Language ?? "fr",
            TimeZoneChoices.IsOffered(user.TimeZoneId) ? user.TimeZoneId! : TimeZoneChoices.DefaultId, user.TwoFactorEnabled, user.DisabledAt is not null);
        var sessions = (await db.UserSessions.AsNoTracking().Where(s => s.UserId == actor.UserId)
                .Select(s => new SignedInSessionData(s.CreatedAt, s.LastSeenAt, s.ExpiresAt)).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.LastSeenAt).ToList();
        var mailOff = await db.MailPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId).Select(p => p.Kind).ToListAsync(cancellationToken);
        var mail = NotificationKinds.For(actor.Role).Select(kind => new MailPreferenceData(kind, !mailOff.Contains(kind))).ToList();
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == actor.UserId)
            .Select(f => new CalendarFeedData(f.CreatedAt, f.LastUsedAt)).SingleOrDefaultAsync(cancellationToken);
        var profile = actor.Role == Role.Intervener
            ? await db.IntervenerProfiles.AsNoTracking().Where(p => p.UserId == actor.UserId).SingleOrDefaultAsync(cancellationToken)
            : null;
        var notifications = (await db.Notifications.AsNoTracking().Where(n => n.RecipientId == actor.UserId)
                .Select(n => new { n.Kind, n.CaseId, n.CreatedAt, n.ReadAt }).ToListAsync(cancellationToken))
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => new NotificationData(n.Kind, n.CreatedAt, n.ReadAt, Notification.PathOf(n.Kind, n.CaseId)))
            .ToList();

        // Which cases are the person's own as beneficiary; their content comes from the views, never from these columns.
        var caseIds = (await db.Cases.AsNoTracking().Where(c => c.BeneficiaryId == actor.UserId)
                .Select(c => new { c.Id, c.ProposedAt }).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.ProposedAt).Select(c => c.Id).ToList();
        var caseData = new List<BeneficiaryCaseData>();
        foreach (var caseId in caseIds)
        {
            if (await CaseAsync(db, actor, caseId, cancellationToken) is { } data)
            {
                caseData.Add(data);
            }
        }

        await audit.RecordAsync(SecurityEventKind.PersonalDataExported, actor.UserId, actor.UserId, newValue: channel.ToString(), cancellationToken: cancellationToken);
        return new PersonalDataExport(
            PersonalDataExport.CurrentSchemaVersion,
            clock.GetUtcNow(),
            actor.Role,
            account,
            sessions,
            mail,
            feed,
            profile is null ? null : new IntervenerProfileData(profile.Domains, profile.HourlyRateCents, profile.MaxActiveCases),
            notifications,
            caseData);
    }

    private async Task<BeneficiaryCaseData?> CaseAsync(AppDbContext db, Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(actor, caseId, cancellationToken) is not EngagementCaseView { Relation: CaseRelation.Beneficiary } view)
        {
            return null;
        }

        var header = view.Header;
        var scores = view.ObjectiveScores.ToDictionary(s => s.ObjectiveId);
        var agreement = await agreements.GetAsync(actor, caseId, cancellationToken: cancellationToken);
        var between = await betweenSessions.ForCaseAsync(actor, caseId, cancellationToken);
        var entries = await journal.MyJournalAsync(actor, caseId, cancellationToken);
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync(cancellationToken))
            .Where(m => m.IsParticipant(actor))
            .OrderBy(m => m.Confirmed?.StartsAt ?? m.OfferedSlots.Select(s => s.StartsAt).DefaultIfEmpty().Min())
            .Select(m => new MeetingData(m.Kind, m.Status, m.Mode, m.Place, m.Link, m.Confirmed, m.OfferedSlots.ToList()))
            .ToList();
        return new BeneficiaryCaseData(
            view.Id,
            header.State,
            header.Outcome,
            view.ProposedAt,
            header.StateEnteredAt,
            header.ProposedByName,
            header.IntervenerName,
            header.Domains,
            header.TopicCodes,
            new RequestData(header.WorkImpact, header.WishedTiming, view.Situation),
            header.Interview,
            new HoursData(header.Hours.TotalMinutes, header.Hours.UsedMinutes, header.Hours.RemainingMinutes),
            header.Sessions.Select(s => new SessionData(s.Date, s.DurationMinutes, s.Mode, s.Missed)).ToList(),
            header.Extensions.Select(e => new ExtensionData(e.Minutes, e.Category, e.Status, e.RequestedAt)).ToList(),
            header.History.Select(h => new HistoryData(h.At, h.ActorName, h.Role, h.From, h.To, h.Trigger)).ToList(),
            view.Verdicts.Select(v => new CriterionData(v.Criterion, v.Party, v.Validated, v.Comment)).ToList(),
            view.CompanyRuling,
            view.IntervenerRuling,
            view.Objectives.Select(o => new ObjectiveData(o.Statement, o.SuccessMeasure, o.Rating,
                scores.GetValueOrDefault(o.Id)?.StartingScore, scores.GetValueOrDefault(o.Id)?.ClosingScore)).ToList(),
            view.ObjectiveDrafts,
            view.ObjectiveRevisions,
            view.ObjectivesShared,
            view.Satisfaction,
            view.Referral,
            view.ClosingSummary,
            view.CompanyText,
            header.CancellationReason,
            agreement?.Versions.Select(v => new AgreementVersionData(v.Number, v.Reason, v.DrawnUpAt, v.BudgetMinutes, v.Acceptances)).ToList() ?? [],
            meetings,
            between?.Resources.Select(r => new SharedResourceData(r.Title, r.Summary, r.Link, r.SharedAt)).ToList() ?? [],
            between?.Items.Select(i => new ActionItemData(i.Text, i.DueOn, i.Author, i.CreatedAt, i.DoneAt)).ToList() ?? [],
            entries?.Entries.Select(e => new JournalEntryData(e.Text, e.WrittenAt, e.EditedAt, e.SharedWithIntervener)).ToList() ?? []);
    }
}
