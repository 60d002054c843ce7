using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// The person a case is for, with who manages them (to check a manager's team), their role (only employees) and their
/// department (which the figures group by).
/// </summary>
public sealed record BeneficiaryRef(string UserId, string? ManagerId, Role? Role = Common.Role.Beneficiary, string? Department = null);

/// <summary>
/// What a proposer fills in, for two audiences: the situation in the person's own words (beneficiary and intervener only),
/// and the impact on the work with the wished timing (what the company reads for criteria 2 and 7).
/// </summary>
public sealed record CaseProposal(
    IReadOnlyCollection<CoachingDomain> Domains,
    IReadOnlyCollection<string> TopicCodes,
    string Description,
    string WorkImpact,
    string WishedTiming,
    bool OfferChecklistConfirmed = false);
