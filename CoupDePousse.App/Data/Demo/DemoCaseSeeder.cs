using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Domain.Programme;
using CoupDePousse.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data.Demo;

/// <summary>
/// Intervener profiles and cases in several states, reached through the domain's own operations,
/// so that every dashboard shows something on first login. Runs once: skipped when cases exist.
/// </summary>
internal sealed class DemoCaseSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IDemoSeeder
{
    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.WritesNotifications = false;
        if (await db.Cases.AnyAsync(cancellationToken))
        {
            return;
        }

        var ids = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var people = new DemoPeople(ids);
        var intervener = IntervenerProfile.Create(people.Intervener.UserId, [CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics], 12, 120_00).Value;
        var intervener2 = IntervenerProfile.Create(people.Intervener2.UserId, [CoachingDomain.StressAndEmotions, CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics], 10, 95_00).Value;
        db.IntervenerProfiles.AddRange(intervener, intervener2);
        db.BudgetSettings.Add(new BudgetSettings());

        var story = new DemoStory(people, clock.GetUtcNow(), intervener, intervener2);
        var cases = story.Cases().ToList();
        db.Cases.AddRange(cases);
        var envelope = Envelope(cases, [intervener, intervener2], DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        db.ProgrammeEnvelopes.Add(envelope);
        db.DepartmentEnvelopes.AddRange(DepartmentEnvelopes(envelope));
        db.SessionNotes.AddRange(story.Notes);
        db.JournalEntries.AddRange(story.Journal);
        db.LibraryResources.AddRange(story.Library);
        db.ResourceShares.AddRange(story.ResourceShares);
        db.ActionItems.AddRange(story.ActionItems);
        db.Meetings.AddRange(story.Meetings);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>This year's envelope, sized so that the demo cases commit a little over 80 % of it and HR's home shows the warning.</summary>
    private static EnvelopeSetting Envelope(IEnumerable<CoachingCase> cases, IEnumerable<IntervenerProfile> profiles, DateOnly today)
    {
        var rates = profiles.ToDictionary(p => p.UserId, p => p.HourlyRateCents);
        var counted = cases
            .Where(c => c.ProposedAt.UtcDateTime.Year == today.Year && c.IntervenerId is not null)
            .Select(c => new EnvelopeCase(c.State, rates.GetValueOrDefault(c.IntervenerId!), c.BudgetMinutes + c.ApprovedExtensionMinutes, c.UsedMinutes));
        var committed = EnvelopeFigures.Compute(ProgrammeEnvelope.Create(today.Year, 0).Value, counted, today).CommittedCents;
        return new EnvelopeSetting { Year = today.Year, AmountCents = EnvelopeCents(committed) };
    }

    /// <summary>An envelope that <paramref name="committedCents"/> fills a little over 80 % of, in whole hundreds of euros.</summary>
    internal static long EnvelopeCents(long committedCents)
    {
        const long Hundred = 100_00;
        return Math.Max(Hundred, committedCents * 100 / 82 / Hundred * Hundred);
    }

    /// <summary>Two department envelopes within the company's (decision 034): the admin's form and HR's department lines show them.</summary>
    internal static IEnumerable<DepartmentEnvelopeSetting> DepartmentEnvelopes(EnvelopeSetting company)
    {
        const long Hundred = 100_00;
        yield return new DepartmentEnvelopeSetting { Year = company.Year, Department = DemoUsers.Beneficiary.Department!, AmountCents = company.AmountCents * 60 / 100 / Hundred * Hundred };
        yield return new DepartmentEnvelopeSetting { Year = company.Year, Department = DemoUsers.Beneficiary3.Department!, AmountCents = company.AmountCents * 30 / 100 / Hundred * Hundred };
    }
}

internal sealed record DemoPeople(IReadOnlyDictionary<string, string> Ids)
{
    public Actor Hr => Actor.Hr(Ids[DemoUsers.Hr.Email]);

    public Actor Manager => Actor.Manager(Ids[DemoUsers.Manager.Email]);

    public Actor Manager2 => Actor.Manager(Ids[DemoUsers.Manager2.Email]);

    public Actor Sophie => Actor.Beneficiary(Ids[DemoUsers.Beneficiary.Email]);

    public Actor Thomas => Actor.Beneficiary(Ids[DemoUsers.Beneficiary2.Email]);

    public Actor Lea => Actor.Beneficiary(Ids[DemoUsers.Beneficiary3.Email]);

    public Actor Intervener => Actor.Intervener(Ids[DemoUsers.Intervener.Email]);

    public Actor Admin => Actor.Admin(Ids[DemoUsers.Admin.Email]);

    public Actor Intervener2 => Actor.Intervener(Ids[DemoUsers.Intervener2.Email]);

    public string? DepartmentOf(Actor person) => DemoUsers.All.FirstOrDefault(u => Ids.GetValueOrDefault(u.Email) == person.UserId)?.Department;
}

/// <summary>The demo cases, each told as the sequence of operations that brought it where it is.</summary>
internal sealed class DemoStory(DemoPeople people, DateTimeOffset now, IntervenerProfile intervener, IntervenerProfile intervener2)
{
    private readonly List<SessionNote> _notes = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly List<Meeting> _meetings = [];
    private readonly List<ResourceShare> _resourceShares = [];
    private readonly List<ActionItem> _actionItems = [];

    /// <summary>The administrator's first library of resources, across the concept's domains.</summary>
    public IReadOnlyList<LibraryResource> Library { get; } = DemoLibrary.Create(people.Admin, now.AddDays(-60));

    /// <summary>Between sessions on Sophie's case: a resource Isabelle shared and two actions, one ticked.</summary>
    public IReadOnlyList<ResourceShare> ResourceShares => _resourceShares;

    public IReadOnlyList<ActionItem> ActionItems => _actionItems;

    public IReadOnlyList<SessionNote> Notes => _notes;

    /// <summary>The beneficiaries' journal entries; Sophie shared hers with Isabelle.</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal;

    /// <summary>Meetings planned in the stories, so that each participant's agenda shows something on first sign-in.</summary>
    public IReadOnlyList<Meeting> Meetings => _meetings;

    public IEnumerable<CoachingCase> Cases()
    {
        // Sophie, in sessions with Isabelle, near the end of her budget; an extra hour amends the agreement, which waits on her.
        var sophie = Propose(people.Manager, people.Sophie, OfferChecklistConfirmed, DaysAgo(40),
            [CoachingDomain.ManagementAndCommunication], ["difficult-conversations", "reframing-confrontation"],
            "Sophie prend la responsabilité d’une équipe de six conseillers. Deux entretiens de recadrage sont à mener et elle souhaite s’y préparer.",
            "Deux situations de retard répétées pèsent sur le planning de l’équipe ; les entretiens doivent avoir lieu ce mois-ci.",
            "Dans les trois semaines");
        MeetAndAccept(sophie, people.Sophie, people.Intervener, intervener, DaysAgo(35));
        Must(sophie.SetObjectives(people.Sophie,
        [
            new("Mener mes deux entretiens de recadrage avec assurance", "Les deux entretiens ont eu lieu et j’ai pu dire l’essentiel"),
            new("Installer un point d’équipe hebdomadaire", "Quatre points tenus d’affilée, avec un ordre du jour"),
        ], [3, 5], DaysAgo(30)));
        // Isabelle's statements show sessions in the current and the previous month on first sign-in: the first session falls
        // in the previous month unless today is the 30th or 31st, the last one in this month unless today is the 1st to 5th.
        LogSession(sophie, people.Intervener, Math.Clamp(now.Day, 27, 29), 120, SessionMode.OnSite, "Préparation du premier entretien : jeu de rôle, points d’appui.");
        LogSession(sophie, people.Intervener, 20, 90, SessionMode.Video, "Retour sur le premier entretien, bien vécu.");
        var desc = Library.Single(r => r.TitleFrench == DemoLibrary.DescTitle);
        _resourceShares.Add(Must(ResourceShare.Share(sophie, people.Intervener, desc, [], DaysAgo(20))));
        var facts = Must(ActionItem.Add(sophie, people.Intervener, "Avant le second entretien, noter trois faits datés et l’effet de chacun sur l’équipe.", DateOnly.FromDateTime(DaysAgo(12).UtcDateTime), DaysAgo(20)));
        Must(facts.MarkDone(sophie, people.Sophie, true, DaysAgo(13)));
        _actionItems.Add(facts);
        _actionItems.Add(Must(ActionItem.Add(sophie, people.Intervener, "Préparer l’ordre du jour du premier point d’équipe et le partager la veille.", DateOnly.FromDateTime(MorningIn(days: 4).UtcDateTime), DaysAgo(10))));
        var entry = JournalEntry.Write(sophie, people.Sophie, "Premier entretien fait. J’avais le trac, mais j’ai tenu mes trois points et il a écouté. À retenir : commencer par les faits.", DaysAgo(19));
        Must(entry);
        Must(entry.Value.Share(sophie, people.Sophie, true, DaysAgo(19)));
        _journal.Add(entry.Value);
        LogSession(sophie, people.Intervener, Math.Clamp(now.Day - 1, 5, 10), 90, SessionMode.Video, "Organisation des points d’équipe.");

        // Isabelle asked for one more hour and HR approved it: the amendment to the agreement waits on Sophie's acceptance.
        Must(sophie.RequestExtension(people.Intervener, 60, ExtensionCategory.MoreSessionsNeeded, "Une dernière séance après le second entretien.", DaysAgo(4)));
        Must(sophie.ApproveExtension(people.Hr, DaysAgo(3)));

        // Her last hour is planned: Isabelle offered two mornings, Sophie took the first.
        var firstMorning = new MeetingSlot(MorningIn(days: 5), 60);
        var planned = Meeting.Propose(people.Intervener, MeetingCase.Of(sophie), MeetingKind.Session, [firstMorning, firstMorning with { StartsAt = firstMorning.StartsAt.AddDays(1) }],
            SessionMode.Video, null, "https://visio.example.org/cdp-4821", MeetingAgenda.Empty, DaysAgo(2));
        Must(planned);
        Must(planned.Value.Pick(people.Sophie, firstMorning, MeetingAgenda.Empty, DaysAgo(1)));
        _meetings.Add(planned.Value);
        yield return sophie;

        // Thomas has just been offered a coup de pousse and agreed to meet Marc, who offered two times for the interview: his move.
        var thomas = Propose(people.Manager, people.Thomas, OfferChecklistConfirmed, DaysAgo(3),
            [CoachingDomain.StrategyAndTactics], ["problem-strategy", "building-argument"],
            "Thomas porte le projet de réorganisation des plannings et doit le défendre devant la direction le mois prochain.",
            "La décision sur les nouveaux plannings du service dépend de cette présentation.",
            "Avant la fin du mois");
        // The demo interveners manage nobody, so no beneficiary's manager is passed to the independence check.
        Must(thomas.AssignIntervener(people.Hr, new IntervenerCandidate(intervener2, 1, IntervenerAccount.Active), beneficiaryManagerId: null, DaysAgo(2)));
        // Marc declared at once that he has no conflict of interest with Thomas: HR and Marc see that status on the case.
        Must(thomas.DeclareNoConflict(people.Intervener2, DaysAgo(2)));
        Must(thomas.AgreeToMeet(people.Thomas, DaysAgo(1)));
        var interviewMorning = new MeetingSlot(MorningIn(days: 3), 60);
        var interview = Meeting.Propose(people.Intervener2, MeetingCase.Of(thomas), MeetingKind.PreliminaryInterview,
            [interviewMorning, interviewMorning with { StartsAt = interviewMorning.StartsAt.AddHours(4) }],
            SessionMode.Phone, null, null, MeetingAgenda.Empty, DaysAgo(1));
        Must(interview);
        _meetings.Add(interview.Value);
        yield return thomas;

        // Léa: Marc had doubts on one criterion, so HR and Marc discuss it.
        var lea = Propose(people.Manager2, people.Lea, OfferChecklistConfirmed, DaysAgo(20),
            [CoachingDomain.StressAndEmotions], ["one-off-stress"],
            "Léa coordonne l’inventaire annuel ; la période est tendue et elle souhaite prendre du recul.",
            "L’inventaire mobilise tout l’entrepôt pendant deux semaines ; les arbitrages quotidiens passent par Léa.",
            "Dans les deux semaines");
        Must(lea.AssignIntervener(people.Hr, new IntervenerCandidate(intervener2, 0, IntervenerAccount.Active), beneficiaryManagerId: null, DaysAgo(18)));
        Must(lea.AgreeToMeet(people.Lea, DaysAgo(17)));
        Must(lea.DeclareNoConflict(people.Intervener2, DaysAgo(17)));
        Must(lea.RecordInterview(people.Intervener2, DateOnly.FromDateTime(DaysAgo(12).UtcDateTime), 60, DaysAgo(12)));
        Must(lea.Continue(people.Lea, DaysAgo(11)));
        Must(lea.RecordVerdict(people.Intervener2, AcceptanceCriterion.FitsShortFormat, false,
            "À confirmer : la durée d’un coup de pousse semble juste.", DaysAgo(10)));
        yield return lea;

        // Thomas, months ago: a completed coup de pousse, rated by him.
        var earlier = Propose(people.Hr, people.Thomas, false, DaysAgo(120),
            [CoachingDomain.ManagementAndCommunication], ["public-speaking"],
            "Première présentation devant le comité de direction.",
            "Le bilan trimestriel du service est présenté par Thomas.",
            "Sous un mois");
        MeetAndAccept(earlier, people.Thomas, people.Intervener, intervener, DaysAgo(115));
        Must(earlier.SetObjectives(people.Thomas, [new("Présenter le bilan trimestriel sereinement", "Présentation faite sans notes lues")], [3], DaysAgo(110)));
        LogSession(earlier, people.Intervener, 105, 120, SessionMode.OnSite, null);
        LogSession(earlier, people.Intervener, 98, 120, SessionMode.OnSite, null);
        Must(earlier.Close(people.Intervener, "Présentation réussie ; Thomas garde sa grille de préparation.", DaysAgo(95)));
        Must(earlier.RateObjectives(people.Thomas, earlier.Objectives.ToDictionary(o => o.Id, _ => new ObjectiveAssessment(ObjectiveRating.Reached, 8)), DaysAgo(94)));
        Must(earlier.RateSatisfaction(people.Thomas, 9, "Merci pour la grille de préparation : je m’en sers encore avant chaque comité.", DaysAgo(94)));
        Must(earlier.ShareObjectives(people.Thomas, true, DaysAgo(94)));
        Must(earlier.DraftCompanyText(people.Intervener, "Thomas a présenté le bilan trimestriel ; l’accompagnement est terminé, objectifs atteints.", DaysAgo(94)));
        Must(earlier.ApproveCompanyText(people.Thomas, DaysAgo(93)));
        yield return earlier;

        // Léa declined an earlier offer: no reason asked, none kept.
        var declined = Propose(people.Manager2, people.Lea, OfferChecklistConfirmed, DaysAgo(90),
            [CoachingDomain.ManagementAndCommunication], ["project-management"],
            "Conduite du projet de nouvel entrepôt.",
            "Le projet de nouvel entrepôt a pris du retard sur deux jalons.",
            "Au trimestre prochain");
        Must(declined.Decline(people.Lea, DaysAgo(88)));
        yield return declined;

        // Sophie asked for herself: waiting for HR to assign an intervener.
        var selfRequest = Propose(people.Sophie, people.Sophie, false, DaysAgo(1),
            [CoachingDomain.StrategyAndTactics], ["choice-genesis"],
            "Je dois choisir entre deux organisations pour l’accueil téléphonique et j’hésite depuis des semaines ; j’aimerais clarifier mes critères.",
            "Le choix de l’organisation de l’accueil téléphonique est attendu par l’équipe pour le prochain trimestre.",
            "Dans le mois");
        yield return selfRequest;

        // Sophie and Thomas, earlier engagements that ended in different ways, for the pipeline's figures.
        var stopped = Propose(people.Manager, people.Sophie, OfferChecklistConfirmed, DaysAgo(200),
            [CoachingDomain.StressAndEmotions], ["keeping-control"],
            "Période de forte charge pendant la migration de l’outil client.",
            "La migration de l’outil client se fait en parallèle de l’activité courante.",
            "Rapidement");
        Must(stopped.AssignIntervener(people.Hr, new IntervenerCandidate(intervener2, 0, IntervenerAccount.Active), beneficiaryManagerId: null, DaysAgo(199)));
        Must(stopped.AgreeToMeet(people.Sophie, DaysAgo(198)));
        Must(stopped.DeclareNoConflict(people.Intervener2, DaysAgo(198)));
        Must(stopped.RecordInterview(people.Intervener2, DateOnly.FromDateTime(DaysAgo(195).UtcDateTime), 45, DaysAgo(195)));
        Must(stopped.Stop(people.Sophie, DaysAgo(194)));
        yield return stopped;

        var cancelled = Propose(people.Manager, people.Thomas, OfferChecklistConfirmed, DaysAgo(60),
            [CoachingDomain.ManagementAndCommunication], ["action-plans"],
            "Plan d’action qualité du service.",
            "Le plan qualité du service doit être présenté à l’audit interne.",
            "Ce trimestre");
        Must(cancelled.Cancel(people.Hr, "Projet reporté", DaysAgo(58)));
        yield return cancelled;
    }

    // The demo managers confirmed the six points on how to present an offer.
    private const bool OfferChecklistConfirmed = true;

    private DateTimeOffset DaysAgo(int days) => now.AddDays(-days);

    // 10:00 in Paris on a working day at least some days from now, in UTC as meetings store it.
    private DateTimeOffset MorningIn(int days)
    {
        var day = MeetingTimes.ToLocal(now.AddDays(days)).Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return MeetingTimes.FromLocal(day.AddHours(10));
    }

    private CoachingCase Propose(Actor proposer, Actor beneficiary, bool checklistConfirmed, DateTimeOffset at,
        CoachingDomain[] domains, string[] topics, string situation, string workImpact, string timing)
    {
        var managerId = proposer.Role == Role.Manager ? proposer.UserId : null;
        var proposal = new CaseProposal(domains, topics, situation, workImpact, timing, checklistConfirmed);
        var proposed = CoachingCase.Propose(proposer, new BeneficiaryRef(beneficiary.UserId, managerId, Department: people.DepartmentOf(beneficiary)), proposal, BudgetBounds.Default, at);
        return proposed.IsSuccess ? proposed.Value : throw new InvalidOperationException($"Demo proposal refused: {proposed.Error}");
    }

    private void MeetAndAccept(CoachingCase c, Actor beneficiary, Actor intervenerActor, IntervenerProfile profile, DateTimeOffset from)
    {
        var hr = people.Hr;
        Must(c.AssignIntervener(hr, new IntervenerCandidate(profile, 0, IntervenerAccount.Active), beneficiaryManagerId: null, from));
        Must(c.AgreeToMeet(beneficiary, from.AddDays(1)));
        Must(c.DeclareNoConflict(intervenerActor, from.AddDays(1)));
        Must(c.RecordInterview(intervenerActor, DateOnly.FromDateTime(from.AddDays(2).UtcDateTime), 60, from.AddDays(2)));
        Must(c.Continue(beneficiary, from.AddDays(2)));
        foreach (var (criterion, party) in AcceptanceCriteria.RequiredVerdicts)
        {
            Must(c.RecordVerdict(party == Party.Company ? hr : intervenerActor, criterion, true, null, from.AddDays(3)));
        }

        // The three-way agreement drawn up on acceptance: each party accepts it before any session.
        Must(c.AcceptAgreement(intervenerActor, from.AddDays(3)));
        Must(c.AcceptAgreement(beneficiary, from.AddDays(4)));
        Must(c.AcceptAgreement(hr, from.AddDays(4)));
    }

    private void LogSession(CoachingCase c, Actor intervenerActor, int daysAgo, int minutes, SessionMode mode, string? note)
    {
        var at = DaysAgo(daysAgo);
        var session = c.LogSession(intervenerActor, DateOnly.FromDateTime(at.UtcDateTime), minutes, mode, at);
        if (session.IsFailure)
        {
            throw new InvalidOperationException($"Demo session refused: {session.Error}");
        }

        if (note is not null)
        {
            var written = c.WriteSessionNote(intervenerActor, session.Value.Id, note, at);
            _notes.Add(written.IsSuccess ? written.Value : throw new InvalidOperationException($"Demo note refused: {written.Error}"));
        }
    }

    private static T Must<T>(Result<T> result)
    {
        Must((Result)result);
        return result.Value;
    }

    private static void Must(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException($"Demo step refused: {result.Error}");
        }
    }
}
