using CoupDePousse.Domain.Cases;

namespace CoupDePousse.Domain.Interveners;

/// <summary>How an intervener is already tied to the person of a case; the relation is shown to HR, never a case's content.</summary>
public enum ConflictRelation
{
    FollowsBeneficiary,
    FollowsManager,
    FollowsDirectReport,
}

/// <summary>An active (not ended) case the intervener already follows: its beneficiary and their manager, as the app knows them now.</summary>
public sealed record FollowedCase(Guid CaseId, string BeneficiaryId, string? BeneficiaryManagerId);

/// <summary>The known conflicts of interest: the app supplies the intervener's active cases, the rule lives here.</summary>
public static class ConflictDetection
{
    public static IReadOnlyList<ConflictRelation> Detect(Guid caseId, BeneficiaryRef beneficiary, IEnumerable<FollowedCase> followed)
    {
        var others = followed.Where(f => f.CaseId != caseId).ToList();
        var relations = new List<ConflictRelation>();
        if (others.Any(f => f.BeneficiaryId == beneficiary.UserId))
        {
            relations.Add(ConflictRelation.FollowsBeneficiary);
        }

        if (beneficiary.ManagerId is not null && others.Any(f => f.BeneficiaryId == beneficiary.ManagerId))
        {
            relations.Add(ConflictRelation.FollowsManager);
        }

        if (others.Any(f => f.BeneficiaryManagerId == beneficiary.UserId))
        {
            relations.Add(ConflictRelation.FollowsDirectReport);
        }

        return relations;
    }
}
