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


    public static readonly Error NotAnIntervener = new("intervener.unknown",
        "Cette personne n’a pas de profil d’intervenant.",
        "This person has no intervener profile.");
}
