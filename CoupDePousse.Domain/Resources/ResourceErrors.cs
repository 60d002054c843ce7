using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Resources;

/// <summary>Every way the resource library and the work between sessions can be refused.</summary>
public static class ResourceErrors
{
    public static readonly Error OnlyAdmin = new("resource.only_admin",
        "Seul un administrateur gère la bibliothèque de ressources.",
        "Only an administrator manages the resource library.");

    public static readonly Error NotFound = new("resource.not_found",
        "Cette ressource est introuvable.",
        "This resource cannot be found.");

    public static readonly Error TitleRequired = new("resource.title_required",
        "Donnez un titre en français ou en anglais.",
        "Give a title in French or in English.");

    public static readonly Error SummaryWithoutTitle = new("resource.summary_without_title",
        "Un texte dans une langue demande aussi un titre dans cette langue.",
        "A text in one language needs a title in that language too.");

    public static readonly Error InvalidLink = new("resource.invalid_link",
        "Le lien doit être une adresse web complète commençant par https:// ou http://.",
        "The link must be a full web address starting with https:// or http://.");

    public static readonly Error Archived = new("resource.archived",
        "Cette ressource est archivée : elle ne peut plus être partagée.",
        "This resource is archived: it can no longer be shared.");

    public static readonly Error AlreadyShared = new("resource.already_shared",
        "Cette ressource est déjà partagée sur ce dossier.",
        "This resource is already shared on this case.");

    public static readonly Error NotOpen = new("between_sessions.not_open",
        "Ressources et actions s’ouvrent une fois l’accompagnement accepté et se figent quand il se termine.",
        "Resources and action items open once the engagement is accepted and freeze when it ends.");

    public static readonly Error ActionItemRequired = new("action_item.required",
        "Écrivez l’action à mener.",
        "Write the action to take.");

    public static readonly Error DueDateInvalid = new("action_item.due_invalid",
        "Cette date d’échéance n’est pas une date valide.",
        "This due date is not a valid date.");

    public static readonly Error DueDateInPast = new("action_item.due_in_past",
        "L’échéance ne peut pas être dans le passé.",
        "The due date cannot be in the past.");
}
