using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>The person a case is for, with who manages them (to check a manager's team) and their role (only employees).</summary>
public sealed record BeneficiaryRef(string UserId, string? ManagerId, Role? Role = Common.Role.Beneficiary);

/// <summary>What a proposer fills in.</summary>
public sealed record CaseProposal(
    IReadOnlyCollection<CoachingDomain> Domains,
    IReadOnlyCollection<string> TopicCodes,
    string Description,
    string WishedTiming,
    bool OfferChecklistConfirmed = false);
