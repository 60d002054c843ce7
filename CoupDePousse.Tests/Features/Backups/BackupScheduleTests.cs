using CoupDePousse.App.Features.Administration.Backups;

namespace CoupDePousse.Tests.Features.Backups;

/// <summary>The daily slot in the server's zone: which one passed, which comes next, and one catch-up run after downtime.</summary>
public class BackupScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly BackupSchedule AtHalfPastTwo = new(new TimeOnly(2, 30), Paris);

    [Fact]
    public void The_slot_is_the_configured_local_time_of_each_day()
    {
        var morning = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

        AtHalfPastTwo.LastSlot(morning).Should().Be(new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.FromHours(1)));
        AtHalfPastTwo.NextSlot(morning).Should().Be(new DateTimeOffset(2026, 11, 21, 2, 30, 0, TimeSpan.FromHours(1)));
        var beforeDawn = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
        AtHalfPastTwo.LastSlot(beforeDawn).Should().Be(new DateTimeOffset(2026, 11, 19, 2, 30, 0, TimeSpan.FromHours(1)));
        AtHalfPastTwo.NextSlot(beforeDawn).Should().Be(new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void The_slot_itself_is_due_and_the_next_one_comes_a_day_later()
    {
        var slot = new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.FromHours(1));

        AtHalfPastTwo.LastSlot(slot).Should().Be(slot);
        AtHalfPastTwo.NextSlot(slot).Should().Be(slot.AddDays(1));
    }

    [Fact]
    public void After_days_of_downtime_one_run_catches_up_and_then_nothing_is_due_until_the_next_slot()
    {
        var lastRun = new DateTimeOffset(2026, 11, 16, 2, 30, 5, TimeSpan.FromHours(1));
        var restart = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

        AtHalfPastTwo.IsDue(lastRun, restart).Should().BeTrue("four slots were missed");
        AtHalfPastTwo.IsDue(restart, restart.AddMinutes(1)).Should().BeFalse("the catch-up run covers every missed day");
        AtHalfPastTwo.IsDue(restart, AtHalfPastTwo.NextSlot(restart).AddTicks(-1)).Should().BeFalse();
        AtHalfPastTwo.IsDue(restart, AtHalfPastTwo.NextSlot(restart)).Should().BeTrue();
    }

    [Fact]
    public void A_database_never_backed_up_is_due_at_once()
    {
        AtHalfPastTwo.IsDue(null, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)).Should().BeTrue();
    }

    [Fact]
    public void A_time_skipped_by_the_spring_clock_change_runs_an_hour_later_and_a_repeated_one_once()
    {
        // 29 March 2026: 02:00 → 03:00 in Paris; 25 October 2026: 03:00 → 02:00.
        AtHalfPastTwo.NextSlot(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero))
            .Should().Be(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)));
        AtHalfPastTwo.NextSlot(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero))
            .Should().Be(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), "the first of the two 02:30s");
        AtHalfPastTwo.NextSlot(new DateTimeOffset(2026, 10, 25, 0, 31, 0, TimeSpan.Zero))
            .Should().Be(new DateTimeOffset(2026, 10, 26, 2, 30, 0, TimeSpan.FromHours(1)), "the repeated 02:30 is not a second slot");
    }
}
