using CoupDePousse.Domain.Meetings;

namespace CoupDePousse.Tests.Domain.Meetings;

/// <summary>Times are stored in UTC and read, or typed, on a Paris clock, summer time included.</summary>
public class MeetingTimesTests
{
    [Theory]
    [InlineData(2026, 11, 24, 10, 9)]
    [InlineData(2026, 7, 7, 10, 8)]
    public void A_time_typed_on_a_paris_clock_is_the_utc_instant_it_names_and_reads_back_the_same(int year, int month, int day, int hour, int utcHour)
    {
        foreach (var kind in Enum.GetValues<DateTimeKind>())
        {
            var typed = new DateTime(year, month, day, hour, 0, 0, kind);

            var instant = MeetingTimes.FromLocal(typed);

            instant.Should().Be(new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero), $"whatever kind ({kind}) the picker gives");
            MeetingTimes.ToLocal(instant).DateTime.Should().Be(new DateTime(year, month, day, hour, 0, 0));
        }
    }

    [Fact]
    public void A_meeting_late_in_the_utc_evening_falls_on_the_next_day_in_paris()
    {
        MeetingTimes.DayOf(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 11, 25));
    }
}
