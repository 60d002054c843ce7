using System.Globalization;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>
/// "Who sees what" in plain French or English, read from <see cref="CaseVisibility"/> itself: the one text the agreement
/// and the privacy notice both print, so a change of a visibility rule changes both.
/// </summary>
public static class VisibilityText
{
    /// <summary>The relations the text explains, in the order it lists them.</summary>
    public static IReadOnlyList<CaseRelation> ExplainedRelations { get; } =
        [CaseRelation.Beneficiary, CaseRelation.Intervener, CaseRelation.Company, CaseRelation.Proposer];

    private static readonly Dictionary<CaseRelation, (string French, string English)> Who = new()
    {
        [CaseRelation.Beneficiary] = ("La personne accompagnée voit : ", "The beneficiary sees: "),
        [CaseRelation.Intervener] = ("L’intervenant voit : ", "The intervener sees: "),
        [CaseRelation.Company] = ("Les RH, pour l’entreprise, voient : ", "HR, for the company, see: "),
        [CaseRelation.Proposer] = ("Le manager qui a proposé le coup de pousse voit : ", "The manager who proposed the coup de pousse sees: "),
    };

    /// <summary>Each thing one may see of a case, read from the flag that decides it; the few that matter most are also said when not seen.</summary>
    public static IReadOnlyList<(Func<CaseVisibility, bool> Sees, string French, string English, bool SaidWhenAbsent)> Items { get; } =
    [
        (v => v.SeesSituation, "la situation décrite avec ses propres mots", "the situation in the person’s own words", true),
        (v => v.SeesCompanyRequest, "les domaines, les sujets, l’effet sur le travail et le délai souhaité", "the domains, the topics, the effect on the work and the wished timing", false),
        (v => v.SeesExactState, "l’étape exacte du dossier", "the exact step of the case", false),
        (v => v.SeesOnlyCoarseStatus, "si la proposition est en cours ou terminée, sans plus de détail", "whether the proposal is in progress or has ended, nothing more", false),
        (v => v.SeesObjectives, "les objectifs", "the objectives", true),
        (v => v.SeesSessions && v.SeesHours, "les dates et durées des séances, et les heures utilisées", "the dates and lengths of the sessions, and the hours used", false),
        (v => v.SeesCost, "le coût", "the cost", false),
        (v => v.SeesExtensions, "les demandes d’heures en plus et la décision des RH", "requests for more hours and HR’s decision", false),
        (v => v.SeesClosingSummary, "le bilan de fin", "the closing summary", true),
        (v => v.SeesApprovedCompanyText, "le court texte de fin, mot pour mot, une fois approuvé par la personne accompagnée", "the short closing text, word for word, once the beneficiary approved it", false),
        (v => v.MayKeepSessionNotes, "les notes de séance de l’intervenant, que lui seul lit", "the intervener’s session notes, which only they read", true),
    ];

    /// <summary>The whole text: one line per relation, then the journal, which lives outside <see cref="CaseVisibility"/>.</summary>
    public static IReadOnlyList<string> Lines(CultureInfo culture)
    {
        var lines = ExplainedRelations.Select(relation => Line(relation, culture)).ToList();
        lines.Add(Pick("Le journal de la personne accompagnée n’est lu par personne d’autre, sauf les passages qu’elle choisit de partager avec l’intervenant.",
            "The beneficiary’s journal is read by nobody else, except the parts they choose to share with the intervener.", culture));
        return lines;
    }

    /// <summary>What one relation sees and does not see, read from the visibility rules; objectives the company reads only with consent.</summary>
    public static string Line(CaseRelation relation, CultureInfo culture)
    {
        var withoutConsent = new CaseVisibility(relation, ObjectivesSharedWithCompany: false);
        var withConsent = new CaseVisibility(relation, ObjectivesSharedWithCompany: true);
        var sees = new List<string>();
        var doesNotSee = new List<string>();
        foreach (var (flag, french, english, saidWhenAbsent) in Items)
        {
            var label = Pick(french, english, culture);
            if (flag(withoutConsent))
            {
                sees.Add(label);
            }
            else if (flag(withConsent))
            {
                sees.Add(label + Pick(", seulement si la personne accompagnée choisit de les partager", ", only if the beneficiary chooses to share them", culture));
            }
            else if (saidWhenAbsent)
            {
                doesNotSee.Add(label);
            }
        }

        var line = Pick(Who[relation].French, Who[relation].English, culture) + string.Join(" ; ", sees) + ".";
        return doesNotSee.Count == 0 ? line : line + Pick(" Ne voit pas : ", " Does not see: ", culture) + string.Join(" ; ", doesNotSee) + ".";
    }

    private static string Pick(string french, string english, CultureInfo culture) => Language.Pick(french, english, culture);
}
