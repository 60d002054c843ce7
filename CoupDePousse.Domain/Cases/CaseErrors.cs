using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Cases;

/// <summary>Every way a case operation can be refused. Codes are stable; messages speak to people.</summary>
public static class CaseErrors
{
    public static readonly Error NotAllowed = new("case.not_allowed",
        "Vous n’êtes pas habilité(e) à faire cette action sur ce dossier.",
        "You are not allowed to do this on this case.");

    public static readonly Error WrongState = new("case.wrong_state",
        "Cette action n’est pas possible tant que le dossier est à l’étape « {0} ».",
        "This action is not possible while the case is at the step “{1}”.");

    public static readonly Error Ended = new("case.ended",
        "Ce dossier est terminé : il n’accepte plus cette action.",
        "This case has ended: it no longer accepts this action.");

    public static readonly Error Concurrency = new("case.changed",
        "Ce dossier vient d’être modifié par quelqu’un d’autre. Rechargez la page pour voir son état actuel.",
        "This case was just changed by someone else. Reload the page to see its current state.");

    /// <summary>The only refusal a proposer ever hears: the same in every state, so it tells nothing of how far the case went.</summary>
    public static readonly Error NoLongerWithdrawable = new("proposal.no_longer_withdrawable",
        "Cette proposition ne peut plus être retirée.",
        "This proposal can no longer be withdrawn.");

    // Proposal
    public static readonly Error NotAnEmployee = new("person.not_employee",
        "Un coup de pousse s’adresse à un collaborateur de l’entreprise, pas à un intervenant ni à un administrateur.",
        "A coup de pousse is for an employee of the company, not for an intervener or an administrator.");

    public static readonly Error RoleCannotPropose = new("proposal.role_cannot_propose",
        "Votre rôle ne permet pas de proposer un coup de pousse.",
        "Your role cannot propose a coup de pousse.");

    public static readonly Error NotInTeam = new("proposal.not_in_team",
        "Un manager ne peut proposer un coup de pousse qu’à un membre de son équipe.",
        "A manager may only propose a coup de pousse to a member of their own team.");

    public static readonly Error OnlyForOneself = new("proposal.only_for_oneself",
        "Vous pouvez demander un coup de pousse pour vous-même uniquement.",
        "You may only ask for a coup de pousse for yourself.");

    public static readonly Error DomainRequired = new("proposal.domain_required",
        "Choisissez au moins un domaine.",
        "Choose at least one domain.");

    public static readonly Error UnknownDomain = new("proposal.unknown_domain",
        "Ce domaine ne fait pas partie du catalogue.",
        "This domain is not in the catalogue.");

    public static readonly Error UnknownTopic = new("proposal.unknown_topic",
        "Ce sujet ne fait pas partie du catalogue.",
        "This topic is not in the catalogue.");

    public static readonly Error TopicOutsideDomains = new("proposal.topic_outside_domains",
        "Un sujet choisi n’appartient à aucun des domaines choisis.",
        "A chosen topic belongs to none of the chosen domains.");

    public static readonly Error DescriptionRequired = new("proposal.description_required",
        "Décrivez la situation en quelques phrases.",
        "Describe the situation in a few sentences.");

    public static readonly Error WorkImpactRequired = new("proposal.work_impact_required",
        "Dites en quelques mots ce que la situation change dans le travail.",
        "Say in a few words how the situation affects the work.");

    public static readonly Error TextTooLong = new("text.too_long",
        "Ce texte est trop long : {0} caractères au plus.",
        "This text is too long: {0} characters at most.");

    public static readonly Error TimingRequired = new("proposal.timing_required",
        "Indiquez le délai souhaité.",
        "Say when the help is wished for.");

    public static readonly Error ChecklistRequired = new("proposal.checklist_required",
        "Confirmez chacun des points sur la façon de présenter l’offre avant de l’envoyer.",
        "Confirm each point on how to present the offer before sending it.");

    // Intervener assignment
    public static readonly Error DomainsNotCovered = new("assign.domains_not_covered",
        "Cet intervenant ne couvre aucun des domaines du dossier.",
        "This intervener covers none of the case's domains.");

    public static readonly Error IntervenerFull = new("assign.intervener_full",
        "Cet intervenant a déjà atteint son nombre maximal de dossiers actifs.",
        "This intervener already has their maximum number of active cases.");

    public static readonly Error AlreadyAssigned = new("assign.already_assigned",
        "Cet intervenant est déjà affecté à ce dossier.",
        "This intervener is already assigned to this case.");

    public static readonly Error ConflictOverrideReasonRequired = new("assign.conflict_override_reason_required",
        "Un conflit d’intérêts est connu avec cet intervenant : pour l’affecter quand même, donnez la raison.",
        "A conflict of interest is known with this intervener: to assign them anyway, give the reason.");

    public static readonly Error ConflictDescriptionRequired = new("conflict.description_required",
        "Décrivez le conflit d’intérêts : seul(e) vous pourrez relire ce texte.",
        "Describe the conflict of interest: only you will be able to read this text.");

    public static readonly Error DeclaredConflictOverrideReasonRequired = new("conflict.override_reason_required",
        "L’intervenant a déclaré un conflit d’intérêts : pour le laisser poursuivre, donnez la raison.",
        "The intervener declared a conflict of interest: to let them go on, give the reason.");

    public static readonly Error NoConflictAlreadyDeclared = new("conflict.no_conflict_already_declared",
        "Vous avez déjà déclaré n’avoir aucun conflit d’intérêts avec cette personne.",
        "You have already declared no conflict of interest with this person.");

    public static readonly Error DeclaredConflictAlreadyDecided = new("conflict.already_decided",
        "Les RH ont déjà décidé de ce conflit : pour en signaler un autre, décrivez-le.",
        "HR has already decided on this conflict: to report another one, describe it.");

    public static readonly Error ConflictDeclarationRequired = new("conflict.declaration_required",
        "L’intervenant doit d’abord déclarer n’avoir aucun conflit d’intérêts avec la personne (ou les RH lever le conflit déclaré).",
        "The intervener must first declare no conflict of interest with the person (or HR let a declared conflict go).");

    // Guards: their English text is also the guard's description in the lifecycle diagram.
    public static readonly Error IntervenerRequired = new("guard.intervener_required",
        "Un intervenant doit d’abord être affecté au dossier.",
        "An intervener must be assigned first.");

    public static readonly Error InterviewRequired = new("guard.interview_required",
        "L’entretien préalable doit d’abord avoir eu lieu.",
        "The preliminary interview must have been held first.");

    public static readonly Error NoDeclaredConflict = new("guard.no_declared_conflict",
        "Aucun conflit d’intérêts déclaré n’attend de décision.",
        "A declared conflict of interest must be waiting on a decision.");

    public static readonly Error InterviewAlreadyHeld = new("guard.interview_already_held",
        "L’entretien préalable a déjà été enregistré : il ne peut plus être modifié.",
        "The preliminary interview must not be recorded yet.");

    public static readonly Error AlreadyContinued = new("interview.already_continued",
        "Vous avez déjà choisi de continuer.",
        "You have already chosen to continue.");

    public static readonly Error CriteriaNotAllValidated = new("guard.criteria_not_validated",
        "Le bénéficiaire doit avoir choisi de continuer et chaque partie doit avoir validé chacun de ses critères.",
        "The beneficiary must continue and every owner must validate every criterion.");

    public static readonly Error NoCriterionRefused = new("guard.no_criterion_refused",
        "Le bénéficiaire doit avoir choisi de continuer et un critère doit avoir été refusé.",
        "The beneficiary must continue and a criterion must be refused.");

    public static readonly Error DiscussionNotSettled = new("guard.discussion_not_settled",
        "Les RH et l’intervenant doivent tous deux avoir statué pour accepter.",
        "Both HR and the intervener must rule to accept.");

    public static readonly Error ExtensionAlreadyPending = new("guard.extension_pending",
        "Une demande d’extension attend déjà la décision des RH.",
        "No other extension request may be waiting for HR's decision.");

    public static readonly Error NoPendingExtension = new("guard.no_pending_extension",
        "Aucune demande d’extension n’est en attente.",
        "An extension request must be waiting for HR's decision.");

    public static readonly Error NoObjectivesToShare = new("guard.no_objectives",
        "Aucun objectif n’a encore été fixé.",
        "Objectives must have been set.");

    // Acceptance
    public static readonly Error NotCriterionOwner = new("verdict.not_owner",
        "Ce critère n’est pas validé par votre partie.",
        "This criterion is not validated by your party.");

    public static readonly Error AlreadyRuled = new("ruling.already_ruled",
        "Votre partie a déjà statué sur ce dossier.",
        "Your party has already ruled on this case.");

    public static readonly Error ReferralNoteRequired = new("exclude.referral_note_required",
        "Une exclusion demande une orientation : précisez vers qui et pourquoi, en quelques mots.",
        "An exclusion needs a referral: say where to and why, in a few words.");

    /// <summary>A value no form offers (an unknown mode, kind, rating or criterion): only a tampered request sends one.</summary>
    public static readonly Error UnknownChoice = new("input.unknown_choice",
        "Ce choix ne fait pas partie de ceux proposés.",
        "This choice is not one of those offered.");

    // Interview and sessions
    public static readonly Error InvalidDuration = new("duration.invalid",
        "La durée doit être un multiple de 15 minutes, entre 15 min et {0}.",
        "The duration must be a multiple of 15 minutes, between 15 min and {0}.");

    public static readonly Error DateInFuture = new("date.in_future",
        "Cette date est dans le futur : enregistrez-la une fois la rencontre tenue.",
        "This date is in the future: record it once the meeting has taken place.");

    public static readonly Error DateTooEarly = new("date.too_early",
        "Cette date est trop ancienne : une rencontre ne peut pas dater d’avant {0}.",
        "This date is too early: a meeting cannot date from before {0}.");

    public static readonly Error DateBeforeProposal = new("date.before_proposal",
        "Cette date précède la proposition du coup de pousse.",
        "This date is before the coup de pousse was proposed.");

    public static readonly Error OverBudget = new("session.over_budget",
        "Cette séance de {0} dépasserait le forfait : il reste {1}. Demandez une extension aux RH.",
        "This {0} session would exceed the budget: {1} left. Ask HR for an extension.");

    public static readonly Error UnknownSession = new("session.unknown",
        "Cette séance n’existe pas dans ce dossier.",
        "This session does not exist in this case.");

    public static readonly Error NoteRequired = new("note.required",
        "La note est vide.",
        "The note is empty.");

    // The beneficiary's journal
    public static readonly Error JournalEntryRequired = new("journal.required",
        "L’entrée du journal est vide.",
        "The journal entry is empty.");

    public static readonly Error JournalClosed = new("journal.closed",
        "Ce dossier est terminé depuis plus de 90 jours : son journal ne se modifie plus, vous pouvez encore le lire et en supprimer des entrées.",
        "This case ended more than 90 days ago: its journal no longer changes; you may still read it and delete entries.");

    // Budget and extensions
    public static readonly Error BudgetOutOfBounds = new("budget.out_of_bounds",
        "Le forfait doit être compris entre {0} et {1}, par pas de 15 minutes.",
        "The budget must be between {0} and {1}, in steps of 15 minutes.");

    public static readonly Error InvalidBounds = new("budget.invalid_bounds",
        "Les bornes du forfait doivent être des multiples de 15 minutes, le minimum au moins 15 min, le maximum au plus 40 h et au moins égal au minimum.",
        "Budget bounds must be multiples of 15 minutes, the minimum at least 15 min, the maximum at most 40 h and no less than the minimum.");

    public static readonly Error ExtensionCategoryRequired = new("extension.category_required",
        "Choisissez pourquoi des heures de plus sont utiles.",
        "Choose why more hours would help.");

    public static readonly Error ExtensionOverCap = new("extension.over_cap",
        "Avec cette extension, le forfait dépasserait {0}, soit une fois et demie le forfait initial.",
        "With this extension the budget would exceed {0}, one and a half times the initial budget.");

    public static readonly Error InvalidExtension = new("extension.invalid",
        "L’extension doit être un multiple de 15 minutes, entre 15 min et {0}.",
        "The extension must be a multiple of 15 minutes, between 15 min and {0}.");

    // Objectives and closing
    public static readonly Error ObjectiveRequired = new("objectives.required",
        "Fixez au moins un objectif.",
        "Set at least one objective.");

    public static readonly Error TooManyObjectives = new("objectives.too_many",
        "Un coup de pousse est court : {0} objectifs au plus.",
        "A coup de pousse is short: {0} objectives at most.");

    public static readonly Error ObjectiveIncomplete = new("objectives.incomplete",
        "Chaque objectif a besoin d’un énoncé et de la façon dont on verra qu’il est atteint.",
        "Each objective needs a statement and how success will be seen.");

    public static readonly Error UnknownObjective = new("objectives.unknown",
        "Cet objectif n’existe pas dans ce dossier.",
        "This objective does not exist in this case.");

    public static readonly Error CompanyTextRequired = new("company_text.required",
        "Écrivez le texte destiné à l’entreprise.",
        "Write the text meant for the company.");

    public static readonly Error CompanyTextToApprove = new("guard.company_text_to_approve",
        "Il faut un texte destiné à l’entreprise, pas encore validé.",
        "There must be a company text that is not yet approved.");

    public static readonly Error CompanyTextNotApproved = new("guard.company_text_not_approved",
        "Le texte destiné à l’entreprise doit être validé pour retirer la validation.",
        "The company text must be approved before its approval can be withdrawn.");

    public static readonly Error SummaryRequired = new("close.summary_required",
        "Rédigez une synthèse de clôture.",
        "Write a closing summary.");

    // Before and after, satisfaction
    public static readonly Error ScoreRequired = new("scores.required",
        "Indiquez où vous en êtes sur chaque objectif, de {0} à {1}.",
        "Say where you stand on each objective, from {0} to {1}.");

    public static readonly Error ScoreOutOfRange = new("scores.out_of_range",
        "Une note va de {0} à {1}.",
        "A score goes from {0} to {1}.");

    public static readonly Error SatisfactionScoreRequired = new("satisfaction.required",
        "Choisissez une note de {0} à {1}.",
        "Choose a score from {0} to {1}.");

    // Three-way agreement
    public static readonly Error NoAgreement = new("agreement.none",
        "Aucun contrat n’a encore été établi pour ce dossier.",
        "No agreement has been drawn up for this case yet.");

    public static readonly Error AgreementAlreadyAccepted = new("agreement.already_accepted",
        "Vous avez déjà accepté cette version du contrat, ou elle ne vous demande rien.",
        "You have already accepted this version of the agreement, or it asks nothing of you.");

    public static readonly Error AgreementNotInForce = new("agreement.not_in_force",
        "Le contrat tripartite doit d’abord être accepté par : {0}. Aucune séance ne peut être enregistrée avant.",
        "The three-way agreement must be accepted by {1} first. No session can be logged before that.");

    public static readonly Error AgreementTermsRequired = new("agreement.terms_required",
        "Renseignez les limites de la confidentialité en français et en anglais, et le code de déontologie.",
        "Fill in the limits of confidentiality in French and English, and the code of ethics.");
}
