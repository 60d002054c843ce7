using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;

namespace CoupDePousse.App.Data.Generation;

/// <summary>Small pools of French names and texts that generated people and cases draw from.</summary>
internal static class GeneratedTexts
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Emma", "Clara", "Lucie",
        "Anaïs", "Pauline", "Mathilde", "Élodie", "Nathalie", "Sophie", "Isabelle", "Céline", "Aurélie", "Hélène",
        "Thomas", "Nicolas", "Julien", "Maxime", "Hugo", "Lucas", "Antoine", "Pierre", "Romain", "Alexandre",
        "Mathieu", "Sébastien", "Guillaume", "Benoît", "Jérôme", "François", "Olivier", "Karim", "Mehdi", "Yann",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
        "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
        "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
    ];

    public static IReadOnlyList<string> Departments { get; } =
    [
        "Service client 1", "Service client 2", "Service client 3", "Service client 4",
        "Logistique Nord", "Logistique Sud", "Logistique Est", "Logistique Ouest",
        "Comptabilité fournisseurs", "Comptabilité clients", "Contrôle de gestion", "Trésorerie",
        "Achats", "Juridique", "Paie", "Recrutement", "Formation", "Communication interne",
        "Marketing digital", "Marketing produit", "Ventes Île-de-France", "Ventes Grand Ouest",
        "Ventes Rhône-Alpes", "Ventes Sud-Est", "Support informatique", "Infrastructures",
        "Développement logiciel", "Données et analyse", "Sécurité informatique", "Qualité",
        "Production atelier A", "Production atelier B", "Maintenance", "Méthodes industrielles",
        "Recherche et développement", "Services généraux", "Accueil et standard", "Facturation",
        "Recouvrement", "Relation fournisseurs",
    ];

    public const string HrDepartment = "Ressources humaines";

    private static readonly Dictionary<CoachingDomain, string[]> Situations = new()
    {
        [CoachingDomain.ManagementAndCommunication] =
        [
            "Je viens de prendre la responsabilité d’une équipe et je cherche ma place.",
            "Les réunions d’équipe tournent court et je n’arrive pas à les cadrer.",
            "Je dois recadrer un collaborateur et je redoute l’entretien.",
            "Je présente bientôt un bilan devant la direction et je perds mes moyens à l’oral.",
            "Mes objectifs annuels sont flous et je ne sais pas comment mesurer mon travail.",
            "Le projet que je conduis accumule les retards et l’équipe se démobilise.",
        ],
        [CoachingDomain.StrategyAndTactics] =
        [
            "Je dois choisir entre deux organisations et j’hésite depuis des semaines.",
            "Je prépare un argumentaire pour défendre un budget et je doute de ma stratégie.",
            "Un risque important pèse sur mon projet et je ne sais pas comment le présenter.",
            "Je dois bâtir un plan face à un problème qui revient chaque trimestre.",
            "On me demande une analyse prospective et je ne sais pas par où commencer.",
        ],
        [CoachingDomain.StressAndEmotions] =
        [
            "La période est tendue et je dors mal depuis plusieurs semaines.",
            "Certaines réunions me mettent hors de moi et je le regrette ensuite.",
            "Une relation difficile avec un collègue me pèse au quotidien.",
            "Je vis mal les pics d’activité et je perds le contrôle dans l’urgence.",
            "Une situation pénible se répète et j’ai du mal à prendre du recul.",
        ],
    };

    private static readonly string[] Contexts =
    [
        "Cela dure depuis le début de l’année.",
        "La situation s’est dégradée ces derniers mois.",
        "J’aimerais avancer avant l’été.",
        "Mon manager m’a encouragé à en parler.",
        "J’ai déjà essayé seul, sans grand résultat.",
        "",
    ];

    private static readonly string[] WorkImpacts =
    [
        "Les délais de traitement du service s’allongent.",
        "L’équipe attend des décisions qui tardent.",
        "Deux dossiers importants ont pris du retard.",
        "La qualité des échanges avec les clients s’en ressent.",
        "Le planning de l’équipe est régulièrement bousculé.",
        "Les objectifs du trimestre sont menacés.",
        "Les arbitrages quotidiens passent par cette personne.",
    ];

    private static readonly string[] Timings =
    [
        "Dans le mois", "Avant la fin du trimestre", "Dans les deux semaines", "Rapidement",
        "Au trimestre prochain", "Avant l’été", "Sans urgence particulière",
    ];

    private static readonly (string Statement, string Measure)[] Objectives =
    [
        ("Mener mes entretiens difficiles avec assurance", "Deux entretiens tenus, l’essentiel dit"),
        ("Installer un point d’équipe hebdomadaire", "Quatre points tenus d’affilée, avec un ordre du jour"),
        ("Présenter le bilan sans lire mes notes", "Présentation faite, questions traitées"),
        ("Clarifier mes critères de décision", "Une grille écrite et partagée avec mon manager"),
        ("Prendre du recul dans les moments de tension", "Trois situations tendues traversées sans éclat"),
        ("Déléguer deux dossiers récurrents", "Deux dossiers suivis par l’équipe depuis un mois"),
        ("Construire un argumentaire solide", "Argumentaire validé par la direction"),
        ("Retrouver un rythme de travail soutenable", "Plus de travail le soir depuis trois semaines"),
        ("Fixer des objectifs mesurables à l’équipe", "Objectifs écrits pour chaque membre"),
        ("Préparer un plan face au risque identifié", "Plan d’action présenté en comité"),
    ];

    private static readonly string[] SessionNotes =
    [
        "Bonne séance, objectifs revus ensemble.",
        "Jeu de rôle sur l’entretien à venir.",
        "Travail sur les signaux de stress.",
        "Retour d’expérience positif sur la semaine.",
        "Séance écourtée, à reprendre.",
        "Points d’appui identifiés pour la réunion.",
        "Grille de décision construite ensemble.",
        "Exercice de recul sur une situation récente.",
        "Progrès nets depuis la dernière fois.",
        "Préparation de l’argumentaire, plan en trois parties.",
    ];

    private static readonly string[] ClosingSummaries =
    [
        "Objectifs atteints ; la personne garde sa grille de préparation.",
        "Progrès nets, un point de suivi est conseillé dans six mois.",
        "Engagement mené à terme, autonomie retrouvée sur le sujet.",
        "Objectifs en partie atteints ; les outils sont en place.",
        "Coup de pousse terminé dans le budget prévu.",
    ];

    private static readonly string[] CancellationReasons =
    [
        "Projet reporté", "Réorganisation du service", "Changement de poste", "Départ de l’entreprise", "Demande en double",
    ];

    private static readonly string[] ReferralNotes =
    [
        "Relève de la médecine du travail.",
        "Orientation vers le programme d’aide aux salariés.",
        "Problème d’organisation du service, à traiter par la direction.",
        "Accompagnement thérapeutique conseillé.",
    ];

    private static readonly string[] VerdictComments =
    [
        "La durée d’un coup de pousse semble courte pour ce sujet.",
        "L’impact sur le travail reste à préciser.",
        "Les objectifs paraissent ambitieux pour le format.",
        "Disponibilité incertaine dans les prochaines semaines.",
    ];

    private static readonly string[] ExtensionComments =
    [
        "Deux séances de plus pour consolider.",
        "Un nouvel enjeu est apparu en cours de route.",
        "La réorganisation a décalé le calendrier.",
    ];

    public static string Situation(Random random, CoachingDomain domain) =>
        $"{Pick(random, Situations[domain])} {Pick(random, Contexts)}".Trim();

    public static string WorkImpact(Random random) => Pick(random, WorkImpacts);

    public static string Timing(Random random) => Pick(random, Timings);

    public static IReadOnlyList<ObjectiveInput> ObjectivesFor(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => Pick(random, Objectives)).Distinct().Select(o => new ObjectiveInput(o.Statement, o.Measure)).ToList();

    public static string SessionNote(Random random) => Pick(random, SessionNotes);

    public static string ClosingSummary(Random random) => Pick(random, ClosingSummaries);

    public static string CancellationReason(Random random) => Pick(random, CancellationReasons);

    public static string ReferralNote(Random random) => Pick(random, ReferralNotes);

    public static string VerdictComment(Random random) => Pick(random, VerdictComments);

    public static string ExtensionComment(Random random) => Pick(random, ExtensionComments);

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
