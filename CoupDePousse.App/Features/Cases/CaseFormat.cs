using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Cases;

/// <summary>Dates, money and catalogue labels as the case pages show them, in the current culture.</summary>
public static class CaseFormat
{
    public static string Date(DateTimeOffset at) => at.ToLocalTime().ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    public static string Duration(int minutes) => Durations.Format(minutes);

    public static string Euros(long cents) => EuroFormat.Format(cents);

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
