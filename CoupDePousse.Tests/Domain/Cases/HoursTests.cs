using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class HoursTests
{
    private const string Reason = "Un dernier entretien difficile à préparer.";

    [Fact]
    public void The_default_budget_is_six_hours()
    {
        HoursBudget.DefaultMinutes.Should().Be(360);
        BudgetBounds.Default.Should().Be(new BudgetBounds(120, 720));
        Proposed().BudgetMinutes.Should().Be(360);
    }

    [Theory]
    [InlineData(120)]
    [InlineData(255)]
    [InlineData(720)]
    public void Hr_sets_the_budget_within_the_bounds_in_quarters_of_an_hour(int minutes)
    {
        var coachingCase = Accepted();

        coachingCase.SetBudget(Hr, minutes, BudgetBounds.Default, Now).ShouldSucceed();

        coachingCase.BudgetMinutes.Should().Be(minutes);
        coachingCase.Hours.TotalMinutes.Should().Be(minutes);
    }

    [Theory]
    [InlineData(105)]
    [InlineData(735)]
    [InlineData(130)]
    [InlineData(0)]
    [InlineData(-60)]
    public void A_budget_outside_the_bounds_or_not_in_quarters_of_an_hour_is_refused(int minutes)
    {
        var coachingCase = Accepted();

        var error = coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Hr, minutes, BudgetBounds.Default, Now), CaseErrors.BudgetOutOfBounds);

        error.English.Should().Contain("2 h").And.Contain("12 h");
        error.French.Should().Contain("2 h").And.Contain("12 h");
    }

    [Fact]
    public void The_budget_follows_the_bounds_the_admin_set()
    {
        var coachingCase = Accepted();
        var bounds = BudgetBounds.Create(180, 480).Value;

        coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Hr, 120, bounds, Now), CaseErrors.BudgetOutOfBounds);
        coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Hr, 600, bounds, Now), CaseErrors.BudgetOutOfBounds);
        coachingCase.SetBudget(Hr, 480, bounds, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public void Only_hr_sets_the_budget(Who who)
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Of(who), 240, BudgetBounds.Default, Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.InPreliminaryInterview)]
    [InlineData(CaseStep.UnderDiscussion)]
    [InlineData(CaseStep.Accepted)]
    [InlineData(CaseStep.ObjectivesSet)]
    public void The_budget_may_be_set_at_any_step_before_sessions_start(CaseStep step)
    {
        var coachingCase = At(step);
        var state = coachingCase.State;

        coachingCase.SetBudget(Hr, 240, BudgetBounds.Default, Now).ShouldSucceed();

        coachingCase.BudgetMinutes.Should().Be(240);
        coachingCase.State.Should().Be(state);
    }

    [Fact]
    public void The_budget_cannot_change_once_sessions_have_started()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Hr, 480, BudgetBounds.Default, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(CaseStep.Closed)]
    [InlineData(CaseStep.Declined)]
    public void The_budget_of_an_ended_case_cannot_change(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.SetBudget(Hr, 480, BudgetBounds.Default, Now), CaseErrors.Ended);
    }

    [Theory]
    [InlineData(15, 15)]
    [InlineData(120, 720)]
    [InlineData(2400, 2400)]
    public void Admin_bounds_are_whole_quarters_of_an_hour_minimum_first_up_to_forty_hours(int minimum, int maximum)
    {
        var result = BudgetBounds.Create(minimum, maximum);

        result.ShouldSucceed();
        result.Value.Should().Be(new BudgetBounds(minimum, maximum));
    }

    [Theory]
    [InlineData(0, 720)]
    [InlineData(-15, 720)]
    [InlineData(130, 720)]
    [InlineData(120, 725)]
    [InlineData(720, 120)]
    [InlineData(120, 2415)]
    public void Invalid_admin_bounds_are_refused(int minimum, int maximum)
    {
        BudgetBounds.Create(minimum, maximum).ShouldBeRefusedWith(CaseErrors.InvalidBounds);
    }

    [Theory]
    [InlineData(120, 720, 360)]
    [InlineData(480, 720, 480)]
    [InlineData(120, 240, 240)]
    [InlineData(360, 360, 360)]
    public void The_default_budget_is_pulled_inside_bounds_that_exclude_six_hours(int minimum, int maximum, int expected)
    {
        var bounds = BudgetBounds.Create(minimum, maximum).Value;

        bounds.DefaultBudget.Should().Be(expected);
        Proposed(bounds).BudgetMinutes.Should().Be(expected);
    }

    [Fact]
    public void The_first_session_starts_the_sessions()
    {
        var coachingCase = ObjectivesSet();

        var result = coachingCase.LogSession(Intervener, Today.AddDays(-1), 90, SessionMode.Video, Now);

        result.ShouldSucceed();
        coachingCase.State.Should().Be(CaseState.InSessions);
        var session = coachingCase.Sessions.Should().ContainSingle().Subject;
        session.Should().BeSameAs(result.Value);
        session.Date.Should().Be(Today.AddDays(-1));
        session.DurationMinutes.Should().Be(90);
        session.Mode.Should().Be(SessionMode.Video);
        session.LoggedBy.Should().Be(IntervenerId);
    }

    [Fact]
    public void Later_sessions_add_up_in_the_hours_used()
    {
        var coachingCase = InSessions(60);

        coachingCase.LogSession(Intervener, Today, 45, SessionMode.Phone, Now).ShouldSucceed();

        coachingCase.State.Should().Be(CaseState.InSessions);
        coachingCase.Sessions.Should().HaveCount(2);
        coachingCase.Hours.Should().Be(new HoursBudget(360, 0, 105));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(CoachingCase.MaxSessionMinutes + 15)]
    public void A_session_lasts_whole_quarters_of_an_hour_within_limits(int minutes)
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, minutes, SessionMode.OnSite, Now), CaseErrors.InvalidDuration);
    }

    [Fact]
    public void A_session_cannot_be_logged_in_the_future()
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today.AddDays(1), 60, SessionMode.OnSite, Now), CaseErrors.DateInFuture);
    }

    [Theory]
    [InlineData(CaseStep.Continued)]
    [InlineData(CaseStep.Accepted)]
    public void Sessions_start_only_once_the_objectives_are_set(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.OtherIntervener)]
    public void Only_the_assigned_intervener_logs_sessions(Who who)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Of(who), Today, 60, SessionMode.OnSite, Now), RefusalTo(who));
    }

    [Fact]
    public void A_session_that_would_exceed_the_budget_is_refused()
    {
        var coachingCase = InSessions(300);

        var error = coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 75, SessionMode.OnSite, Now), CaseErrors.OverBudget);

        error.English.Should().Contain("1 h 15").And.Contain("1 h");
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now).ShouldSucceed("the budget may be used to the last minute");
        coachingCase.Hours.RemainingMinutes.Should().Be(0);
    }

    [Fact]
    public void The_intervener_requests_an_extension_with_minutes_a_category_and_a_comment_for_hr()
    {
        var coachingCase = InSessions();

        var result = coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.ObjectivesWidened, $"  {Reason}  ", Now);

        result.ShouldSucceed();
        coachingCase.PendingExtension.Should().BeSameAs(result.Value);
        result.Value.Minutes.Should().Be(60);
        result.Value.Category.Should().Be(ExtensionCategory.ObjectivesWidened);
        result.Value.Comment.Should().Be(Reason);
        result.Value.Status.Should().Be(ExtensionStatus.Pending);
        result.Value.RequestedBy.Should().Be(IntervenerId);
        coachingCase.Hours.TotalMinutes.Should().Be(360, "a pending extension does not count");
    }

    [Fact]
    public void A_session_over_the_budget_is_accepted_once_hr_approved_an_extension()
    {
        var coachingCase = InSessions(300);
        coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 90, SessionMode.OnSite, Now), CaseErrors.OverBudget);

        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();

        coachingCase.Extensions.Should().ContainSingle().Which.Status.Should().Be(ExtensionStatus.Approved);
        coachingCase.Extensions[0].DecidedBy.Should().Be(HrId);
        coachingCase.PendingExtension.Should().BeNull();
        coachingCase.Hours.TotalMinutes.Should().Be(390);
        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        coachingCase.LogSession(Intervener, Today, 90, SessionMode.OnSite, Now).ShouldSucceed();
        coachingCase.Hours.Should().Be(new HoursBudget(360, 30, 390));
    }

    [Fact]
    public void Extensions_never_take_the_budget_past_one_and_a_half_times_the_initial_budget()
    {
        var coachingCase = InSessions();

        var error = coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 195, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.ExtensionOverCap);
        error.English.Should().Contain("9 h");

        coachingCase.RequestExtension(Intervener, 180, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();
        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 15, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.ExtensionOverCap);
    }

    [Fact]
    public void The_extension_cap_follows_the_budget_hr_set()
    {
        var coachingCase = ObjectivesSet();
        coachingCase.SetBudget(Hr, 240, BudgetBounds.Default, Now).ShouldSucceed();
        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 135, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.ExtensionOverCap);
        coachingCase.RequestExtension(Intervener, 120, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
    }

    [Fact]
    public void Only_one_extension_request_is_pending_at_a_time()
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.ExtensionAlreadyPending);
    }

    [Fact]
    public void A_rejected_extension_leaves_the_budget_unchanged_and_a_new_request_may_follow()
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();

        coachingCase.RejectExtension(Hr, Now).ShouldSucceed();

        coachingCase.Extensions.Should().ContainSingle().Which.Status.Should().Be(ExtensionStatus.Rejected);
        coachingCase.Hours.TotalMinutes.Should().Be(360);
        coachingCase.PendingExtension.Should().BeNull();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();
    }

    [Fact]
    public void Hr_decides_only_a_pending_extension()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.ApproveExtension(Hr, Now), CaseErrors.NoPendingExtension);
        coachingCase.ShouldRefuse(() => coachingCase.RejectExtension(Hr, Now), CaseErrors.NoPendingExtension);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(-15)]
    public void An_extension_is_a_whole_number_of_quarters_of_an_hour(int minutes)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, minutes, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.InvalidExtension);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void The_comment_of_an_extension_request_is_optional(string? comment)
    {
        var coachingCase = InSessions();

        var result = coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.Other, comment, Now);

        result.ShouldSucceed();
        result.Value.Comment.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData((ExtensionCategory)42)]
    public void An_extension_request_needs_a_known_category(ExtensionCategory? category)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 30, category, Reason, Now), CaseErrors.ExtensionCategoryRequired);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.OtherIntervener)]
    public void Only_the_assigned_intervener_requests_an_extension(Who who)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Of(who), 30, ExtensionCategory.MoreSessionsNeeded, Reason, Now), RefusalTo(who));
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    public void Only_hr_approves_or_rejects_an_extension(Who who)
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, Reason, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.ApproveExtension(Of(who), Now), RefusalTo(who));
        coachingCase.ShouldRefuse(() => coachingCase.RejectExtension(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void Extensions_are_requested_only_once_sessions_have_started()
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShouldRefuse(() => coachingCase.RequestExtension(Intervener, 30, ExtensionCategory.MoreSessionsNeeded, Reason, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(360, 0, 0, 360, 360, 0, false)]
    [InlineData(360, 0, 90, 360, 270, 25, false)]
    [InlineData(360, 0, 285, 360, 75, 79, false)]
    [InlineData(360, 0, 288, 360, 72, 80, true)]
    [InlineData(360, 0, 360, 360, 0, 100, true)]
    [InlineData(360, 90, 360, 450, 90, 80, true)]
    [InlineData(360, 90, 345, 450, 105, 77, false)]
    [InlineData(660, 0, 525, 660, 135, 80, false)]
    [InlineData(0, 0, 0, 0, 0, 0, false)]
    public void Used_remaining_and_percentage_are_derived_and_the_intervener_is_warned_from_80_percent(
        int initial, int extension, int used, int total, int remaining, int percentage, bool nearLimit)
    {
        var hours = new HoursBudget(initial, extension, used);

        hours.TotalMinutes.Should().Be(total);
        hours.RemainingMinutes.Should().Be(remaining);
        hours.Percentage.Should().Be(percentage);
        hours.IsNearLimit.Should().Be(nearLimit);
    }

    [Fact]
    public void The_cap_on_extensions_is_one_and_a_half_times_the_initial_budget()
    {
        new HoursBudget(360, 0, 0).MaximumTotalMinutes.Should().Be(540);
        new HoursBudget(240, 60, 0).MaximumTotalMinutes.Should().Be(360);
    }
}
