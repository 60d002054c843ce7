using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Common;

/// <summary>Refusals decided by the application rather than by a case.</summary>
public static class AppErrors
{
    /// <summary>Also the answer for a case the user may not reach: its existence is not revealed.</summary>
    public static readonly Error NotFound = new("not_found",
        "Ce dossier est introuvable.",
        "This case cannot be found.");

    public static readonly Error Forbidden = new("forbidden",
        "Cette page ou cette action n’est pas ouverte à votre rôle.",
        "This page or action is not open to your role.");

    public static readonly Error UnknownPerson = new("person.unknown",
        "Cette personne est introuvable.",
        "This person cannot be found.");

    public static readonly Error NotAnEmployee = new("person.not_employee",
        "Un coup de pousse s’adresse à un collaborateur de l’entreprise, pas à un intervenant ni à un administrateur.",
        "A coup de pousse is for an employee of the company, not for an intervener or an administrator.");

    public static readonly Error NotAnIntervener = new("intervener.unknown",
        "Cette personne n’a pas de profil d’intervenant.",
        "This person has no intervener profile.");

    public static readonly Error InvalidInput = new("input.invalid",
        "Certaines informations sont manquantes ou invalides : {0}",
        "Some information is missing or invalid: {1}");
}
