using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Cases;

/// <summary>Catalogue labels, states and outcomes as the case pages show them, in the current culture; numbers and dates are <see cref="Figures"/>'.</summary>
public static class CaseFormat
{
    public static string Domain(CoachingDomain domain) => domain.Label();

    public static string Topic(string code) => CoachingCatalogue.FindTopic(code)?.Label() ?? code;

    public static string Criterion(AcceptanceCriterion criterion)
    {
        var info = AcceptanceCriteria.Describe(criterion);
        return Language.Pick(info.French, info.English);
    }

    public static string State(CaseState state) => state.Label(CultureInfo.CurrentUICulture);

    public static string Outcome(CaseOutcome outcome) => outcome.Label(CultureInfo.CurrentUICulture);
}
