using System.Globalization;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>French and English names of states and outcomes, as people read them.</summary>
public static class CaseLabels
{
    private static readonly Dictionary<CaseState, (string French, string English)> States = new()
    {
        [CaseState.Proposed] = ("Proposé", "Proposed"),
        [CaseState.PreliminaryInterview] = ("Entretien préalable", "Preliminary interview"),
        [CaseState.UnderDiscussion] = ("En discussion", "Under discussion"),
        [CaseState.Accepted] = ("Accepté", "Accepted"),
        [CaseState.ObjectivesSet] = ("Objectifs fixés", "Objectives set"),
        [CaseState.InSessions] = ("En séances", "In sessions"),
        [CaseState.Closed] = ("Clos", "Closed"),
        [CaseState.Declined] = ("Non donné suite", "Declined"),
        [CaseState.Cancelled] = ("Annulé", "Cancelled"),
    };

    private static readonly Dictionary<CaseOutcome, (string French, string English)> Outcomes = new()
    {
        [CaseOutcome.DeclinedByBeneficiary] = ("Proposition déclinée", "Offer declined"),
        [CaseOutcome.StoppedAfterInterview] = ("Arrêt après l’entretien préalable", "Stopped after the interview"),
        [CaseOutcome.RefusedAfterDiscussion] = ("Non retenu après discussion", "Refused after discussion"),
        [CaseOutcome.ExcludedWithReferral] = ("Réorienté", "Referred elsewhere"),
        [CaseOutcome.Cancelled] = ("Annulé", "Cancelled"),
        [CaseOutcome.Completed] = ("Mené à son terme", "Completed"),
        [CaseOutcome.InterruptedByBeneficiary] = ("Interrompu par le bénéficiaire", "Interrupted by the beneficiary"),
    };

    public static string Label(this CaseState state, CultureInfo? culture = null) => Pick(States[state], culture);

    public static string Label(this CaseOutcome outcome, CultureInfo? culture = null) => Pick(Outcomes[outcome], culture);

    private static string Pick((string French, string English) labels, CultureInfo? culture) =>
        Language.Pick(labels.French, labels.English, culture);
}
