using System.Globalization;
using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.App.Features.Common;

/// <summary>Domain and topic names in the current UI language, from the catalogue.</summary>
public static class DomainLabels
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Label(this CoachingDomain domain)
    {
        var info = CoachingCatalogue.Describe(domain);
        return English ? info.English : info.French;
    }

    public static string Of(IEnumerable<CoachingDomain> domains) => string.Join(" · ", domains.Select(Label));

    public static string Label(this Topic topic) => English ? topic.English : topic.French;

    public static IReadOnlyList<string> Push(this CoachingDomain domain)
    {
        var info = CoachingCatalogue.Describe(domain);
        return English ? info.PushEnglish : info.PushFrench;
    }
}
