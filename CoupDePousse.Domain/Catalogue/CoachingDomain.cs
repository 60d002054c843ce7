namespace CoupDePousse.Domain.Catalogue;

/// <summary>The three domains of the concept; a case may combine several.</summary>
public enum CoachingDomain
{
    ManagementAndCommunication = 1,
    StrategyAndTactics = 2,
    StressAndEmotions = 3,
}
