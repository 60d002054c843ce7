using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>Whom an actor may propose a coup de pousse for.</summary>
public enum ProposalScope
{
    Nobody,
    Self,
    TeamAndSelf,
    AnyEmployee,
}

/// <summary>Who may be proposed for whom: the one definition the proposal, the form and its list of people read.</summary>
public static class Proposing
{
    /// <summary>Coaching is for the company's employees (HR members included), never an intervener or an administrator.</summary>
    public static IReadOnlyList<Role> EmployeeRoles { get; } = [Role.Beneficiary, Role.Manager, Role.HR];

    public static bool IsEmployee(this Role role) => EmployeeRoles.Contains(role);

    public static ProposalScope ProposalScopeOf(this Role role) => role switch
    {
        Role.HR => ProposalScope.AnyEmployee,
        Role.Manager => ProposalScope.TeamAndSelf,
        Role.Beneficiary => ProposalScope.Self,
        _ => ProposalScope.Nobody,
    };

    public static bool CanPropose(this Role role) => role.ProposalScopeOf() != ProposalScope.Nobody;

    /// <summary>A manager proposing for someone else presents it as an offer, following the concept's checklist.</summary>
    public static bool RequiresOfferChecklist(Actor proposer, string beneficiaryId) =>
        proposer.Role == Role.Manager && proposer.UserId != beneficiaryId;

    /// <summary>Whether the proposer may propose for this person, and if not, why.</summary>
    public static Result CheckProposer(Actor proposer, BeneficiaryRef beneficiary, bool offerChecklistConfirmed)
    {
        var forSelf = proposer.UserId == beneficiary.UserId;
        return proposer.Role.ProposalScopeOf() switch
        {
            ProposalScope.Nobody => CaseErrors.RoleCannotPropose,
            ProposalScope.Self when !forSelf => CaseErrors.OnlyForOneself,
            ProposalScope.TeamAndSelf when !forSelf && beneficiary.ManagerId != proposer.UserId => CaseErrors.NotInTeam,
            _ when RequiresOfferChecklist(proposer, beneficiary.UserId) && !offerChecklistConfirmed => CaseErrors.ChecklistRequired,
            _ => Result.Success(),
        };
    }
}
