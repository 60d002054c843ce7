using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;

namespace CoupDePousse.App.Data.Demo;

/// <summary>A first library of resources across the concept's domains, in French and English, as an administrator would enter it.</summary>
internal static class DemoLibrary
{
    /// <summary>The one Sophie's intervener shared with her in the demo.</summary>
    public const string DescTitle = "La méthode DESC pour un recadrage";

    private static readonly LibraryResourceInput[] Inputs =
    [
        new(CoachingDomain.ManagementAndCommunication, "reframing-confrontation", DescTitle, "The DESC method for a reframing talk",
            "Décrire les faits, Exprimer leur effet, Spécifier ce qui est attendu, Conclure sur les conséquences : une trame courte pour un entretien de recadrage factuel et respectueux.",
            "Describe the facts, Express their effect, Specify what is expected, Conclude on the consequences: a short outline for a factual, respectful reframing talk.",
            "https://fr.wikipedia.org/wiki/M%C3%A9thode_DESC"),
        new(CoachingDomain.ManagementAndCommunication, "difficult-conversations", "Préparer un entretien difficile en trois colonnes", "Preparing a difficult conversation in three columns",
            "Ce que je veux dire, ce que l’autre risque d’entendre, ce que je ferai s’il réagit fort : une feuille à remplir la veille.",
            "What I want to say, what the other may hear, what I will do if they react strongly: one sheet to fill in the day before.", null),
        new(CoachingDomain.ManagementAndCommunication, "team-organisation", "Le point d’équipe hebdomadaire en 20 minutes", "The 20-minute weekly team meeting",
            "Un ordre du jour fixe (météo, priorités, blocages, décisions) et un compte rendu de cinq lignes.",
            "A fixed agenda (mood, priorities, blockers, decisions) and five lines of minutes.", null),
        new(CoachingDomain.ManagementAndCommunication, "setting-objectives", "Des objectifs SMART, sans jargon", "SMART objectives, without the jargon",
            "Spécifique, mesurable, atteignable, réaliste, daté : cinq questions à poser à chaque objectif.",
            "Specific, measurable, achievable, realistic, time-bound: five questions to ask of each objective.", "https://fr.wikipedia.org/wiki/Objectifs_SMART"),
        new(CoachingDomain.ManagementAndCommunication, "public-speaking", "Prendre la parole : la règle des trois messages", "Speaking in public: the three-message rule",
            "Choisir trois messages, pas un de plus, et les annoncer dès l’introduction.",
            "Pick three messages, no more, and announce them in the introduction.", null),
        new(CoachingDomain.ManagementAndCommunication, "action-plans", "Un plan d’action qui tient sur une page", "An action plan that fits on one page",
            "Quoi, qui, pour quand, comment on saura que c’est fait.",
            "What, who, by when, how we will know it is done.", null),
        new(CoachingDomain.StrategyAndTactics, "risk-assessment", "La matrice probabilité × impact", "The likelihood × impact matrix",
            "Classer les risques d’une décision en quatre cases pour savoir lesquels traiter d’abord.",
            "Sort the risks of a decision into four boxes to know which to handle first.", "https://en.wikipedia.org/wiki/Risk_matrix"),
        new(CoachingDomain.StrategyAndTactics, "building-argument", "Construire un argumentaire : problème, option, bénéfice", "Building an argument: problem, option, benefit",
            "Partir du problème de l’auditoire, proposer une option, chiffrer le bénéfice.",
            "Start from the audience's problem, offer an option, put a figure on the benefit.", null),
        new(CoachingDomain.StrategyAndTactics, "choice-genesis", "Décider avec la grille avantages / inconvénients pondérée", "Deciding with a weighted pros and cons grid",
            "Lister, pondérer de 1 à 3, additionner : et regarder ce que le résultat fait ressentir.",
            "List, weight from 1 to 3, add up: then notice how the result feels.", null),
        new(CoachingDomain.StressAndEmotions, "one-off-stress", "La respiration carrée", "Box breathing",
            "Inspirer quatre temps, retenir quatre, expirer quatre, attendre quatre : trois minutes avant un moment tendu.",
            "Breathe in for four, hold for four, out for four, wait for four: three minutes before a tense moment.", "https://en.wikipedia.org/wiki/Box_breathing"),
        new(CoachingDomain.StressAndEmotions, "keeping-control", "Le journal des déclencheurs", "The trigger log",
            "Noter la situation, l’émotion, son intensité de 1 à 10 et ce qui a aidé : les schémas apparaissent en deux semaines.",
            "Write down the situation, the emotion, its strength from 1 to 10 and what helped: patterns show within two weeks.", null),
        new(CoachingDomain.StressAndEmotions, null, "Prendre du recul en trois questions", null,
            "Qu’est-ce qui dépend de moi ? Qu’est-ce qui n’en dépend pas ? Quel petit pas demain ?", null, null),
    ];

    public static IReadOnlyList<LibraryResource> Create(Actor admin, DateTimeOffset at) =>
        Inputs.Select(input => LibraryResource.Create(admin, input, at)).Select(created => created.IsSuccess
            ? created.Value
            : throw new InvalidOperationException($"The demo library is invalid: {created.Error}")).ToList();
}
