namespace CoupDePousse.Domain.Cases;

/// <summary>Whose move it is on a case, for HR's pipeline.</summary>
public enum WaitingParty
{
    Beneficiary,
    Intervener,
    HR,
}

public sealed partial class CoachingCase
{
    /// <summary>Who the case is waiting on now; null once it has ended.</summary>
    public WaitingParty? WaitingOn() => State switch
    {
        CaseState.Proposed => IntervenerId is null ? WaitingParty.HR : WaitingParty.Beneficiary,
        CaseState.PreliminaryInterview when Interview is null => WaitingParty.Intervener,
        CaseState.PreliminaryInterview when !BeneficiaryContinued => WaitingParty.Beneficiary,
        CaseState.PreliminaryInterview => MissingVerdictsOf(Party.Company) ? WaitingParty.HR : WaitingParty.Intervener,
        CaseState.UnderDiscussion => CompanyRuling is null ? WaitingParty.HR : WaitingParty.Intervener,
        CaseState.Accepted => WaitingParty.Beneficiary,
        CaseState.ObjectivesSet => WaitingParty.Intervener,
        CaseState.InSessions => PendingExtension is null ? WaitingParty.Intervener : WaitingParty.HR,
        _ => null,
    };

    private bool MissingVerdictsOf(Party party) =>
        AcceptanceCriteria.OwnedBy(party).Any(criterion => VerdictOf(criterion, party) is null);
}
