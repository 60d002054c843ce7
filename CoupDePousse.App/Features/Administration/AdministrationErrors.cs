using CoupDePousse.Domain.Common;

namespace CoupDePousse.App.Features.Administration;

public static class AdministrationErrors
{
    public static readonly Error UnknownRole = new("admin.unknown_role",
        "Ce rôle n’existe pas.",
        "This role does not exist.");

    public static readonly Error CannotDemoteSelf = new("admin.cannot_demote_self",
        "Vous ne pouvez pas retirer votre propre rôle d’administrateur.",
        "You cannot remove your own administrator role.");

    public static readonly Error ManagerMustBeManager = new("admin.manager_role_required",
        "Le manager choisi doit avoir le rôle Manager, et ne peut pas être la personne elle-même.",
        "The chosen manager must hold the Manager role, and cannot be the person themself.");

    public static readonly Error NotAnIntervenerAccount = new("admin.not_intervener",
        "Un profil d’intervenant ne se crée que pour un compte ayant le rôle Intervenant.",
        "An intervener profile can only be created for an account with the Intervener role.");

    public static readonly Error AccountRejected = new("admin.account_rejected",
        "Le compte n’a pas pu être enregistré : {0}",
        "The account could not be saved: {1}");

    public static readonly Error CannotDisableSelf = new("admin.cannot_disable_self",
        "Vous ne pouvez pas désactiver votre propre compte.",
        "You cannot disable your own account.");

    public static readonly Error AccountDisabled = new("admin.account_disabled",
        "Ce compte est désactivé : réactivez-le d’abord.",
        "This account is disabled: enable it first.");
}
