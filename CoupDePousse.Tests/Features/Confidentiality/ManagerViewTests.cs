using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

public enum Ending
{
    DeclinedOffer,
    StoppedBeforeInterview,
    StoppedAfterInterview,
    RefusedAfterDiscussion,
    ExcludedWithReferral,
    CancelledByHr,
    WithdrawnByManager,
    InterruptedInSessions,
    Completed,
}

/// <summary>The manager who proposed sees proposed / in progress / ended, and nothing that tells one case from another.</summary>
public class ManagerViewTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string DescriptionMarker = "DESCRIPTION-MARKER-9e04";
    private const string ReasonMarker = "REASON-MARKER-9e04";

    public static TheoryData<Ending> Endings => new(Enum.GetValues<Ending>());

    public static TheoryData<CaseStep> InProgress =>
        [CaseStep.InPreliminaryInterview, CaseStep.InterviewHeld, CaseStep.Continued, CaseStep.UnderDiscussion, CaseStep.Accepted, CaseStep.ObjectivesSet, CaseStep.InSessions];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task A_manager_cannot_tell_how_or_why_a_case_ended(Ending ending)
    {
        var reference = await shared.OnlyCaseAsync(Ended(Ending.DeclinedOffer));
        var referenceSeen = await ManagerSeesAsync(reference.Id);
        var stored = await shared.OnlyCaseAsync(Ended(ending));

        var seen = await ManagerSeesAsync(stored.Id);

        ((ProposerCaseView)(await shared.Database.Cases().GetAsync(Manager, stored.Id, TestContext.Current.CancellationToken))!).Status.Should().Be(CoarseStatus.Ended);
        seen.Replace(stored.Id.ToString(), "{id}").Should().Be(referenceSeen.Replace(reference.Id.ToString(), "{id}"),
            "a declined, stopped, refused, excluded, cancelled or completed case must look the same to the manager");
        seen.Should().NotContain(DescriptionMarker).And.NotContain(ReasonMarker);
    }

    [Theory]
    [MemberData(nameof(InProgress))]
    public async Task A_manager_sees_every_step_between_proposal_and_end_as_in_progress(CaseStep step)
    {
        var reference = await shared.OnlyCaseAsync(At(CaseStep.InPreliminaryInterview));
        var referenceSeen = await ManagerSeesAsync(reference.Id);
        var stored = await shared.OnlyCaseAsync(At(step));

        var seen = await ManagerSeesAsync(stored.Id);

        ((ProposerCaseView)(await shared.Database.Cases().GetAsync(Manager, stored.Id, TestContext.Current.CancellationToken))!).Status.Should().Be(CoarseStatus.InProgress);
        seen.Replace(stored.Id.ToString(), "{id}").Should().Be(referenceSeen.Replace(reference.Id.ToString(), "{id}"));
    }

    [Fact]
    public async Task A_manager_never_reads_the_description_of_the_case_they_proposed()
    {
        var coachingCase = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal() with { Description = $"Situation {DescriptionMarker}" }, BudgetBounds.Default, Now).Value;
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Manager, stored.Id);

        seen.Should().NotContain(DescriptionMarker);
        seen.Should().Contain(stored.Id.ToString(), "the manager does reach their own proposal");
    }

    private async Task<string> ManagerSeesAsync(Guid caseId)
    {
        var token = TestContext.Current.CancellationToken;
        return ReadModelJson.Of(await shared.Database.Cases().GetAsync(Manager, caseId, token)) + "\n"
            + ReadModelJson.Of(await shared.Database.Cases().ListMyProposalsAsync(Manager, new PageRequest(), token));
    }

    private static CoachingCase Ended(Ending ending)
    {
        var proposal = Proposal() with { Description = $"Situation {DescriptionMarker}" };
        var coachingCase = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, proposal, BudgetBounds.Default, Now).Value;
        coachingCase.AssignIntervener(Hr, Candidate(), ManagerId, Now).ShouldSucceed();
        switch (ending)
        {
            case Ending.DeclinedOffer:
                coachingCase.Decline(Beneficiary, Now).ShouldSucceed();
                break;
            case Ending.StoppedBeforeInterview:
                coachingCase.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
                coachingCase.Stop(Beneficiary, Now).ShouldSucceed();
                break;
            case Ending.StoppedAfterInterview:
                ToInterviewHeld(coachingCase);
                coachingCase.Stop(Beneficiary, Now).ShouldSucceed();
                break;
            case Ending.RefusedAfterDiscussion:
                ToInterviewHeld(coachingCase);
                coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
                coachingCase.RecordVerdict(Intervener, AcceptanceCriterion.PersonInvolved, false, $"Refus {ReasonMarker}", Now).ShouldSucceed();
                coachingCase.RuleDecline(Hr, Now).ShouldSucceed();
                break;
            case Ending.ExcludedWithReferral:
                ToInterviewHeld(coachingCase);
                coachingCase.Exclude(Intervener, new Referral(ReferralKind.MedicalOrPsychologicalCare, $"Orientation {ReasonMarker}"), Now).ShouldSucceed();
                break;
            case Ending.CancelledByHr:
                coachingCase.Cancel(Hr, $"Motif {ReasonMarker}", Now).ShouldSucceed();
                break;
            case Ending.WithdrawnByManager:
                coachingCase.Withdraw(Manager, Now).ShouldSucceed();
                break;
            case Ending.InterruptedInSessions:
                ToSessions(coachingCase);
                coachingCase.Stop(Beneficiary, Now).ShouldSucceed();
                break;
            case Ending.Completed:
                ToSessions(coachingCase);
                coachingCase.Close(Intervener, $"Synthèse {ReasonMarker}", Now).ShouldSucceed();
                break;
        }

        return coachingCase;
    }

    private static void ToInterviewHeld(CoachingCase coachingCase)
    {
        coachingCase.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
        coachingCase.DeclareNoConflict(Intervener, Now).ShouldSucceed();
        coachingCase.RecordInterview(Intervener, Today, 60, Now).ShouldSucceed();
    }

    private static void ToSessions(CoachingCase coachingCase)
    {
        ToInterviewHeld(coachingCase);
        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        AcceptAgreementByAll(coachingCase);
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now).ShouldSucceed();
    }
}
