using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class InterviewTests
{
    [Fact]
    public void The_assigned_intervener_records_the_interview_with_its_date_and_duration()
    {
        var coachingCase = ReadyForInterview();

        coachingCase.RecordInterview(Intervener, Today.AddDays(-2), 45, Now).ShouldSucceed();

        coachingCase.Interview.Should().Be(new PreliminaryInterviewRecord(Today.AddDays(-2), 45));
        coachingCase.State.Should().Be(CaseState.PreliminaryInterview);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(90)]
    [InlineData(CoachingCase.MaxInterviewMinutes)]
    public void An_interview_lasts_whole_quarters_of_an_hour(int minutes)
    {
        var coachingCase = ReadyForInterview();

        coachingCase.RecordInterview(Intervener, Today, minutes, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-15)]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(CoachingCase.MaxInterviewMinutes + 15)]
    public void An_interview_duration_that_is_not_a_whole_quarter_of_an_hour_within_limits_is_refused(int minutes)
    {
        var coachingCase = ReadyForInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, minutes, Now), CaseErrors.InvalidDuration);
    }

    [Fact]
    public void An_interview_cannot_be_recorded_in_the_future()
    {
        var coachingCase = ReadyForInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today.AddDays(1), 60, Now), CaseErrors.DateInFuture);
    }

    [Fact]
    public void An_interview_cannot_be_recorded_twice()
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, 30, Now), CaseErrors.InterviewAlreadyHeld);
    }

    [Theory]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    public void Only_the_assigned_intervener_records_the_interview(Who who)
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Of(who), Today, 60, Now), RefusalTo(who));
    }

    [Fact]
    public void The_interview_is_recorded_only_once_the_beneficiary_agreed_to_meet()
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, 60, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void The_interview_time_never_counts_in_the_hours_budget()
    {
        var coachingCase = InterviewHeld();
        coachingCase.Hours.UsedMinutes.Should().Be(0);

        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();

        coachingCase.Hours.UsedMinutes.Should().Be(0);
        coachingCase.Hours.RemainingMinutes.Should().Be(360);
        coachingCase.Sessions.Should().BeEmpty();
    }

    [Fact]
    public void After_the_interview_the_beneficiary_continues()
    {
        var coachingCase = InterviewHeld();

        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();

        coachingCase.BeneficiaryContinued.Should().BeTrue();
        coachingCase.State.Should().Be(CaseState.PreliminaryInterview, "acceptance still waits for the criteria");
    }

    [Fact]
    public void The_beneficiary_cannot_continue_before_the_interview_is_recorded()
    {
        var coachingCase = InPreliminaryInterview();

        coachingCase.ShouldRefuse(() => coachingCase.Continue(Beneficiary, Now), CaseErrors.InterviewRequired);
    }

    [Fact]
    public void The_beneficiary_cannot_continue_twice()
    {
        var coachingCase = Continued();

        coachingCase.ShouldRefuse(() => coachingCase.Continue(Beneficiary, Now), CaseErrors.AlreadyContinued);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherBeneficiary)]
    public void Only_the_beneficiary_chooses_to_continue(Who who)
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.Continue(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void After_the_interview_the_beneficiary_may_stop_and_the_case_ends()
    {
        var coachingCase = InterviewHeld();

        coachingCase.Stop(Beneficiary, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.Declined);
        coachingCase.Outcome.Should().Be(CaseOutcome.StoppedAfterInterview);
    }
}
