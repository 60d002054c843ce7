using CoupDePousse.Domain.Cases;

namespace CoupDePousse.App.Features.Cases;

/// <summary>One operation on an existing case, as a page asks for it. Its trigger names its button.</summary>
public abstract record CaseCommand(CaseTrigger Trigger);

/// <summary>HR's reason is asked only when a conflict of interest is known; it goes to the security audit.</summary>
public sealed record AssignIntervenerCommand(string IntervenerId, string? ConflictOverrideReason = null) : CaseCommand(CaseTrigger.AssignIntervener);

public sealed record AgreeToMeetCommand() : CaseCommand(CaseTrigger.AgreeToMeet);

public sealed record DeclineCommand() : CaseCommand(CaseTrigger.Decline);

public sealed record WithdrawCommand() : CaseCommand(CaseTrigger.Withdraw);

public sealed record CancelCommand(string? Reason) : CaseCommand(CaseTrigger.Cancel);

public sealed record RecordInterviewCommand(DateOnly Date, int DurationMinutes) : CaseCommand(CaseTrigger.RecordInterview);

public sealed record ContinueCommand() : CaseCommand(CaseTrigger.Continue);

public sealed record StopCommand() : CaseCommand(CaseTrigger.Stop);

public sealed record RecordVerdictCommand(AcceptanceCriterion Criterion, bool Validated, string? Comment) : CaseCommand(CaseTrigger.RecordVerdict);

public sealed record RuleAcceptCommand() : CaseCommand(CaseTrigger.RuleAccept);

public sealed record RuleDeclineCommand() : CaseCommand(CaseTrigger.RuleDecline);

public sealed record ExcludeCommand(ReferralKind Kind, string Note) : CaseCommand(CaseTrigger.Exclude);

public sealed record SetBudgetCommand(int Minutes) : CaseCommand(CaseTrigger.SetBudget);

public sealed record DraftObjectivesCommand(IReadOnlyList<ObjectiveInput> Objectives) : CaseCommand(CaseTrigger.DraftObjectives);

public sealed record SetObjectivesCommand(IReadOnlyList<ObjectiveInput> Objectives) : CaseCommand(CaseTrigger.SetObjectives);

public sealed record ShareObjectivesCommand(bool Share) : CaseCommand(CaseTrigger.ShareObjectives);

public sealed record RateObjectivesCommand(IReadOnlyDictionary<Guid, ObjectiveRating> Ratings) : CaseCommand(CaseTrigger.RateObjectives);

public sealed record LogSessionCommand(DateOnly Date, int DurationMinutes, SessionMode Mode) : CaseCommand(CaseTrigger.LogSession);

public sealed record RequestExtensionCommand(int Minutes, ExtensionCategory? Category, string? Comment) : CaseCommand(CaseTrigger.RequestExtension);

public sealed record ApproveExtensionCommand() : CaseCommand(CaseTrigger.ApproveExtension);

public sealed record RejectExtensionCommand() : CaseCommand(CaseTrigger.RejectExtension);

public sealed record CloseCommand(string Summary) : CaseCommand(CaseTrigger.Close);

public sealed record DraftCompanyTextCommand(string Text) : CaseCommand(CaseTrigger.DraftCompanyText);

public sealed record ApproveCompanyTextCommand() : CaseCommand(CaseTrigger.ApproveCompanyText);

public sealed record WithdrawCompanyTextApprovalCommand() : CaseCommand(CaseTrigger.WithdrawCompanyTextApproval);

public sealed record AcceptAgreementCommand() : CaseCommand(CaseTrigger.AcceptAgreement);
