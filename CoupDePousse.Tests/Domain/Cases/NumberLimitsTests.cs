using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Minutes and cents from a client are checked against their caps before any sum, so no value can wrap around one.</summary>
public class NumberLimitsTests
{
    private const string Reason = "Une séance de plus avant l’échéance du projet";

    public static TheoryData<int> Outlandish => new(int.MaxValue, 2_147_483_640, int.MaxValue - 14, 1_073_741_820, int.MinValue, -2_147_483_640, -15);

    [Theory]
    [MemberData(nameof(Outlandish))]
    public void A_huge_or_negative_extension_is_refused_and_never_wraps_past_the_cap(int minutes)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, minutes, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.InvalidExtension);
    }

    [Fact]
    public void The_overflowing_extension_of_the_issue_is_refused_with_its_range()
    {
        var coachingCase = InSessions();

        var error = coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 2_147_483_640, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.InvalidExtension);

        error.English.Should().Contain(Durations.Format(HoursBudget.MaxExtensionMinutes));
        coachingCase.Hours.TotalMinutes.Should().Be(HoursBudget.DefaultMinutes);
    }

    [Fact]
    public void An_extension_within_its_range_but_past_one_and_a_half_times_the_budget_is_over_the_cap()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, HoursBudget.MaxExtensionMinutes, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.ExtensionOverCap);
    }

    [Fact]
    public void The_largest_extension_fits_the_largest_budget()
    {
        var bounds = BudgetBounds.Create(Durations.StepMinutes, BudgetBounds.CeilingMinutes).Value;
        var coachingCase = Proposed(bounds);
        coachingCase.SetBudget(Hr, BudgetBounds.CeilingMinutes, bounds, Now).ShouldSucceed();
        AssignAndReachSessions(coachingCase);

        coachingCase.RequestExtension(Intervener, HoursBudget.MaxExtensionMinutes, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
    }

    [Theory]
    [MemberData(nameof(Outlandish))]
    public void A_huge_or_negative_session_is_refused(int minutes)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, minutes, SessionMode.Video, Now), CaseErrors.InvalidDuration);
    }

    [Theory]
    [MemberData(nameof(Outlandish))]
    public void A_huge_or_negative_interview_is_refused(int minutes)
    {
        var coachingCase = ReadyForInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, Today, minutes, Now), CaseErrors.InvalidDuration);
    }

    [Theory]
    [MemberData(nameof(Outlandish))]
    public void A_huge_or_negative_budget_is_refused(int minutes)
    {
        var coachingCase = WithIntervener();

        coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Hr, minutes, BudgetBounds.Default, Now), CaseErrors.BudgetOutOfBounds);
    }

    [Theory]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(-15, 60)]
    [InlineData(15, int.MaxValue)]
    [InlineData(15, 2_147_483_640)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void Huge_or_negative_budget_bounds_are_refused(int minimum, int maximum)
    {
        BudgetBounds.Create(minimum, maximum).ShouldBeRefusedWith(CaseErrors.InvalidBounds);
    }

    [Theory]
    [InlineData(int.MaxValue, 120_00)]
    [InlineData(int.MinValue, 120_00)]
    [InlineData(5, int.MaxValue)]
    [InlineData(5, int.MinValue)]
    public void A_huge_or_negative_capacity_or_rate_is_refused(int capacity, int rateCents)
    {
        IntervenerProfile.Create(IntervenerId, [CoachingDomain.StrategyAndTactics], capacity, rateCents).IsFailure.Should().BeTrue();
    }

    [Fact]
    public void Hours_arithmetic_holds_for_values_past_any_cap()
    {
        var hours = new HoursBudget(int.MaxValue, 0, int.MaxValue - 1);

        hours.MaximumTotalMinutes.Should().Be(int.MaxValue);
        hours.ExtensionRoomMinutes.Should().Be(0);
        hours.IsNearLimit.Should().BeTrue();
    }

    [Fact]
    public void Cost_is_exact_for_the_largest_rate_and_minutes()
    {
        Money.CostCents(int.MaxValue, int.MaxValue).Should().Be((long)Math.Round((decimal)int.MaxValue * int.MaxValue / 60m, MidpointRounding.AwayFromZero));
        Money.CostCents(120_00, 90).Should().Be(180_00);
    }

    [Theory]
    [InlineData(100.005, 10_001)]
    [InlineData(1e20, int.MaxValue)]
    [InlineData(-1e20, int.MinValue)]
    public void Euros_typed_in_a_form_become_cents_and_saturate_instead_of_throwing(double euros, int cents)
    {
        Money.CentsFromEuros((decimal)euros).Should().Be(cents);
    }

    private static void AssignAndReachSessions(CoachingCase coachingCase)
    {
        coachingCase.AssignIntervener(Hr, Candidate(), ManagerId, Now).ShouldSucceed();
        coachingCase.AgreeToMeet(Beneficiary, Now).ShouldSucceed();
        coachingCase.DeclareNoConflict(Intervener, Now).ShouldSucceed();
        coachingCase.RecordInterview(Intervener, Today, 60, Now).ShouldSucceed();
        coachingCase.Continue(Beneficiary, Now).ShouldSucceed();
        ValidateAll(coachingCase, Party.Company);
        ValidateAll(coachingCase, Party.Intervener);
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        AcceptAgreementByAll(coachingCase);
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.Video, Now).ShouldSucceed();
    }
}
