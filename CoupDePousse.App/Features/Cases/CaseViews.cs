using CoupDePousse.Domain.Interveners;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;

namespace CoupDePousse.App.Features.Cases;

/// <summary>
/// A case as one role may see it. Each role gets its own type: a field a role may not see is absent
/// from its type, never present and empty.
/// </summary>
public abstract record CaseView(Guid Id, string BeneficiaryName, DateTimeOffset ProposedAt);

/// <summary>
/// A manager's view of their own proposal: who, when, and a coarse status. Nothing of the content,
/// except the closing text the beneficiary approved word for word (null until then).
/// AvailableActions lets the page offer Withdraw. No version: how often a case changed would tell how far it went.
/// </summary>
public sealed record ProposerCaseView(
    Guid Id,
    string BeneficiaryName,
    DateTimeOffset ProposedAt,
    CoarseStatus Status,
    IReadOnlyList<CaseTrigger> AvailableActions,
    string? ApprovedCompanyText = null)
    : CaseView(Id, BeneficiaryName, ProposedAt);

/// <summary>The text meant for the company as drafted, and whether the beneficiary approved it: for the beneficiary and the intervener.</summary>
public sealed record CompanyTextDraftView(string Draft, CompanyTextStatus Status);

/// <summary>The intervener's own declaration as they read it back: its status and, when they declared a conflict, their words.</summary>
public sealed record ConflictDeclarationView(ConflictDeclarationStatus Status, string? Description);

/// <summary>
/// What every involved party sees: the company's part of the request (domains, impact on the work, wished timing), the state,
/// the hours, extensions without their comment, the history, and HR's reason when it cancelled. Never the situation.
/// </summary>
public sealed record CaseHeader(
    int Version,
    CaseState State,
    CaseOutcome? Outcome,
    DateTimeOffset StateEnteredAt,
    string ProposedByName,
    IReadOnlyList<CoachingDomain> Domains,
    IReadOnlyList<string> TopicCodes,
    string WorkImpact,
    string WishedTiming,
    string? IntervenerName,
    PreliminaryInterviewRecord? Interview,
    bool BeneficiaryContinued,
    HoursBudget Hours,
    IReadOnlyList<SessionView> Sessions,
    IReadOnlyList<ExtensionView> Extensions,
    IReadOnlyList<HistoryEntry> History,
    string? CancellationReason,
    IReadOnlyList<CaseTrigger> AvailableActions,
    CaseProgress Progress);

/// <summary>A session counted in the hours; <see cref="Missed"/> when it is a missed one the admin's policy counts.</summary>
public sealed record SessionView(Guid Id, DateOnly Date, int DurationMinutes, SessionMode Mode, bool Missed = false);

/// <summary>An extension request as everyone involved sees it: minutes, category, decision. No comment.</summary>
public sealed record ExtensionView(Guid Id, int Minutes, ExtensionCategory Category, ExtensionStatus Status, DateTimeOffset RequestedAt);

/// <summary>The intervener's comment on an extension request: for HR and its author.</summary>
public sealed record ExtensionComment(Guid ExtensionId, string Text);

/// <summary>One line of the history with its typed detail (criterion and verdict, minutes, revision, sharing).</summary>
public sealed record HistoryEntry(DateTimeOffset At, string ActorName, Role Role, CaseState From, CaseState To, CaseTrigger Trigger, TransitionDetail Detail);

/// <summary>A verdict with its comment: for the beneficiary and the intervener, and HR on its own side.</summary>
public sealed record VerdictView(AcceptanceCriterion Criterion, Party Party, bool Validated, string? Comment);

/// <summary>A verdict without any comment text: how HR sees the intervener's side.</summary>
public sealed record VerdictOutcomeView(AcceptanceCriterion Criterion, Party Party, bool Validated);

public sealed record ObjectiveView(Guid Id, string Statement, string SuccessMeasure, ObjectiveRating? Rating);

/// <summary>Where the beneficiary stood on one objective when setting it and at the end (0–10): theirs and the intervener's only.</summary>
public sealed record ObjectiveScoreView(Guid ObjectiveId, int? StartingScore, int? ClosingScore);

/// <summary>The beneficiary's answer at closing and their word for the intervener: theirs and the intervener's only.</summary>
public sealed record SatisfactionView(int Score, string? Comment);

public sealed record ObjectiveRevisionView(int Number, DateTimeOffset SetAt, IReadOnlyList<ObjectiveInput> Objectives);

/// <summary>
/// The beneficiary's and the intervener's view: everything but private notes, with the situation in the person's own words.
/// Extension comments are filled for their author, the intervener, and stay empty for the beneficiary (decision 014);
/// so is the conflict declaration, the intervener's alone (decision 024).
/// </summary>
public sealed record EngagementCaseView(
    Guid Id,
    string BeneficiaryName,
    DateTimeOffset ProposedAt,
    CaseRelation Relation,
    CaseHeader Header,
    string Situation,
    IReadOnlyList<ExtensionComment> ExtensionComments,
    IReadOnlyList<VerdictView> Verdicts,
    bool? CompanyRuling,
    bool? IntervenerRuling,
    IReadOnlyList<ObjectiveView> Objectives,
    IReadOnlyList<ObjectiveInput> ObjectiveDrafts,
    IReadOnlyList<ObjectiveRevisionView> ObjectiveRevisions,
    bool ObjectivesShared,
    Referral? Referral,
    string? ClosingSummary,
    CompanyTextDraftView? CompanyText = null,
    ConflictDeclarationView? ConflictDeclaration = null,
    IReadOnlyList<ObjectiveScoreView>? ScoreList = null,
    SatisfactionView? Satisfaction = null)
    : CaseView(Id, BeneficiaryName, ProposedAt)
{
    public IReadOnlyList<ObjectiveScoreView> ObjectiveScores => ScoreList ?? [];
}

/// <summary>
/// HR's view: the company's part of the request, company verdicts with comments, the intervener's verdicts without,
/// extension comments, cost, and the objectives only when the beneficiary shared them.
/// No situation, no referral, no closing summary, no notes; the intervener's conflict declaration by its status only.
/// IntervenerInactive flags a case whose assigned intervener lost the role or was disabled: HR should reassign or follow up.
/// </summary>
public sealed record CompanyCaseView(
    Guid Id,
    string BeneficiaryName,
    DateTimeOffset ProposedAt,
    string? Department,
    CaseHeader Header,
    IReadOnlyList<ExtensionComment> ExtensionComments,
    IReadOnlyList<VerdictView> CompanyVerdicts,
    IReadOnlyList<VerdictOutcomeView> IntervenerVerdicts,
    bool? CompanyRuling,
    bool? IntervenerRuling,
    long CostCents,
    bool ObjectivesShared,
    IReadOnlyList<ObjectiveView> SharedObjectives,
    IReadOnlyList<IntervenerOption> Candidates,
    BudgetBounds BudgetBounds,
    bool IntervenerInactive,
    MeetingSummary Meetings,
    string? ApprovedCompanyText = null,
    ConflictDeclarationStatus ConflictDeclaration = ConflictDeclarationStatus.NotDeclared)
    : CaseView(Id, BeneficiaryName, ProposedAt);

/// <summary>An intervener HR may assign to a case: they fit its domains and have room.</summary>
/// <summary>An intervener HR may assign; <see cref="Conflicts"/> names the known ties with the person (never a case's content).</summary>
public sealed record IntervenerOption(string Id, string Name, IReadOnlyList<CoachingDomain> Domains, int ActiveCases, int MaxActiveCases, int HourlyRateCents,
    IReadOnlyList<ConflictRelation> Conflicts);

/// <summary>
/// One row of "my cases" for a beneficiary or an intervener, from one projection query: no case text.
/// The next step is the intervener's own, present only on the rows of their cases.
/// </summary>
public sealed record CaseListItem(
    Guid Id,
    string BeneficiaryName,
    string? IntervenerName,
    string ProposedByName,
    bool ProposedBySomeoneElse,
    CaseState State,
    IReadOnlyList<CoachingDomain> Domains,
    DateTimeOffset ProposedAt,
    DateTimeOffset StateEnteredAt,
    int UsedMinutes,
    int BudgetMinutes,
    bool NearBudgetLimit,
    NextStep? IntervenerNextStep);

/// <summary>One row of a manager's proposals: coarse status only.</summary>
public sealed record ProposalListItem(Guid Id, string BeneficiaryName, DateTimeOffset ProposedAt, CoarseStatus Status);

/// <summary>A person a proposer may choose as beneficiary.</summary>
public sealed record PersonOption(string Id, string DisplayName, string? Department);
