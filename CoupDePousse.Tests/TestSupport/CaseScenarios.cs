using CoupDePousse.Domain.Cases;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.TestSupport;

/// <summary>
/// Cases at every point where whose move it is, what comes next, or the hours change, by name:
/// the domain's progress tests read them, and the SQL projection must agree with each.
/// </summary>
public static class CaseScenarios
{
    private const string Reason = "Un dernier entretien difficile à préparer.";

    public static IReadOnlyDictionary<string, Func<CoachingCase>> All { get; } = new Dictionary<string, Func<CoachingCase>>
    {
        ["proposed without intervener"] = () => Proposed(),
        ["proposed with intervener"] = WithIntervener,
        ["proposed with intervener, conflict declared"] = () => With(WithIntervener(), c => c.DeclareConflict(Intervener, ConflictDescription, Now).ShouldSucceed()),
        ["proposed with intervener, no conflict declared"] = () => With(WithIntervener(), c => c.DeclareNoConflict(Intervener, Now).ShouldSucceed()),
        ["interview to hold, declaration awaited"] = InPreliminaryInterview,
        ["interview to hold"] = ReadyForInterview,
        ["interview to hold, conflict declared"] = () => WithDeclaredConflict(),
        ["interview to hold, conflict overridden"] = () => With(WithDeclaredConflict(), c => c.OverrideDeclaredConflict(Hr, "Lien ancien", Now).ShouldSucceed()),
        ["interview held"] = InterviewHeld,
        ["interview held, verdicts before the beneficiary decides"] = () => With(InterviewHeld(), c => ValidateAll(c, Party.Intervener)),
        ["continued, no verdict"] = Continued,
        ["continued, some of hr's verdicts"] = () => With(Continued(), c => ValidateSome(c, Party.Company, 2)),
        ["continued, hr's verdicts complete"] = () => With(Continued(), c => ValidateAll(c, Party.Company)),
        ["continued, intervener's verdicts complete"] = () => With(Continued(), c => ValidateAll(c, Party.Intervener)),
        ["continued, hr complete and intervener partial"] = () => With(Continued(), c =>
        {
            ValidateAll(c, Party.Company);
            ValidateSome(c, Party.Intervener, 3);
        }),
        ["under discussion, nobody ruled"] = UnderDiscussion,
        ["under discussion, hr ruled"] = () => With(UnderDiscussion(), c => c.RuleAccept(Hr, Now).ShouldSucceed()),
        ["under discussion, intervener ruled"] = () => With(UnderDiscussion(), c => c.RuleAccept(Intervener, Now).ShouldSucceed()),
        ["accepted after discussion"] = () => With(UnderDiscussion(), c =>
        {
            c.RuleAccept(Hr, Now).ShouldSucceed();
            c.RuleAccept(Intervener, Now).ShouldSucceed();
        }),
        ["accepted"] = Accepted,
        ["accepted, agreement accepted by the intervener"] = () => With(Accepted(), c => c.AcceptAgreement(Intervener, Now).ShouldSucceed()),
        ["objectives set"] = ObjectivesSet,
        ["objectives set, agreement awaits hr"] = () => With(Accepted(), c =>
        {
            c.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
            c.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
            c.AcceptAgreement(Intervener, Now).ShouldSucceed();
        }),
        ["objectives set, agreement awaits everyone"] = () => With(Accepted(), c => c.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed()),
        ["in sessions, amendment to accept"] = () => With(InSessions(), c =>
        {
            c.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
            c.ApproveExtension(Hr, Now).ShouldSucceed();
        }),
        ["in sessions"] = () => InSessions(),
        ["in sessions, just under 80 %"] = () => InSessions(285),
        ["in sessions, past 80 %"] = () => InSessions(300),
        ["in sessions, approved and rejected extensions, near the limit"] = () => With(InSessions(), c =>
        {
            Extend(c, 60, approve: true);
            Extend(c, 30, approve: false);
            c.LogSession(Intervener, Today, 285, SessionMode.Video, Now).ShouldSucceed();
        }),
        ["in sessions, approved extension, no longer near the limit"] = () => With(InSessions(300), c => Extend(c, 120, approve: true)),
        ["in sessions, extension pending"] = () => With(InSessions(), c => c.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed()),
        ["in sessions, near the limit, extensions approved, rejected and pending"] = () => With(InSessions(), c =>
        {
            Extend(c, 60, approve: true);
            Extend(c, 30, approve: false);
            c.LogSession(Intervener, Today, 285, SessionMode.Video, Now).ShouldSucceed();
            c.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
        }),
        ["closed"] = Closed,
        ["closed after extensions"] = () => With(InSessions(), c =>
        {
            Extend(c, 60, approve: true);
            Extend(c, 30, approve: false);
            c.Close(Intervener, "Objectifs travaillés.", Now).ShouldSucceed();
        }),
        ["declined"] = Declined,
        ["withdrawn"] = () => With(Proposed(), c => c.Withdraw(Manager, Now).ShouldSucceed()),
        ["cancelled"] = Cancelled,
        ["stopped after the interview"] = () => With(Continued(), c => c.Stop(Beneficiary, Now).ShouldSucceed()),
        ["refused after discussion"] = () => With(UnderDiscussion(), c => c.RuleDecline(Hr, Now).ShouldSucceed()),
        ["excluded with a referral"] = () => With(InterviewHeld(), c =>
            c.Exclude(Intervener, new Referral(ReferralKind.OccupationalHealth, "Vers la médecine du travail."), Now).ShouldSucceed()),
        ["interrupted in sessions"] = () => With(InSessions(), c => c.Stop(Beneficiary, Now).ShouldSucceed()),
    };

    public static CoachingCase Build(string name) => All[name]();

    private static CoachingCase With(CoachingCase coachingCase, Action<CoachingCase> then)
    {
        then(coachingCase);
        return coachingCase;
    }

    private static void ValidateSome(CoachingCase coachingCase, Party party, int count)
    {
        var actor = party == Party.Company ? Hr : Intervener;
        foreach (var criterion in AcceptanceCriteria.OwnedBy(party).Take(count))
        {
            coachingCase.RecordVerdict(actor, criterion, true, null, Now).ShouldSucceed();
        }
    }

    private static void Extend(CoachingCase coachingCase, int minutes, bool approve)
    {
        coachingCase.RequestExtension(Intervener, minutes, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
        (approve ? coachingCase.ApproveExtension(Hr, Now) : coachingCase.RejectExtension(Hr, Now)).ShouldSucceed();
        if (approve)
        {
            coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        }
    }
}
