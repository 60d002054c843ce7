using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Meetings;

public static class MeetingErrors
{
    public static readonly Error NotAllowed = new("meeting.not_allowed",
        "Vous ne pouvez pas faire cela pour ce rendez-vous.",
        "You cannot do this for this meeting.");

    public static readonly Error WrongState = new("meeting.wrong_state",
        "Le dossier n'en est pas à cette étape : ce rendez-vous ne peut pas être planifié maintenant.",
        "The case is not at this step: this meeting cannot be planned now.");

    public static readonly Error AlreadyPlanned = new("meeting.already_planned",
        "Un entretien préalable est déjà prévu pour ce dossier.",
        "A preliminary interview is already planned for this case.");

    public static readonly Error NoSlot = new("meeting.no_slot",
        "Proposez au moins un créneau, et au plus {0}.",
        "Offer at least one time slot, and at most {0}.");

    public static readonly Error SlotInPast = new("meeting.slot_in_past",
        "Un créneau doit commencer dans le futur.",
        "A time slot must start in the future.");

    public static readonly Error InvalidDuration = new("meeting.invalid_duration",
        "La durée se compte par quarts d'heure, jusqu'à {0}.",
        "The duration counts in quarters of an hour, up to {0}.");

    public static readonly Error SlotsOverlap = new("meeting.slots_overlap",
        "Deux créneaux proposés se chevauchent.",
        "Two of the offered slots overlap.");

    public static readonly Error IntervenerBusy = new("meeting.intervener_busy",
        "L'intervenant a déjà un rendez-vous sur ce créneau.",
        "The intervener already has a meeting at that time.");

    public static readonly Error OverBudget = new("meeting.over_budget",
        "Cette séance ne tient pas dans le budget restant ({0}, séances déjà prévues comprises) : demandez une extension aux RH.",
        "This session does not fit in the remaining budget ({0}, planned sessions included): ask HR for an extension.");

    public static readonly Error PlaceRequired = new("meeting.place_required",
        "Indiquez le lieu du rendez-vous sur site.",
        "Give the place of the on-site meeting.");

    public static readonly Error LinkRequired = new("meeting.link_required",
        "Indiquez un lien de visioconférence qui commence par https://.",
        "Give a video link starting with https://.");

    public static readonly Error UnknownSlot = new("meeting.unknown_slot",
        "Ce créneau ne fait pas partie de ceux proposés.",
        "This slot is not one of those offered.");

    public static readonly Error NotYetStarted = new("meeting.not_yet_started",
        "Le rendez-vous n'a pas encore commencé.",
        "The meeting has not started yet.");

    public static readonly Error UnknownChoice = new("meeting.unknown_choice",
        "Choix inconnu.",
        "Unknown choice.");
}
