using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Common;

/// <summary>Domain and topic names in the current UI language, from the catalogue.</summary>
public static class DomainLabels
{

    public static string Label(this CoachingDomain domain)
    {
        var info = CoachingCatalogue.Describe(domain);
        return Language.Pick(info.French, info.English);
    }

    public static string Of(IEnumerable<CoachingDomain> domains) => string.Join(" · ", domains.Select(Label));

    public static string Label(this Topic topic) => Language.Pick(topic.French, topic.English);

    public static IReadOnlyList<string> Push(this CoachingDomain domain)
    {
        var info = CoachingCatalogue.Describe(domain);
        return Language.IsEnglish() ? info.PushEnglish : info.PushFrench;
    }
}
