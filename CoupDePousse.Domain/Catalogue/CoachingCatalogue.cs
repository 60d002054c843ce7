namespace CoupDePousse.Domain.Catalogue;

/// <summary>The domains and topics of the original concept, in its own wording.</summary>
public static class CoachingCatalogue
{
    public static IReadOnlyList<DomainInfo> Domains { get; } =
    [
        new(CoachingDomain.ManagementAndCommunication, "Management et communication", "Management and communication",
            ["Analyse et ciblage de la problématique", "Proposition de ressources méthodologiques et techniques", "Points de repère et conseils de mise en œuvre"],
            ["Analysing and targeting the problem", "Methods and techniques to draw on", "Landmarks and advice for putting them into practice"]),
        new(CoachingDomain.StrategyAndTactics, "Stratégique et tactique", "Strategy and tactics",
            ["Analyse partagée de la situation", "Élaboration partagée d’une stratégie réaliste", "Validation de la faisabilité"],
            ["A shared analysis of the situation", "A realistic strategy built together", "A feasibility check"]),
        new(CoachingDomain.StressAndEmotions, "Stress et émotions", "Stress and emotions",
            ["Aide à la prise de conscience des enjeux en présence", "Prise de recul et appropriation du processus émotionnel", "Propositions de points de repère pour récupérer du libre arbitre"],
            ["Becoming aware of what is at stake", "Stepping back and owning the emotional process", "Landmarks to regain free will"]),
    ];

    public static IReadOnlyList<Topic> Topics { get; } =
    [
        new("team-organisation", CoachingDomain.ManagementAndCommunication, "Problématique d’organisation et d’animation d’équipe", "Organising and leading a team"),
        new("project-management", CoachingDomain.ManagementAndCommunication, "Conduite de projet", "Project management"),
        new("setting-objectives", CoachingDomain.ManagementAndCommunication, "Définition d’objectifs", "Setting objectives"),
        new("performance-measurement", CoachingDomain.ManagementAndCommunication, "Problématiques de mesure et d’évaluation de la performance", "Measuring and evaluating performance"),
        new("action-plans", CoachingDomain.ManagementAndCommunication, "Plans d’action", "Action plans"),
        new("public-speaking", CoachingDomain.ManagementAndCommunication, "Problématiques liées à une prise de parole", "Speaking in public"),
        new("reframing-confrontation", CoachingDomain.ManagementAndCommunication, "Problématiques de recadrage et de confrontation", "Reframing and confrontation"),
        new("difficult-conversations", CoachingDomain.ManagementAndCommunication, "Conduite d’entretiens difficiles et/ou à fort enjeux", "Difficult or high-stakes conversations"),
        new("teaching-communication", CoachingDomain.ManagementAndCommunication, "Communication pédagogique", "Teaching communication"),
        new("choice-genesis", CoachingDomain.StrategyAndTactics, "Genèse d’un choix et/ou d’une décision", "How a choice or decision comes about"),
        new("risk-assessment", CoachingDomain.StrategyAndTactics, "Problématiques d’évaluation des risques", "Assessing risks"),
        new("problem-strategy", CoachingDomain.StrategyAndTactics, "Établissement d’une stratégie face à un problème", "A strategy for a problem"),
        new("building-argument", CoachingDomain.StrategyAndTactics, "Définition d’un argumentaire", "Building an argument"),
        new("analysis-foresight", CoachingDomain.StrategyAndTactics, "Analyse et prospective", "Analysis and foresight"),
        new("recurring-painful-situations", CoachingDomain.StressAndEmotions, "Problématiques de situations récurrentes et douloureuses", "Recurring painful situations"),
        new("one-off-stress", CoachingDomain.StressAndEmotions, "Stress ponctuel", "One-off stress"),
        new("keeping-control", CoachingDomain.StressAndEmotions, "Difficultés à garder le contrôle dans certaines circonstances", "Losing control in some circumstances"),
        new("costly-suffering", CoachingDomain.StressAndEmotions, "Taux de souffrance coûteux face à certains individus", "Costly suffering with certain people"),
    ];

    public static Topic? FindTopic(string code) => Topics.FirstOrDefault(t => t.Code == code);

    public static DomainInfo Describe(CoachingDomain domain) => Domains.Single(d => d.Domain == domain);

    public static IEnumerable<Topic> TopicsOf(CoachingDomain domain) => Topics.Where(t => t.Domain == domain);
}
