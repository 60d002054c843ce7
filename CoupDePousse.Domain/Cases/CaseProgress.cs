namespace CoupDePousse.Domain.Cases;

/// <summary>Whose move it is on a case.</summary>
public enum WaitingParty
{
    Beneficiary,
    Intervener,
    HR,
}

/// <summary>What should happen next on a case, as one party reads it.</summary>
public enum NextStep
{
    WaitBeneficiaryAgrees,
    AssignIntervener,

    /// <summary>The intervener declares whether they have a conflict of interest with the person, before the interview.</summary>
    DeclareConflict,

    /// <summary>The intervener declared a conflict: HR lets it go or assigns someone else.</summary>
    WaitConflictDecision,
    DecideConflict,
    RecordInterview,
    WaitBeneficiaryDecides,
    GiveVerdicts,
    WaitHrVerdicts,
    Rule,
    WaitHrRuling,
    DraftObjectives,
    FirstSession,
    LogSessions,
    NearLimit,
    WaitExtension,
    DecideExtension,
    WaitOthers,
    Ended,

    /// <summary>The reader's own acceptance of the three-way agreement is awaited.</summary>
    AcceptAgreement,

    /// <summary>The agreement waits on another party's acceptance before any session.</summary>
    WaitAgreement,
}

/// <summary>
/// The few facts that say whose move it is and what comes next. Read from the aggregate
/// (<see cref="CoachingCase.Progress"/>) or projected by a list query, the rules below are the same.
/// </summary>
public sealed record CaseProgress(
    CaseState State,
    bool HasIntervener,
    bool InterviewHeld,
    bool BeneficiaryContinued,
    int CompanyVerdictCount,
    int IntervenerVerdictCount,
    bool? CompanyRuling,
    bool? IntervenerRuling,
    bool ExtensionPending,
    bool NearBudgetLimit,
    ConflictDeclarationStatus ConflictDeclaration = ConflictDeclarationStatus.NotDeclared,
    AgreementParties AgreementAwaiting = AgreementParties.None)
{
    private static readonly int CompanyCriteria = AcceptanceCriteria.OwnedBy(Party.Company).Count();
    private static readonly int IntervenerCriteria = AcceptanceCriteria.OwnedBy(Party.Intervener).Count();

    // A party holds one verdict per criterion it owns: as many verdicts as criteria means none is missing.
    public bool CompanyVerdictsComplete => CompanyVerdictCount >= CompanyCriteria;

    public bool IntervenerVerdictsComplete => IntervenerVerdictCount >= IntervenerCriteria;

    /// <summary>A conflict the intervener declared waits on HR's decision: it holds the case before the interview.</summary>
    public bool ConflictAwaitsDecision => ConflictDeclaration == ConflictDeclarationStatus.ConflictDeclared && !InterviewHeld && State.IsBeforeAcceptance();

    /// <summary>Who the case is waiting on now; null once it has ended.</summary>
    public WaitingParty? WaitingOn => State switch
    {
        _ when ConflictAwaitsDecision => WaitingParty.HR,
        CaseState.Proposed => HasIntervener ? WaitingParty.Beneficiary : WaitingParty.HR,
        CaseState.PreliminaryInterview when !InterviewHeld => WaitingParty.Intervener,
        CaseState.PreliminaryInterview when !BeneficiaryContinued => WaitingParty.Beneficiary,
        CaseState.PreliminaryInterview => CompanyVerdictsComplete ? WaitingParty.Intervener : WaitingParty.HR,
        CaseState.UnderDiscussion => CompanyRuling is null ? WaitingParty.HR : WaitingParty.Intervener,
        CaseState.Accepted => WaitingParty.Beneficiary,
        CaseState.ObjectivesSet => AgreementWaitsOn ?? WaitingParty.Intervener,
        CaseState.InSessions when ExtensionPending => WaitingParty.HR,

        // In sessions the agreement can wait only on an amendment, which the beneficiary accepts.
        CaseState.InSessions => AgreementAwaiting.HasFlag(AgreementParties.Beneficiary) ? WaitingParty.Beneficiary : WaitingParty.Intervener,
        _ => null,
    };

    /// <summary>The first party the agreement still waits on, before any session.</summary>
    public WaitingParty? AgreementWaitsOn =>
        AgreementAwaiting.HasFlag(AgreementParties.Beneficiary) ? WaitingParty.Beneficiary
        : AgreementAwaiting.HasFlag(AgreementParties.Intervener) ? WaitingParty.Intervener
        : AgreementAwaiting.HasFlag(AgreementParties.Company) ? WaitingParty.HR
        : null;

    /// <summary>The next step for the assigned intervener.</summary>
    public NextStep ForIntervener => State switch
    {
        _ when ConflictAwaitsDecision => NextStep.WaitConflictDecision,
        CaseState.Proposed or CaseState.PreliminaryInterview when HasIntervener && !InterviewHeld && !ConflictDeclaration.IsSettled() => NextStep.DeclareConflict,
        CaseState.Accepted or CaseState.ObjectivesSet or CaseState.InSessions when !ExtensionPending && AgreementAwaiting.HasFlag(AgreementParties.Intervener) => NextStep.AcceptAgreement,
        CaseState.ObjectivesSet or CaseState.InSessions when !ExtensionPending && AgreementAwaiting != AgreementParties.None => NextStep.WaitAgreement,
        CaseState.Proposed => NextStep.WaitBeneficiaryAgrees,
        CaseState.PreliminaryInterview when !InterviewHeld => NextStep.RecordInterview,
        CaseState.PreliminaryInterview when !BeneficiaryContinued => NextStep.WaitBeneficiaryDecides,
        CaseState.PreliminaryInterview when !IntervenerVerdictsComplete => NextStep.GiveVerdicts,
        CaseState.PreliminaryInterview => NextStep.WaitHrVerdicts,
        CaseState.UnderDiscussion when IntervenerRuling is null => NextStep.Rule,
        CaseState.UnderDiscussion => NextStep.WaitHrRuling,
        CaseState.Accepted => NextStep.DraftObjectives,
        CaseState.ObjectivesSet => NextStep.FirstSession,
        CaseState.InSessions when ExtensionPending => NextStep.WaitExtension,
        CaseState.InSessions when NearBudgetLimit => NextStep.NearLimit,
        CaseState.InSessions => NextStep.LogSessions,
        _ => NextStep.Ended,
    };

    /// <summary>The next step for HR: its own move when the case waits on HR, otherwise waiting on the others.</summary>
    public NextStep ForCompany => CompanyStep(State, WaitingOn, ConflictDeclaration);

    /// <summary>HR's next step from the state, whose move it is and the intervener's declaration (so a list can read it from stored facts).</summary>
    public static NextStep CompanyStep(CaseState state, WaitingParty? waitingOn, ConflictDeclarationStatus conflictDeclaration = ConflictDeclarationStatus.NotDeclared) => (state, waitingOn) switch
    {
        (_, null) => NextStep.Ended,
        (CaseState.Proposed or CaseState.PreliminaryInterview, WaitingParty.HR) when conflictDeclaration == ConflictDeclarationStatus.ConflictDeclared => NextStep.DecideConflict,
        (CaseState.Proposed, WaitingParty.HR) => NextStep.AssignIntervener,
        (CaseState.PreliminaryInterview, WaitingParty.HR) => NextStep.GiveVerdicts,
        (CaseState.UnderDiscussion, WaitingParty.HR) => NextStep.Rule,
        (CaseState.ObjectivesSet, WaitingParty.HR) => NextStep.AcceptAgreement,
        (CaseState.InSessions, WaitingParty.HR) => NextStep.DecideExtension,
        _ => NextStep.WaitOthers,
    };
}

public static class NextSteps
{
    /// <summary>True when the step is the reader's own move rather than someone else's.</summary>
    public static bool IsOwnMove(this NextStep step) => step is NextStep.AssignIntervener or NextStep.DeclareConflict or NextStep.DecideConflict or NextStep.RecordInterview or NextStep.GiveVerdicts
        or NextStep.Rule or NextStep.DraftObjectives or NextStep.FirstSession or NextStep.LogSessions or NextStep.NearLimit or NextStep.DecideExtension
        or NextStep.AcceptAgreement;
}
