using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Whose move it is and what each party does next, read from the case at every step.</summary>
public class ProgressTests
{
    private static readonly WaitingParty? Nobody = null;

    private static readonly (string Scenario, WaitingParty? WaitingOn, NextStep ForIntervener, NextStep ForCompany)[] Expected =
    [
        ("proposed without intervener", WaitingParty.HR, NextStep.WaitBeneficiaryAgrees, NextStep.AssignIntervener),
        ("proposed with intervener", WaitingParty.Beneficiary, NextStep.DeclareConflict, NextStep.WaitOthers),
        ("proposed with intervener, conflict declared", WaitingParty.HR, NextStep.WaitConflictDecision, NextStep.DecideConflict),
        ("proposed with intervener, no conflict declared", WaitingParty.Beneficiary, NextStep.WaitBeneficiaryAgrees, NextStep.WaitOthers),
        ("interview to hold, declaration awaited", WaitingParty.Intervener, NextStep.DeclareConflict, NextStep.WaitOthers),
        ("interview to hold", WaitingParty.Intervener, NextStep.RecordInterview, NextStep.WaitOthers),
        ("interview to hold, conflict declared", WaitingParty.HR, NextStep.WaitConflictDecision, NextStep.DecideConflict),
        ("interview to hold, conflict overridden", WaitingParty.Intervener, NextStep.RecordInterview, NextStep.WaitOthers),
        ("interview held", WaitingParty.Beneficiary, NextStep.WaitBeneficiaryDecides, NextStep.WaitOthers),
        ("interview held, verdicts before the beneficiary decides", WaitingParty.Beneficiary, NextStep.WaitBeneficiaryDecides, NextStep.WaitOthers),
        ("continued, no verdict", WaitingParty.HR, NextStep.GiveVerdicts, NextStep.GiveVerdicts),
        ("continued, some of hr's verdicts", WaitingParty.HR, NextStep.GiveVerdicts, NextStep.GiveVerdicts),
        ("continued, hr's verdicts complete", WaitingParty.Intervener, NextStep.GiveVerdicts, NextStep.WaitOthers),
        ("continued, intervener's verdicts complete", WaitingParty.HR, NextStep.WaitHrVerdicts, NextStep.GiveVerdicts),
        ("continued, hr complete and intervener partial", WaitingParty.Intervener, NextStep.GiveVerdicts, NextStep.WaitOthers),
        ("under discussion, nobody ruled", WaitingParty.HR, NextStep.Rule, NextStep.Rule),
        ("under discussion, hr ruled", WaitingParty.Intervener, NextStep.Rule, NextStep.WaitOthers),
        ("under discussion, intervener ruled", WaitingParty.HR, NextStep.WaitHrRuling, NextStep.Rule),
        ("accepted after discussion", WaitingParty.Beneficiary, NextStep.AcceptAgreement, NextStep.WaitOthers),
        ("accepted", WaitingParty.Beneficiary, NextStep.AcceptAgreement, NextStep.WaitOthers),
        ("accepted, agreement accepted by the intervener", WaitingParty.Beneficiary, NextStep.DraftObjectives, NextStep.WaitOthers),
        ("objectives set", WaitingParty.Intervener, NextStep.FirstSession, NextStep.WaitOthers),
        ("objectives set, agreement awaits hr", WaitingParty.HR, NextStep.WaitAgreement, NextStep.AcceptAgreement),
        ("objectives set, agreement awaits everyone", WaitingParty.Beneficiary, NextStep.AcceptAgreement, NextStep.WaitOthers),
        ("in sessions, amendment to accept", WaitingParty.Beneficiary, NextStep.WaitAgreement, NextStep.WaitOthers),
        ("in sessions", WaitingParty.Intervener, NextStep.LogSessions, NextStep.WaitOthers),
        ("in sessions, just under 80 %", WaitingParty.Intervener, NextStep.LogSessions, NextStep.WaitOthers),
        ("in sessions, past 80 %", WaitingParty.Intervener, NextStep.NearLimit, NextStep.WaitOthers),
        ("in sessions, approved and rejected extensions, near the limit", WaitingParty.Intervener, NextStep.NearLimit, NextStep.WaitOthers),
        ("in sessions, approved extension, no longer near the limit", WaitingParty.Intervener, NextStep.LogSessions, NextStep.WaitOthers),
        ("in sessions, extension pending", WaitingParty.HR, NextStep.WaitExtension, NextStep.DecideExtension),
        ("in sessions, near the limit, extensions approved, rejected and pending", WaitingParty.HR, NextStep.WaitExtension, NextStep.DecideExtension),
        ("closed", Nobody, NextStep.Ended, NextStep.Ended),
        ("closed after extensions", Nobody, NextStep.Ended, NextStep.Ended),
        ("declined", Nobody, NextStep.Ended, NextStep.Ended),
        ("withdrawn", Nobody, NextStep.Ended, NextStep.Ended),
        ("cancelled", Nobody, NextStep.Ended, NextStep.Ended),
        ("stopped after the interview", Nobody, NextStep.Ended, NextStep.Ended),
        ("refused after discussion", Nobody, NextStep.Ended, NextStep.Ended),
        ("excluded with a referral", Nobody, NextStep.Ended, NextStep.Ended),
        ("interrupted in sessions", Nobody, NextStep.Ended, NextStep.Ended),
    ];

    public static TheoryData<string, WaitingParty?, NextStep, NextStep> Steps => new(Expected);

    public static TheoryData<NextStep, bool> OwnMoves => new()
    {
        { NextStep.AssignIntervener, true },
        { NextStep.DeclareConflict, true },
        { NextStep.DecideConflict, true },
        { NextStep.WaitConflictDecision, false },
        { NextStep.RecordInterview, true },
        { NextStep.GiveVerdicts, true },
        { NextStep.Rule, true },
        { NextStep.DraftObjectives, true },
        { NextStep.FirstSession, true },
        { NextStep.LogSessions, true },
        { NextStep.NearLimit, true },
        { NextStep.DecideExtension, true },
        { NextStep.AcceptAgreement, true },
        { NextStep.WaitAgreement, false },
        { NextStep.WaitBeneficiaryAgrees, false },
        { NextStep.WaitBeneficiaryDecides, false },
        { NextStep.WaitHrVerdicts, false },
        { NextStep.WaitHrRuling, false },
        { NextStep.WaitExtension, false },
        { NextStep.WaitOthers, false },
        { NextStep.Ended, false },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Each_step_says_whom_the_case_waits_on_and_what_the_intervener_and_hr_do_next(
        string scenario, WaitingParty? waitingOn, NextStep forIntervener, NextStep forCompany)
    {
        var progress = CaseScenarios.Build(scenario).Progress;

        progress.WaitingOn.Should().Be(waitingOn);
        progress.ForIntervener.Should().Be(forIntervener);
        progress.ForCompany.Should().Be(forCompany);
    }

    [Fact]
    public void Every_scenario_has_its_expected_progress_and_together_they_reach_every_next_step()
    {
        Expected.Select(row => row.Scenario).Should().BeEquivalentTo(CaseScenarios.All.Keys);
        Expected.SelectMany(row => new[] { row.ForIntervener, row.ForCompany }).Distinct().Should().BeEquivalentTo(Enum.GetValues<NextStep>());
    }

    [Fact]
    public void The_intervener_gives_verdicts_while_one_is_missing_and_their_last_one_accepts_the_case()
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        var criteria = AcceptanceCriteria.OwnedBy(Party.Intervener).ToList();
        foreach (var criterion in criteria.SkipLast(1))
        {
            coachingCase.RecordVerdict(Intervener, criterion, true, null, Now).ShouldSucceed();
            coachingCase.Progress.ForIntervener.Should().Be(NextStep.GiveVerdicts);
            coachingCase.Progress.WaitingOn.Should().Be(WaitingParty.Intervener);
        }

        coachingCase.RecordVerdict(Intervener, criteria[^1], true, null, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Accepted, "the last verdict accepts the case");
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.AcceptAgreement, "the agreement drawn up on acceptance waits on them");

        coachingCase.AcceptAgreement(Intervener, Now).ShouldSucceed();
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.DraftObjectives);
    }

    [Fact]
    public void A_verdict_given_again_counts_once()
    {
        var coachingCase = Continued();
        var criteria = AcceptanceCriteria.OwnedBy(Party.Company).ToList();
        foreach (var criterion in criteria.SkipLast(1))
        {
            coachingCase.RecordVerdict(Hr, criterion, true, null, Now).ShouldSucceed();
        }

        coachingCase.RecordVerdict(Hr, criteria[0], true, "Confirmé après un second échange", Now).ShouldSucceed();

        coachingCase.Progress.CompanyVerdictCount.Should().Be(criteria.Count - 1);
        coachingCase.Progress.CompanyVerdictsComplete.Should().BeFalse();
        coachingCase.Progress.ForCompany.Should().Be(NextStep.GiveVerdicts);
    }

    [Fact]
    public void Reaching_eighty_percent_of_the_budget_turns_the_interveners_step_into_a_warning_until_an_extension_is_asked()
    {
        var coachingCase = InSessions(285);
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.LogSessions, "285 of 360 minutes is 79 %");

        coachingCase.LogSession(Intervener, Today, 15, SessionMode.Phone, Now).ShouldSucceed();
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.NearLimit, "300 of 360 minutes is 83 %");

        coachingCase.RequestExtension(Intervener, 120, ExtensionCategory.MoreSessionsNeeded, "Deux séances de plus.", Now).ShouldSucceed();
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.WaitExtension);
        coachingCase.Progress.ForCompany.Should().Be(NextStep.DecideExtension);

        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.WaitAgreement, "the amendment waits on the beneficiary");
        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        coachingCase.Progress.ForIntervener.Should().Be(NextStep.LogSessions, "300 of 480 minutes is 63 %");
        coachingCase.Progress.ForCompany.Should().Be(NextStep.WaitOthers);
    }

    [Theory]
    [MemberData(nameof(OwnMoves))]
    public void A_next_step_is_the_readers_own_move_or_a_wait(NextStep step, bool ownMove)
    {
        step.IsOwnMove().Should().Be(ownMove);
    }

    [Fact]
    public void Hrs_next_step_is_its_own_move_exactly_when_the_case_waits_on_hr()
    {
        foreach (var (name, build) in CaseScenarios.All)
        {
            var progress = build().Progress;
            progress.ForCompany.IsOwnMove().Should().Be(progress.WaitingOn == WaitingParty.HR, name);
        }
    }

    [Fact]
    public void The_interveners_step_is_their_own_move_when_the_case_waits_on_them_and_nobodys_once_it_has_ended()
    {
        foreach (var (name, build) in CaseScenarios.All)
        {
            var progress = build().Progress;
            if (progress.WaitingOn == WaitingParty.Intervener)
            {
                progress.ForIntervener.IsOwnMove().Should().BeTrue(name);
            }

            if (progress.WaitingOn is null)
            {
                progress.ForIntervener.IsOwnMove().Should().BeFalse(name);
                progress.ForCompany.IsOwnMove().Should().BeFalse(name);
            }
        }
    }
}
