using CoupDePousse.Domain.Cases;

namespace CoupDePousse.App.Features.Cases;

/// <summary>One operation on an existing case, as a page asks for it. Its trigger names its button.</summary>
public abstract record CaseCommand(CaseTrigger Trigger);

/// <summary>A command that commits money: refused when it would pass an envelope unless HR confirmed it (decision 034).</summary>
public interface ICommitsBudget
{
    bool ConfirmOverEnvelope { get; }

    /// <summary>The same command, confirmed over the envelope.</summary>
    CaseCommand Confirmed();
}

/// <summary>HR's reason is asked only when a conflict of interest is known; it goes to the security audit.</summary>
public sealed record AssignIntervenerCommand(string IntervenerId, string? ConflictOverrideReason = null, bool ConfirmOverEnvelope = false)
    : CaseCommand(CaseTrigger.AssignIntervener), ICommitsBudget
{
    public CaseCommand Confirmed() => this with { ConfirmOverEnvelope = true };
}

public sealed record DeclareNoConflictCommand() : CaseCommand(CaseTrigger.DeclareNoConflict);

/// <summary>The intervener's own words on the conflict: kept encrypted, read back by them alone.</summary>
public sealed record DeclareConflictCommand(string Description) : CaseCommand(CaseTrigger.DeclareConflict);

/// <summary>HR's reason goes to the security audit, not to the case.</summary>
public sealed record OverrideDeclaredConflictCommand(string Reason) : CaseCommand(CaseTrigger.OverrideDeclaredConflict);

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

/// <summary>The objectives with where the beneficiary stands on each (0–10), in the same order; null where a kept score applies or is missing.</summary>
public sealed record SetObjectivesCommand(IReadOnlyList<ObjectiveInput> Objectives, IReadOnlyList<int?> StartingScores) : CaseCommand(CaseTrigger.SetObjectives);

public sealed record ShareObjectivesCommand(bool Share) : CaseCommand(CaseTrigger.ShareObjectives);

public sealed record RateObjectivesCommand(IReadOnlyDictionary<Guid, ObjectiveAssessment> Assessments) : CaseCommand(CaseTrigger.RateObjectives);

public sealed record RateSatisfactionCommand(int? Score, string? Comment) : CaseCommand(CaseTrigger.RateSatisfaction);

public sealed record LogSessionCommand(DateOnly Date, int DurationMinutes, SessionMode Mode) : CaseCommand(CaseTrigger.LogSession);

public sealed record RequestExtensionCommand(int Minutes, ExtensionCategory? Category, string? Comment) : CaseCommand(CaseTrigger.RequestExtension);

public sealed record ApproveExtensionCommand(bool ConfirmOverEnvelope = false) : CaseCommand(CaseTrigger.ApproveExtension), ICommitsBudget
{
    public CaseCommand Confirmed() => this with { ConfirmOverEnvelope = true };
}

public sealed record RejectExtensionCommand() : CaseCommand(CaseTrigger.RejectExtension);

public sealed record CloseCommand(string Summary) : CaseCommand(CaseTrigger.Close);

public sealed record DraftCompanyTextCommand(string Text) : CaseCommand(CaseTrigger.DraftCompanyText);

public sealed record ApproveCompanyTextCommand() : CaseCommand(CaseTrigger.ApproveCompanyText);

public sealed record WithdrawCompanyTextApprovalCommand() : CaseCommand(CaseTrigger.WithdrawCompanyTextApproval);

public sealed record AcceptAgreementCommand() : CaseCommand(CaseTrigger.AcceptAgreement);
