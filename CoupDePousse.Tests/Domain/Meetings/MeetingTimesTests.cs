using CoupDePousse.Domain.Common;
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

/// <summary>A person reads and types times in their own zone; each zone keeps its own summer time, on its own dates.</summary>
public class PersonalTimeZoneTests
{
    private static readonly TimeZoneInfo Montreal = TimeZoneChoices.Resolve("America/Montreal");

    [Theory]
    [InlineData(2026, 11, 24, 10, 15)] // winter: UTC-5
    [InlineData(2026, 7, 7, 10, 14)] // summer: UTC-4
    public void A_time_typed_on_a_montreal_clock_is_the_utc_instant_it_names_and_reads_back_the_same(int year, int month, int day, int hour, int utcHour)
    {
        var instant = MeetingTimes.FromLocal(new DateTime(year, month, day, hour, 0, 0), Montreal);

        instant.Should().Be(new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero));
        MeetingTimes.ToLocal(instant, Montreal).DateTime.Should().Be(new DateTime(year, month, day, hour, 0, 0));
    }

    [Fact]
    public void Between_the_two_summer_time_changes_paris_and_montreal_are_five_hours_apart_not_six()
    {
        // North America moves to summer time on 8 March 2026, Europe on 29 March.
        var instant = new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero);

        MeetingTimes.ToLocal(instant).Hour.Should().Be(15, "Paris is still on winter time (UTC+1)");
        MeetingTimes.ToLocal(instant, Montreal).Hour.Should().Be(10, "Montreal is already on summer time (UTC-4)");
    }

    [Fact]
    public void The_day_of_a_meeting_depends_on_the_zone()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

        MeetingTimes.DayOf(lateEvening).Should().Be(new DateOnly(2026, 11, 25));
        MeetingTimes.DayOf(lateEvening, Montreal).Should().Be(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public void Reunion_has_no_summer_time()
    {
        var reunion = TimeZoneChoices.Resolve("Indian/Reunion");

        MeetingTimes.FromLocal(new DateTime(2026, 1, 10, 9, 0, 0), reunion).Should().Be(new DateTimeOffset(2026, 1, 10, 5, 0, 0, TimeSpan.Zero));
        MeetingTimes.FromLocal(new DateTime(2026, 7, 10, 9, 0, 0), reunion).Should().Be(new DateTimeOffset(2026, 7, 10, 5, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("America/Montreal", true)]
    [InlineData("Pacific/Noumea", true)]
    [InlineData("UTC", true)]
    [InlineData("Asia/Tokyo", false)]
    [InlineData("europe/paris", false)]
    [InlineData("../../etc/passwd", false)]
    public void Only_the_offered_zones_can_be_chosen(string id, bool offered)
    {
        TimeZoneChoices.Validate(id).IsSuccess.Should().Be(offered);
        TimeZoneChoices.IsOffered(id).Should().Be(offered);
    }

    [Fact]
    public void Choosing_paris_or_nothing_stores_no_choice()
    {
        TimeZoneChoices.Validate(null).Value.Should().BeNull();
        TimeZoneChoices.Validate(TimeZoneChoices.DefaultId).Value.Should().BeNull();
        TimeZoneChoices.Validate("America/New_York").Value.Should().Be("America/New_York");
    }

    [Fact]
    public void A_stored_zone_this_machine_does_not_know_reads_as_paris()
    {
        TimeZoneChoices.Resolve("Mars/Olympus_Mons").Should().Be(MeetingTimes.DefaultZone);
        TimeZoneChoices.Resolve(null).Should().Be(MeetingTimes.DefaultZone);
    }

    [Fact]
    public void Every_offered_zone_resolves_on_this_machine()
    {
        TimeZoneChoices.Offered.Where(id => !TimeZoneChoices.IsOffered(id)).Should().BeEmpty();
    }
}
