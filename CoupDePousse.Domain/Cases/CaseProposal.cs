using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.Domain.Cases;

/// <summary>The person a case is for, with who manages them (to check a manager's team).</summary>
public sealed record BeneficiaryRef(string UserId, string? ManagerId);

/// <summary>What a proposer fills in.</summary>
public sealed record CaseProposal(
    IReadOnlyCollection<CoachingDomain> Domains,
    IReadOnlyCollection<string> TopicCodes,
    string Description,
    string WishedTiming,
    bool OfferChecklistConfirmed = false)
{
    public const int DescriptionMaxLength = 4000;
    public const int TimingMaxLength = 200;
}
