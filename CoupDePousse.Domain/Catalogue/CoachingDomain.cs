namespace CoupDePousse.Domain.Catalogue;

/// <summary>The three domains of the concept; a case may combine several.</summary>
public enum CoachingDomain
{
    ManagementAndCommunication = 1,
    StrategyAndTactics = 2,
    StressAndEmotions = 3,
}

public static class CoachingDomains
{
    /// <summary>The domain's bit in a set of domains stored as one integer.</summary>
    public static int Flag(this CoachingDomain domain) => 1 << (int)domain;

    public static int FlagsOf(IEnumerable<CoachingDomain> domains) => domains.Aggregate(0, (flags, domain) => flags | domain.Flag());
}
