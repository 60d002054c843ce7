using System.Text.Json;
using System.Text.Json.Serialization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Notifications;
using CoupDePousse.Domain.Resources;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// Everything the app holds about one person that they may see (decision 038): the page "My data" shows it and the JSON
/// download is it, word for word. Cases are those where the person is the beneficiary, each as their own case view shows it;
/// an intervener's profile only for an intervener. Never a session note, a token or a password.
/// </summary>
public sealed record PersonalDataExport(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    Role Role,
    AccountData Account,
    IReadOnlyList<SignedInSessionData> SignedInSessions,
    IReadOnlyList<MailPreferenceData> MailPreferences,
    CalendarFeedData? CalendarFeed,
    IntervenerProfileData? IntervenerProfile,
    IReadOnlyList<NotificationData> Notifications,
    IReadOnlyList<BeneficiaryCaseData> Cases)
{
    /// <summary>Raised when a field is renamed or removed; adding a field keeps it.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>camelCase, enums by name, absent sections left out: the schema readers of the file rely on.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);
}

/// <summary>The account as the person knows it; the manager by name. No password, no security stamp, no token.</summary>
public sealed record AccountData(
    string DisplayName,
    string? Email,
    string? Department,
    string? ManagerName,
    string Language,
    string TimeZone,
    bool TwoFactorEnabled,
    bool Disabled);

/// <summary>A signed-in session kept on the server: when it began, was last used and ends.</summary>
public sealed record SignedInSessionData(DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

public sealed record MailPreferenceData(NotificationKind Kind, bool Enabled);

/// <summary>That a calendar subscription exists; its address is a secret shown once and never stored.</summary>
public sealed record CalendarFeedData(DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

public sealed record IntervenerProfileData(IReadOnlyList<CoachingDomain> Domains, int HourlyRateCents, int MaxActiveCases);

public sealed record NotificationData(NotificationKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string Link);

/// <summary>One case where the person is the beneficiary, from <see cref="EngagementCaseView"/> and the services of what lives beside the case.</summary>
public sealed record BeneficiaryCaseData(
    Guid Id,
    CaseState State,
    CaseOutcome? Outcome,
    DateTimeOffset ProposedAt,
    DateTimeOffset StateEnteredAt,
    string ProposedBy,
    string? Intervener,
    IReadOnlyList<CoachingDomain> Domains,
    IReadOnlyList<string> Topics,
    RequestData Request,
    PreliminaryInterviewRecord? Interview,
    HoursData Hours,
    IReadOnlyList<SessionData> Sessions,
    IReadOnlyList<ExtensionData> Extensions,
    IReadOnlyList<HistoryData> History,
    IReadOnlyList<CriterionData> Criteria,
    bool? CompanyRuling,
    bool? IntervenerRuling,
    IReadOnlyList<ObjectiveData> Objectives,
    IReadOnlyList<ObjectiveInput> ObjectiveDrafts,
    IReadOnlyList<ObjectiveRevisionView> ObjectiveRevisions,
    bool ObjectivesSharedWithCompany,
    SatisfactionView? Satisfaction,
    Referral? Referral,
    string? ClosingSummary,
    CompanyTextDraftView? CompanyText,
    string? CancellationReason,
    IReadOnlyList<AgreementVersionData> Agreement,
    IReadOnlyList<MeetingData> Meetings,
    IReadOnlyList<SharedResourceData> Resources,
    IReadOnlyList<ActionItemData> ActionItems,
    IReadOnlyList<JournalEntryData> Journal);

/// <summary>The request in its two audiences: the company's part, and the situation in the person's own words.</summary>
public sealed record RequestData(string WorkImpact, string WishedTiming, string Situation);

public sealed record HoursData(int TotalMinutes, int UsedMinutes, int RemainingMinutes);

public sealed record SessionData(DateOnly Date, int DurationMinutes, SessionMode Mode, bool Missed);

public sealed record ExtensionData(int Minutes, ExtensionCategory Category, ExtensionStatus Status, DateTimeOffset RequestedAt);

public sealed record HistoryData(DateTimeOffset At, string Actor, Role Role, CaseState From, CaseState To, CaseTrigger Trigger);

public sealed record CriterionData(AcceptanceCriterion Criterion, Party Party, bool Validated, string? Comment);

public sealed record ObjectiveData(string Statement, string SuccessMeasure, ObjectiveRating? Rating, int? StartingScore, int? ClosingScore);

public sealed record AgreementVersionData(int Number, AgreementReason Reason, DateTimeOffset DrawnUpAt, int BudgetMinutes, IReadOnlyList<AgreementAcceptanceView> Acceptances);

public sealed record MeetingData(MeetingKind Kind, MeetingStatus Status, SessionMode Mode, string? Place, string? Link, MeetingSlot? Confirmed, IReadOnlyList<MeetingSlot> OfferedSlots);

public sealed record SharedResourceData(string Title, string Summary, string? Link, DateTimeOffset SharedAt);

public sealed record ActionItemData(string Text, DateOnly? DueOn, ActionItemAuthor Author, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt);

public sealed record JournalEntryData(string Text, DateTimeOffset WrittenAt, DateTimeOffset? EditedAt, bool SharedWithIntervener);

/// <summary>The intervener's notes of one case, as they hand them to the beneficiary.</summary>
public sealed record NotesExport(Guid CaseId, string BeneficiaryName, string IntervenerName, DateTimeOffset GeneratedAt, IReadOnlyList<NotesExportLine> Notes);

/// <summary>One note with the session it is about.</summary>
public sealed record NotesExportLine(DateOnly? SessionDate, DateTimeOffset WrittenAt, string Text);
