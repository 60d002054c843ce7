using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>Cases at each step of their lifecycle, reached through the domain's own operations.</summary>
public static class CaseBuilder
{
    public const string BeneficiaryId = "beneficiary-1";
    public const string ManagerId = "manager-1";
    public const string OtherManagerId = "manager-2";
    public const string HrId = "hr-1";
    public const string IntervenerId = "intervener-1";
    public const string OtherIntervenerId = "intervener-2";
    public const string AdminId = "admin-1";
    public const string OtherBeneficiaryId = "beneficiary-2";

    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Built cases were proposed a month before <see cref="Now"/>, so past meetings fit in between.</summary>
    public static readonly DateTimeOffset ProposedAt = Now.AddDays(-30);

    public static Actor Beneficiary => Actor.Beneficiary(BeneficiaryId);

    public static Actor Manager => Actor.Manager(ManagerId);

    public static Actor OtherManager => Actor.Manager(OtherManagerId);

    public static Actor Hr => Actor.Hr(HrId);

    public static Actor Intervener => Actor.Intervener(IntervenerId);

    public static Actor OtherIntervener => Actor.Intervener(OtherIntervenerId);

    public static Actor Admin => Actor.Admin(AdminId);

    public static Actor OtherBeneficiary => Actor.Beneficiary(OtherBeneficiaryId);

    /// <summary>The actor behind a name, so that theories can list people in their data.</summary>
    public static Actor Of(Who who) => who switch
    {
        Who.Beneficiary => Beneficiary,
        Who.Manager => Manager,
        Who.OtherManager => OtherManager,
        Who.Hr => Hr,
        Who.Intervener => Intervener,
        Who.OtherIntervener => OtherIntervener,
        Who.Admin => Admin,
        Who.OtherBeneficiary => OtherBeneficiary,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    /// <summary>How a refused person is told: the manager of these cases proposed them, and hears only the one neutral refusal.</summary>
    public static Error RefusalTo(Who who) => who == Who.Manager ? CaseErrors.NoLongerWithdrawable : CaseErrors.NotAllowed;

    /// <summary>A case at the named step, so that theories can list steps in their data.</summary>
    public static CoachingCase At(CaseStep step) => step switch
    {
        CaseStep.Proposed => Proposed(),
        CaseStep.WithIntervener => WithIntervener(),
        CaseStep.InPreliminaryInterview => InPreliminaryInterview(),
        CaseStep.ReadyForInterview => ReadyForInterview(),
        CaseStep.WithDeclaredConflict => WithDeclaredConflict(),
        CaseStep.InterviewHeld => InterviewHeld(),
        CaseStep.Continued => Continued(),
        CaseStep.UnderDiscussion => UnderDiscussion(),
        CaseStep.Accepted => Accepted(),
        CaseStep.ObjectivesSet => ObjectivesSet(),
        CaseStep.InSessions => InSessions(),
        CaseStep.Closed => Closed(),
        CaseStep.Declined => Declined(),
        CaseStep.Cancelled => Cancelled(),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The beneficiary as <see cref="TestDatabase"/> stores them: in manager-1's team, in Logistique.</summary>
    public static BeneficiaryRef BeneficiaryRef => new(BeneficiaryId, ManagerId, Department: "Logistique");

    /// <summary>The other beneficiary as <see cref="TestDatabase"/> stores them: in manager-2's team, in Ventes.</summary>
    public static BeneficiaryRef OtherBeneficiaryRef => new(OtherBeneficiaryId, OtherManagerId, Department: "Ventes");

    /// <summary>The situation of every built case: only the beneficiary and the intervener may ever receive it.</summary>
    public const string Situation = "Première prise de poste de manager, des entretiens de recadrage à conduire.";

    /// <summary>The impact on the work of every built case: the company's part of the request.</summary>
    public const string WorkImpact = "Deux retards répétés désorganisent le planning de l'équipe.";

    public static CaseProposal Proposal(params CoachingDomain[] domains) => new(
        domains.Length == 0 ? [CoachingDomain.ManagementAndCommunication] : domains,
        domains.Length == 0 ? ["difficult-conversations"] : [],
        Situation,
        WorkImpact,
        "Dans le mois",
        OfferChecklistConfirmed: true);

    public static IntervenerCandidate Candidate(string userId = IntervenerId, int activeCases = 0, int capacity = 5, params CoachingDomain[] domains) =>
        new(IntervenerProfile.Create(userId, domains.Length == 0 ? [CoachingDomain.ManagementAndCommunication] : domains, capacity, 120_00).Value, activeCases,
            IntervenerAccount.Active);

    public static IReadOnlyList<ObjectiveInput> Objectives { get; } =
    [
        new("Conduire mes entretiens de recadrage sereinement", "Deux entretiens tenus sans perdre le fil"),
        new("Organiser les réunions d'équipe", "Un ordre du jour envoyé chaque semaine"),
    ];

    /// <summary>A starting score (0–10) for each of <paramref name="objectives"/>, as the beneficiary gives them when setting.</summary>
    public static IReadOnlyList<int?> StartingScores(IReadOnlyList<ObjectiveInput> objectives, int score = 4) => objectives.Select(_ => (int?)score).ToList();

    /// <summary>The closing rating of each objective with a closing score.</summary>
    public static IReadOnlyDictionary<Guid, ObjectiveAssessment> Assessments(CoachingCase coachingCase, ObjectiveRating rating = ObjectiveRating.Reached, int score = 7) =>
        coachingCase.Objectives.ToDictionary(o => o.Id, _ => new ObjectiveAssessment(rating, score));

    public static CoachingCase Proposed(BudgetBounds? bounds = null) =>
        CoachingCase.Propose(Manager, BeneficiaryRef, Proposal(), bounds ?? BudgetBounds.Default, ProposedAt).Value;

    public static CoachingCase WithIntervener()
    {
        var coachingCase = Proposed();
        coachingCase.AssignIntervener(Hr, Candidate(), ManagerId, Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase InPreliminaryInterview()
    {
        var coachingCase = WithIntervener();
        coachingCase.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
        return coachingCase;
    }

    /// <summary>In preliminary interview, the intervener having declared no conflict of interest: ready to record the interview.</summary>
    public static CoachingCase ReadyForInterview()
    {
        var coachingCase = InPreliminaryInterview();
        coachingCase.DeclareNoConflict(Intervener, Now).ShouldSucceed();
        return coachingCase;
    }

    /// <summary>In preliminary interview, the intervener having declared a conflict that waits on HR.</summary>
    public static CoachingCase WithDeclaredConflict(string description = ConflictDescription)
    {
        var coachingCase = InPreliminaryInterview();
        coachingCase.DeclareConflict(Intervener, description, Now).ShouldSucceed();
        return coachingCase;
    }

    /// <summary>The conflict every built declaration describes: only its author, the intervener, may ever read it.</summary>
    public const string ConflictDescription = "J'ai travaillé deux ans dans l'équipe de cette personne.";

    public static CoachingCase InterviewHeld()
    {
        var coachingCase = ReadyForInterview();
        coachingCase.RecordInterview(Intervener, Today, 60, Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase Continued()
    {
        var coachingCase = InterviewHeld();
        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase UnderDiscussion()
    {
        var coachingCase = Continued();
        coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, false, "Peu d'implication pour l'instant", Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase Accepted()
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);
        return coachingCase;
    }

    /// <summary>Objectives set and the three-way agreement accepted by the three parties, so that sessions may start.</summary>
    public static CoachingCase ObjectivesSet()
    {
        var coachingCase = Accepted();
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        AcceptAgreementByAll(coachingCase);
        return coachingCase;
    }

    /// <summary>The beneficiary, the intervener and HR each accept the current version of the agreement.</summary>
    public static void AcceptAgreementByAll(CoachingCase coachingCase)
    {
        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        coachingCase.AcceptAgreement(Intervener, Now).ShouldSucceed();
        coachingCase.AcceptAgreement(Hr, Now).ShouldSucceed();
    }

    public static CoachingCase InSessions(int minutes = 60)
    {
        var coachingCase = ObjectivesSet();
        coachingCase.LogSession(Intervener, Today, minutes, SessionMode.OnSite, Now).ShouldSucceed();
        return coachingCase;
    }

    /// <summary>A closed case whose intervener drafted the text meant for the company, not yet approved.</summary>
    public static CoachingCase WithCompanyTextDraft(string text = "Un accompagnement utile, objectifs atteints.")
    {
        var coachingCase = Closed();
        coachingCase.DraftCompanyText(Intervener, text, Now).ShouldSucceed();
        return coachingCase;
    }

    /// <summary>A closed case whose company text the beneficiary approved.</summary>
    public static CoachingCase WithCompanyTextApproved(string text = "Un accompagnement utile, objectifs atteints.")
    {
        var coachingCase = WithCompanyTextDraft(text);
        coachingCase.ApproveCompanyText(Beneficiary, Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase Closed()
    {
        var coachingCase = InSessions();
        coachingCase.Close(Intervener, "Objectifs travaillés en trois séances.", Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase Declined()
    {
        var coachingCase = WithIntervener();
        coachingCase.Decline(Beneficiary, Now).ShouldSucceed();
        return coachingCase;
    }

    public static CoachingCase Cancelled()
    {
        var coachingCase = WithIntervener();
        coachingCase.Cancel(Hr, null, Now).ShouldSucceed();
        return coachingCase;
    }

    public static void ValidateAll(CoachingCase coachingCase, Party party)
    {
        var actor = party == Party.Company ? Hr : Intervener;
        foreach (var criterion in AcceptanceCriteria.OwnedBy(party))
        {
            coachingCase.RecordVerdict(actor, criterion, true, null, Now).ShouldSucceed();
        }
    }
}

public enum Who
{
    Beneficiary,
    Manager,
    OtherManager,
    Hr,
    Intervener,
    OtherIntervener,
    Admin,
    OtherBeneficiary,
}

/// <summary>The steps <see cref="CaseBuilder.At"/> can build.</summary>
public enum CaseStep
{
    Proposed,
    WithIntervener,
    InPreliminaryInterview,
    ReadyForInterview,
    WithDeclaredConflict,
    InterviewHeld,
    Continued,
    UnderDiscussion,
    Accepted,
    ObjectivesSet,
    InSessions,
    Closed,
    Declined,
    Cancelled,
}
