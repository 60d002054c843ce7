using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;

namespace CoupDePousse.Domain.Privacy;

/// <summary>The parts of the privacy notice, in the order they are read.</summary>
public enum PrivacyNoticeSectionKind
{
    Controller,
    Purpose,
    YourData,
    WhoSeesWhat,
    Retention,
    Rights,
    Contact,
}

/// <summary>One part of the notice: a title and a few short sentences.</summary>
public sealed record PrivacyNoticeSection(PrivacyNoticeSectionKind Kind, string Title, IReadOnlyList<string> Lines);

/// <summary>
/// The privacy notice in plain French or English: the general part anyone may read, and what the app keeps about the
/// reader's role. Who sees what is <see cref="VisibilityText"/>, the agreement's own sentences; retention is the admin's
/// <see cref="RetentionPeriods"/> of the day (like the contact, a value, not the wording). People acknowledge a
/// <see cref="Version"/>: change the wording, raise it.
/// </summary>
public static class PrivacyNotice
{
    /// <summary>Raised with every change of the text (a test pins the text's fingerprint per version), so everyone reads it again.</summary>
    public const int Version = 1;

    /// <summary>Where a signed-in person downloads what the app keeps about them.</summary>
    public const string AccessPath = "/my-data";

    /// <summary>The general part (<paramref name="role"/> null: read before signing in) or the notice of one role.</summary>
    public static IReadOnlyList<PrivacyNoticeSection> Compose(Role? role, CultureInfo culture, string? contact = null, RetentionPeriods? periods = null)
    {
        List<PrivacyNoticeSection> sections = [Controller(culture), Purpose(culture)];
        if (role is { } known)
        {
            sections.Add(YourData(known, culture));
        }

        sections.Add(WhoSeesWhat(culture));
        sections.Add(Retention(culture, periods ?? RetentionDefaults.Periods));
        sections.Add(Rights(culture));
        sections.Add(Contact(contact, culture));
        return sections;
    }

    /// <summary>SHA-256 of every text the notice can show (general and per role, French and English, no contact set).</summary>
    public static string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("en-US") })
        {
            foreach (var role in new Role?[] { null }.Concat(Enum.GetValues<Role>().Cast<Role?>()))
            {
                foreach (var section in Compose(role, culture))
                {
                    text.Append(section.Title).Append('\n').AppendJoin('\n', section.Lines).Append('\n');
                }
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static PrivacyNoticeSection Controller(CultureInfo culture) =>
        new(PrivacyNoticeSectionKind.Controller, Pick("Qui est responsable", "Who is responsible", culture),
        [
            Pick("L’entreprise qui propose le programme CoupDePousse à ses salariés est responsable du traitement de ces données.",
                "The company that offers the CoupDePousse programme to its employees is the controller of this data.", culture),
            Pick("Les intervenants sont des professionnels indépendants de l’entreprise : elle ne leur donne aucune consigne sur le contenu des séances et ne lit jamais leurs notes.",
                "Interveners are professionals independent of the company: it gives them no instruction on what is said in sessions and never reads their notes.", culture),
            Pick("Les données restent dans l’application de l’entreprise : rien n’est vendu, ni transmis à un tiers, ni envoyé hors de l’Union européenne.",
                "The data stays in the company’s application: nothing is sold, passed to a third party or sent outside the European Union.", culture),
        ]);

    private static PrivacyNoticeSection Purpose(CultureInfo culture) =>
        new(PrivacyNoticeSectionKind.Purpose, Pick("Pourquoi, et sur quelle base", "Why, and on what basis", culture),
        [
            Pick("Le but : proposer aux salariés un accompagnement court et volontaire, l’organiser (la demande, le choix de l’intervenant, le contrat tripartite, les rendez-vous, les heures et leur coût) et piloter le programme avec des chiffres qui ne portent jamais sur un groupe assez petit pour reconnaître quelqu’un.",
                "The purpose: to offer employees short, voluntary support, to organise it (the request, the choice of the intervener, the three-way agreement, the meetings, the hours and their cost) and to steer the programme with figures that never cover a group small enough to recognise anyone.", culture),
            Pick("La base légale est l’intérêt légitime de l’employeur à offrir un accompagnement volontaire à ses salariés (article 6.1.f du RGPD).",
                "The lawful basis is the employer’s legitimate interest in offering voluntary support to its employees (article 6(1)(f) of the GDPR).", culture),
            Pick("La participation reste volontaire : chacun peut refuser une proposition ou arrêter à tout moment, sans donner de raison et sans conséquence.",
                "Taking part stays voluntary: anyone may decline a proposal or stop at any time, without giving a reason and without consequence.", culture),
            Pick("Ce traitement ne repose pas sur votre consentement : entre un employeur et un salarié, il ne serait pas tout à fait libre. Cette notice vous informe ; elle ne vous demande aucun accord.",
                "This processing does not rest on your consent: between an employer and an employee it would not be entirely free. This notice informs you; it asks for no agreement.", culture),
            Pick("Pour protéger le service, les connexions et les changements de comptes et de réglages sont inscrits dans un journal de sécurité.",
                "To protect the service, sign-ins and changes to accounts and settings are written to a security log.", culture),
        ]);

    private static PrivacyNoticeSection YourData(Role role, CultureInfo culture)
    {
        List<string> lines =
        [
            Pick("Votre compte : nom, adresse e-mail, service, manager, langue, fuseau horaire et préférences de messages ; vos connexions, dans le journal de sécurité.",
                "Your account: name, email address, department, manager, language, time zone and mail preferences; your sign-ins, in the security log.", culture),
        ];
        lines.AddRange(role switch
        {
            Role.Beneficiary =>
            [
                Pick("Vos dossiers : la demande (la situation avec vos mots, l’effet sur le travail, le délai souhaité), les domaines et sujets, les avis sur les critères, les objectifs, le contrat et vos acceptations, les rendez-vous, les séances et les heures, les ressources et les actions, vos évaluations avant et après, votre satisfaction et le bilan de fin.",
                    "Your cases: the request (the situation in your own words, the effect on the work, the wished timing), the domains and topics, the verdicts on the criteria, the objectives, the agreement and your acceptances, the meetings, the sessions and hours, the resources and action items, your before and after ratings, your satisfaction and the closing summary.", culture),
                Pick("Votre journal : il est à vous seul, sauf les passages que vous choisissez de partager avec l’intervenant.",
                    "Your journal: it is yours alone, except the parts you choose to share with the intervener.", culture),
                Pick("Ce que vous confiez peut toucher à la santé : n’écrivez que ce qui sert l’accompagnement.",
                    "What you confide may touch on health: write only what helps the support.", culture),
            ],
            Role.Manager =>
            [
                Pick("Les coups de pousse que vous proposez : la personne, la date et l’effet sur le travail que vous décrivez. Ensuite, vous ne voyez que « proposé », « en cours » ou « terminé ».",
                    "The coups de pousse you propose: the person, the date and the effect on the work you describe. After that you see only “proposed”, “in progress” or “ended”.", culture),
            ],
            Role.Intervener =>
            [
                Pick("Votre profil : domaines, nombre de dossiers que vous pouvez suivre, tarif horaire.",
                    "Your profile: domains, number of cases you can take, hourly rate.", culture),
                Pick("Les dossiers qui vous sont confiés : vos avis sur les critères, vos déclarations de conflit d’intérêts, les rendez-vous et séances, vos relevés mensuels (heures et montants).",
                    "The cases assigned to you: your verdicts on the criteria, your conflict-of-interest declarations, the meetings and sessions, your monthly statements (hours and amounts).", culture),
                Pick("Vos notes de séance : vous seul les lisez. Ni l’entreprise, ni l’administrateur, ni la personne accompagnée ne les voient ; vous pouvez les exporter pour elle si elle vous le demande.",
                    "Your session notes: only you read them. Neither the company, nor the administrator, nor the beneficiary sees them; you may export them for the beneficiary if they ask you.", culture),
            ],
            Role.HR =>
            [
                Pick("Ce que vous faites sur les dossiers : vos avis sur les critères, vos décisions (affectation, heures en plus, annulation et sa raison), vos acceptations des contrats, l’enveloppe du programme.",
                    "What you do on cases: your verdicts on the criteria, your decisions (assignment, extra hours, cancellation and its reason), your acceptances of agreements, the programme’s envelope.", culture),
            ],
            _ =>
            [
                Pick("Ce que vous faites dans l’administration : comptes créés ou modifiés, réglages changés ; tout est inscrit dans le journal de sécurité.",
                    "What you do in the administration: accounts created or changed, settings changed; all of it is written to the security log.", culture),
            ],
        });
        return new(PrivacyNoticeSectionKind.YourData, Pick("Ce que l’application garde sur vous", "What the app keeps about you", culture), lines);
    }

    private static PrivacyNoticeSection WhoSeesWhat(CultureInfo culture)
    {
        var lines = VisibilityText.Lines(culture).ToList();
        if (!new CaseVisibility(CaseRelation.None, ObjectivesSharedWithCompany: false).CanReach)
        {
            lines.Add(Pick("Personne d’autre n’ouvre un dossier : ni un autre manager, ni un autre intervenant, ni l’administrateur, qui gère les comptes et les réglages.",
                "Nobody else opens a case: not another manager, not another intervener, not the administrator, who manages accounts and settings.", culture));
        }

        return new(PrivacyNoticeSectionKind.WhoSeesWhat, Pick("Qui voit quoi", "Who sees what", culture), lines);
    }

    private static PrivacyNoticeSection Retention(CultureInfo culture, RetentionPeriods periods) =>
        new(PrivacyNoticeSectionKind.Retention, Pick("Combien de temps", "How long", culture),
        [
            Format(culture, "Les notes de séance de l’intervenant : détruites {0} mois après la fin du dossier.",
                "The intervener’s session notes: destroyed {0} months after the case ends.", periods.SessionNoteMonths),
            Format(culture, "Un dossier terminé : anonymisé {0} mois après sa fin ; ne restent que les chiffres utiles aux statistiques, sans nom ni texte.",
                "An ended case: anonymised {0} months after it ends; only the figures statistics need remain, without names or text.", periods.EndedCaseMonths),
            Format(culture, "Les notifications : {0} mois.", "Notifications: {0} months.", periods.NotificationMonths),
            Format(culture, "Le journal de sécurité : {0} mois.", "The security log: {0} months.", periods.SecurityEventMonths),
            periods.InvitationDays == 0
                ? Pick("Une invitation jamais utilisée : supprimée à son expiration.", "An invitation never used: deleted when it expires.", culture)
                : Format(culture, "Une invitation jamais utilisée : supprimée {0} jours après son expiration.", "An invitation never used: deleted {0} days after it expires.", periods.InvitationDays),
            Pick("Votre compte : tant que vous participez au programme ; il est désactivé à votre départ, puis effacé.",
                "Your account: as long as you take part in the programme; it is disabled when you leave, then erased.", culture),
            Pick("Ces durées sont celles que l’administrateur a fixées ; elles s’appliquent chaque jour.", "These are the periods the administrator set; they are applied every day.", culture),
        ]);

    private static PrivacyNoticeSection Rights(CultureInfo culture) =>
        new(PrivacyNoticeSectionKind.Rights, Pick("Vos droits", "Your rights", culture),
        [
            Pick($"Accès : la page « Mes données » ({AccessPath}) vous permet de télécharger ce que l’application garde sur vous. Les notes de l’intervenant n’y sont pas : demandez-les à votre intervenant, qui peut vous les exporter.",
                $"Access: the “My data” page ({AccessPath}) lets you download what the app keeps about you. The intervener’s notes are not in it: ask your intervener, who can export them for you.", culture),
            Pick("Rectification : vos préférences se changent dans l’application ; pour le reste, demandez à l’administrateur.",
                "Rectification: you change your preferences in the app; for the rest, ask the administrator.", culture),
            Pick("Effacement : demandez-le à l’administrateur ou au contact ci-dessous. Votre nom est alors remplacé par un pseudonyme dans les dossiers, vos textes sont supprimés et votre compte fermé.",
                "Erasure: ask the administrator or the contact below. Your name is then replaced by a pseudonym in the cases, your texts are deleted and your account closed.", culture),
            Pick("Opposition : vous pouvez refuser une proposition ou arrêter un accompagnement à tout moment, sans raison.",
                "Objection: you may decline a proposal or stop a coup de pousse at any time, without a reason.", culture),
            Pick("Réclamation : vous pouvez saisir la CNIL (www.cnil.fr).", "Complaint: you may contact the CNIL, the French data protection authority (www.cnil.fr).", culture),
        ]);

    private static PrivacyNoticeSection Contact(string? contact, CultureInfo culture) =>
        new(PrivacyNoticeSectionKind.Contact, Pick("Contact", "Contact", culture),
        [
            string.IsNullOrWhiteSpace(contact)
                ? Pick("Pour toute question sur vos données, écrivez à l’administrateur du programme.", "For any question about your data, write to the programme’s administrator.", culture)
                : Pick("Pour toute question sur vos données : ", "For any question about your data: ", culture) + contact,
        ]);

    private static string Format(CultureInfo culture, string french, string english, int value) =>
        string.Format(culture, Pick(french, english, culture), value);

    private static string Pick(string french, string english, CultureInfo culture) => Language.Pick(french, english, culture);
}
