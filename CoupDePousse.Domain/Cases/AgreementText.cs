using System.Globalization;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>The parts of the agreement, in the order they are read.</summary>
public enum AgreementSectionKind
{
    Engagement,
    Visibility,
    Confidentiality,
    RightToStop,
    Independence,
    Ethics,
}

/// <summary>One part of the agreement: a title and a few short sentences.</summary>
public sealed record AgreementSection(AgreementSectionKind Kind, string Title, IReadOnlyList<string> Lines);

/// <summary>
/// The agreement in plain words, in French or English, written from one version and from the visibility rules
/// themselves (<see cref="VisibilityText"/>): a change of who sees what changes the agreement with it.
/// </summary>
public static class AgreementText
{
    /// <summary>The whole agreement of one version.</summary>
    public static IReadOnlyList<AgreementSection> Compose(AgreementVersion version, CultureInfo culture) =>
    [
        Engagement(version, culture),
        Visibility(culture),
        new(AgreementSectionKind.Confidentiality, Pick("Les limites de la confidentialité", "The limits of confidentiality", culture),
        [
            Pick("Ce qui se dit en séance reste entre la personne accompagnée et l’intervenant.", "What is said in a session stays between the beneficiary and the intervener.", culture),
            Pick("L’intervenant ne peut en parler à quelqu’un d’autre que dans ces cas :", "The intervener may speak of it to someone else only in these cases:", culture),
            Pick(version.ConfidentialityExceptionsFrench, version.ConfidentialityExceptionsEnglish, culture),
        ]),
        new(AgreementSectionKind.RightToStop, Pick("Le droit d’arrêter", "The right to stop", culture),
        [
            Pick("La personne accompagnée peut arrêter à tout moment, sans donner de raison.", "The beneficiary may stop at any time, without giving a reason.", culture),
            Pick("Aucune raison n’est demandée, aucune n’est gardée.", "No reason is asked, none is kept.", culture),
        ]),
        new(AgreementSectionKind.Independence, Pick("L’indépendance de l’intervenant", "The intervener’s independence", culture),
        [
            Pick("L’intervenant est indépendant de l’entreprise : il ne reçoit d’elle aucune consigne sur le contenu des séances.", "The intervener is independent of the company: it gives them no instruction on what is said in sessions.", culture),
            Pick("Il ne rend compte à l’entreprise que des heures utilisées.", "They report to the company only the hours used.", culture),
        ]),
        new(AgreementSectionKind.Ethics, Pick("Le code de déontologie", "The code of ethics", culture),
        [
            Pick("L’intervenant suit ce code de déontologie :", "The intervener follows this code of ethics:", culture) + " " + version.CodeOfEthics,
        ]),
    ];

    /// <summary>The parties named in a sentence: "the beneficiary, the intervener and HR".</summary>
    public static string Parties(AgreementParties parties, CultureInfo culture)
    {
        var names = Enum.GetValues<AgreementParty>().Where(p => parties.HasFlag(CoachingCase.AsParties(p))).Select(p => PartyName(p, culture)).ToList();
        return names.Count <= 1 ? string.Concat(names)
            : string.Join(", ", names[..^1]) + Pick(" et ", " and ", culture) + names[^1];
    }

    public static string PartyName(AgreementParty party, CultureInfo culture) => party switch
    {
        AgreementParty.Beneficiary => Pick("la personne accompagnée", "the beneficiary", culture),
        AgreementParty.Intervener => Pick("l’intervenant", "the intervener", culture),
        _ => Pick("les RH", "HR", culture),
    };

    public static string ReasonLabel(AgreementReason reason, CultureInfo culture) => reason switch
    {
        AgreementReason.Initial => Pick("Contrat initial", "Initial agreement", culture),
        AgreementReason.BudgetChange => Pick("Avenant : nouveau budget d’heures", "Amendment: new hours budget", culture),
        _ => Pick("Avenant : heures en plus accordées", "Amendment: extra hours approved", culture),
    };

    private static AgreementSection Engagement(AgreementVersion version, CultureInfo culture)
    {
        var english = Language.IsEnglish(culture);
        var domains = string.Join(", ", version.Domains.Select(d => CoachingCatalogue.Describe(d)).Select(d => english ? d.English : d.French));
        var topics = version.TopicCodes.Select(CoachingCatalogue.FindTopic).OfType<Topic>().Select(t => english ? t.English : t.French).ToList();
        List<string> lines =
        [
            Pick("Domaines : ", "Domains: ", culture) + domains + ".",
            topics.Count == 0 ? Pick("Aucun sujet précis n’a été choisi.", "No specific topic was chosen.", culture)
                : Pick("Sujets : ", "Topics: ", culture) + string.Join(", ", topics) + ".",
            string.Format(culture, Pick("Budget d’heures pour les séances : {0}. L’entretien préalable n’en fait pas partie.",
                "Hours budget for the sessions: {0}. The preliminary interview is not part of it.", culture), Durations.Format(version.BudgetMinutes)),
        ];
        if (version.IsAmendment)
        {
            lines.Add(string.Format(culture, Pick("Cet avenant (version {0}) remplace la version précédente. {1}.", "This amendment (version {0}) replaces the previous version. {1}.", culture),
                version.Number, ReasonLabel(version.Reason, culture)));
        }

        return new(AgreementSectionKind.Engagement, Pick("Ce qui est convenu", "What is agreed", culture), lines);
    }

    private static AgreementSection Visibility(CultureInfo culture) =>
        new(AgreementSectionKind.Visibility, Pick("Qui voit quoi", "Who sees what", culture), VisibilityText.Lines(culture));

    private static string Pick(string french, string english, CultureInfo culture) => Language.Pick(french, english, culture);
}
