namespace CoupDePousse.Domain.Catalogue;

/// <summary>One targeted topic of a domain, labelled as in the concept (French) and in English.</summary>
public sealed record Topic(string Code, CoachingDomain Domain, string French, string English);

/// <summary>A domain with its labels and what the push brings there, in the concept's words.</summary>
public sealed record DomainInfo(
    CoachingDomain Domain,
    string French,
    string English,
    IReadOnlyList<string> PushFrench,
    IReadOnlyList<string> PushEnglish);
