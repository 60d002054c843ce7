using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>How an actor stands towards a case; it decides everything they may see of it.</summary>
public enum CaseRelation
{
    None,
    Beneficiary,
    Intervener,
    Company,
    Proposer,
}

/// <summary>
/// "Who sees what" of the brief as one function: the app builds every case read model from its flags.
/// Session notes are absent on purpose: they are read only through <see cref="SessionNote.ReadableBy"/>.
/// </summary>
public sealed record CaseVisibility(CaseRelation Relation, bool ObjectivesSharedWithCompany)
{
    public static CaseVisibility For(Actor actor, CoachingCase coachingCase) =>
        new(RelationOf(actor, coachingCase), coachingCase.ObjectivesShared);

    public static CaseRelation RelationOf(Actor actor, CoachingCase coachingCase) => actor switch
    {
        _ when coachingCase.IsBeneficiary(actor) => CaseRelation.Beneficiary,
        _ when coachingCase.IsAssignedIntervener(actor) => CaseRelation.Intervener,
        { Role: Role.HR } => CaseRelation.Company,
        { Role: Role.Manager } when coachingCase.IsProposer(actor) => CaseRelation.Proposer,
        _ => CaseRelation.None,
    };

    /// <summary>A case the actor may not reach is answered exactly like one that does not exist.</summary>
    public bool CanReach => Relation != CaseRelation.None;

    /// <summary>A manager sees only proposed / in progress / ended of their own proposals.</summary>
    public bool SeesOnlyCoarseStatus => Relation == CaseRelation.Proposer;

    /// <summary>What this actor is told of a refusal: a proposer hears one neutral answer whatever the state, step or race.</summary>
    public Error Refusal(Error error) => SeesOnlyCoarseStatus ? CaseErrors.NoLongerWithdrawable : error;

    private bool IsBeneficiaryOrIntervener => Relation is CaseRelation.Beneficiary or CaseRelation.Intervener;

    private bool IsInvolved => IsBeneficiaryOrIntervener || Relation == CaseRelation.Company;

    /// <summary>What the company may read of the request: domains and topics, the impact on the work, the wished timing.</summary>
    public bool SeesCompanyRequest => IsInvolved;

    /// <summary>The situation in the person's own words: between the beneficiary and the intervener, never the company.</summary>
    public bool SeesSituation => IsBeneficiaryOrIntervener;

    public bool SeesExactState => IsInvolved;

    /// <summary>Which end was reached (declined, stopped, referred...). Never the reason: none is kept.</summary>
    public bool SeesOutcome => IsInvolved;

    public bool SeesHistory => IsInvolved;

    public bool SeesHours => IsInvolved;

    public bool SeesSessions => IsInvolved;

    public bool SeesCost => Relation == CaseRelation.Company;

    public bool SeesCompanyVerdicts => IsInvolved;

    /// <summary>The intervener's verdicts, validated or not: everyone involved.</summary>
    public bool SeesIntervenerVerdicts => IsInvolved;

    /// <summary>The intervener's comments on their verdicts stay between intervener and beneficiary.</summary>
    public bool SeesIntervenerVerdictComments => IsBeneficiaryOrIntervener;

    /// <summary>Objectives belong to the beneficiary; the company reads them only with consent.</summary>
    public bool SeesObjectives => IsBeneficiaryOrIntervener || (Relation == CaseRelation.Company && ObjectivesSharedWithCompany);

    public bool SeesObjectiveDrafts => IsBeneficiaryOrIntervener;

    public bool SeesObjectiveHistory => IsBeneficiaryOrIntervener;

    /// <summary>Where an excluded request was referred: a matter of the person's health, kept from the company.</summary>
    public bool SeesReferral => IsBeneficiaryOrIntervener;

    public bool SeesClosingSummary => IsBeneficiaryOrIntervener;

    /// <summary>The before/after scores and the satisfaction answer with its comment: the company sees them only in aggregate (decision 029).</summary>
    public bool SeesScores => IsBeneficiaryOrIntervener;

    /// <summary>The text meant for the company as drafted, and its status: between the beneficiary and the intervener.</summary>
    public bool SeesCompanyTextDraft => IsBeneficiaryOrIntervener;

    /// <summary>The company (HR and the proposing manager) reads the text the beneficiary approved word for word, and nothing before.</summary>
    public bool SeesApprovedCompanyText => Relation is CaseRelation.Company or CaseRelation.Proposer;

    /// <summary>HR's own words on why it cancelled: everyone involved, never the manager who proposed.</summary>
    public bool SeesCancellationReason => IsInvolved;

    /// <summary>Extension requests: minutes, category and HR's decision.</summary>
    public bool SeesExtensions => IsInvolved;

    /// <summary>The intervener's comment on an extension is addressed to HR; its author reads it too, the beneficiary does not.</summary>
    public bool SeesExtensionComments => Relation is CaseRelation.Company or CaseRelation.Intervener;

    /// <summary>Where the intervener's conflict-of-interest declaration stands: HR, who decides on a declared conflict, and the intervener.</summary>
    public bool SeesConflictDeclarationStatus => Relation is CaseRelation.Company or CaseRelation.Intervener;

    /// <summary>The conflict as the intervener described it: theirs alone, never the beneficiary's, HR's or a manager's (decision 024).</summary>
    public bool SeesConflictDescription => Relation == CaseRelation.Intervener;

    /// <summary>The three-way agreement and its acceptances: its three parties (the beneficiary, the intervener, HR), never the proposing manager.</summary>
    public bool SeesAgreement => IsInvolved;

    /// <summary>Only the assigned intervener may hold private notes on this case, and reads only their own.</summary>
    public bool MayKeepSessionNotes => Relation == CaseRelation.Intervener;
}
