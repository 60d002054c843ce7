using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Privacy;

public class RetentionPeriodsTests
{
    [Fact]
    public void The_defaults_are_the_ones_written_in_the_privacy_record()
    {
        var periods = RetentionDefaults.Periods;

        periods.SessionNoteMonths.Should().Be(6);
        periods.EndedCaseMonths.Should().Be(36);
        periods.SecurityEventMonths.Should().Be(60);
        periods.NotificationMonths.Should().Be(12);
        periods.InvitationDays.Should().Be(0);
        periods.LeaverErasureMonths.Should().Be(6);
    }

    [Theory]
    [InlineData(RetentionField.SessionNoteMonths, 0, "retention.notes_out_of_bounds")]
    [InlineData(RetentionField.SessionNoteMonths, 61, "retention.notes_out_of_bounds")]
    [InlineData(RetentionField.EndedCaseMonths, 11, "retention.cases_out_of_bounds")]
    [InlineData(RetentionField.SecurityEventMonths, 121, "retention.audit_out_of_bounds")]
    [InlineData(RetentionField.NotificationMonths, 0, "retention.notifications_out_of_bounds")]
    [InlineData(RetentionField.InvitationDays, -1, "retention.invitations_out_of_bounds")]
    [InlineData(RetentionField.LeaverErasureMonths, 61, "retention.leavers_out_of_bounds")]
    public void A_period_out_of_its_bounds_is_refused_with_a_message_naming_them(RetentionField field, int value, string code)
    {
        var values = new Dictionary<RetentionField, int>
        {
            [RetentionField.SessionNoteMonths] = 6,
            [RetentionField.EndedCaseMonths] = 36,
            [RetentionField.SecurityEventMonths] = 60,
            [RetentionField.NotificationMonths] = 12,
            [RetentionField.InvitationDays] = 0,
            [RetentionField.LeaverErasureMonths] = 6,
            [field] = value,
        };

        var result = RetentionPeriods.Create(values[RetentionField.SessionNoteMonths], values[RetentionField.EndedCaseMonths], values[RetentionField.SecurityEventMonths],
            values[RetentionField.NotificationMonths], values[RetentionField.InvitationDays], values[RetentionField.LeaverErasureMonths]);

        result.IsFailure.Should().BeTrue();
        result.Error!.Code.Should().Be(code);
        var (min, max) = RetentionPeriods.BoundsOf(field);
        result.Error.English.Should().Contain($"{min}").And.Contain($"{max}");
        RetentionPeriods.Check(field, value).Should().Be(result.Error);
    }

    [Fact]
    public void Notes_may_not_be_kept_longer_than_the_case_before_its_anonymisation()
    {
        RetentionPeriods.Create(40, 36, 60, 12, 0, 6).Error.Should().Be(RetentionErrors.NotesOutliveCase);
        RetentionPeriods.Create(36, 36, 60, 12, 0, 6).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void The_planner_counts_each_period_back_from_the_clock()
    {
        var schedule = RetentionPlanner.Plan(Now, RetentionDefaults.Periods, TimeSpan.FromHours(72));

        schedule.NotesOfCasesEndedBy.Should().Be(Now.AddMonths(-6));
        schedule.CasesEndedBy.Should().Be(Now.AddMonths(-36));
        schedule.SecurityEventsBefore.Should().Be(Now.AddMonths(-60));
        schedule.NotificationsBefore.Should().Be(Now.AddMonths(-12));
        schedule.InvitationsIssuedBefore.Should().Be(Now.AddHours(-72));
    }

    [Theory]
    [InlineData(RetentionKind.SessionNotes, -6 * 31, true)]
    [InlineData(RetentionKind.SessionNotes, -5 * 30, false)]
    [InlineData(RetentionKind.EndedCases, -37 * 30, true)]
    [InlineData(RetentionKind.EndedCases, -35 * 30, false)]
    [InlineData(RetentionKind.SecurityEvents, -61 * 30, true)]
    [InlineData(RetentionKind.SecurityEvents, -59 * 30, false)]
    [InlineData(RetentionKind.Notifications, -366, true)]
    [InlineData(RetentionKind.Notifications, -364, false)]
    [InlineData(RetentionKind.Invitations, -4, true)]
    [InlineData(RetentionKind.Invitations, -2, false)]
    [InlineData(RetentionKind.ScheduledErasures, 0, true)]
    [InlineData(RetentionKind.ScheduledErasures, 1, false)]
    public void Each_kind_is_due_once_its_period_has_passed(RetentionKind kind, int daysFromNow, bool due)
    {
        var schedule = RetentionPlanner.Plan(Now, RetentionDefaults.Periods, TimeSpan.FromHours(72));

        schedule.IsDue(kind, Now.AddDays(daysFromNow)).Should().Be(due);
    }

    [Fact]
    public void The_case_filters_select_ended_cases_past_their_period_and_never_an_anonymised_one_twice()
    {
        var old = Closed();
        var schedule = RetentionPlanner.Plan(Now.AddMonths(37), RetentionDefaults.Periods, TimeSpan.FromHours(72));
        var active = InSessions();

        schedule.CasesToAnonymise().Compile()(old).Should().BeTrue();
        schedule.CasesWithExpiredNotes().Compile()(old).Should().BeTrue();
        schedule.CasesToAnonymise().Compile()(active).Should().BeFalse("a case in progress is never due");

        old.Anonymise(Now.AddMonths(37)).ShouldSucceed();
        schedule.CasesToAnonymise().Compile()(old).Should().BeFalse();
        RetentionPlanner.Plan(Now.AddMonths(5), RetentionDefaults.Periods, TimeSpan.FromHours(72)).CasesWithExpiredNotes().Compile()(Closed()).Should().BeFalse();
    }

    [Fact]
    public void A_leavers_erasure_falls_due_after_the_delay()
    {
        var periods = RetentionPeriods.Create(6, 36, 60, 12, 0, 3).Value;

        RetentionPlanner.ErasureDueAt(Now, periods).Should().Be(Now.AddMonths(3));
    }
}
