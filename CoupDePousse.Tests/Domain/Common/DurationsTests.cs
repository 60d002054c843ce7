using CoupDePousse.Domain.Common;

namespace CoupDePousse.Tests.Domain.Common;

public class DurationsTests
{
    public static TheoryData<decimal, int> Typed => new()
    {
        { 1.5m, 90 },
        { 0.25m, 15 },
        { 6m, 360 },
        { 0m, 0 },
        { 0.075m, 5 },
        { 0.175m, 11 },
        { -0.075m, -5 },
        { 0.01m, 1 },
    };

    public static TheoryData<decimal, int> Huge => new()
    {
        { 1e20m, int.MaxValue },
        { decimal.MaxValue, int.MaxValue },
        { -1e20m, int.MinValue },
        { decimal.MinValue, int.MinValue },
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public void Hours_as_people_type_them_become_whole_minutes_rounded_half_away_from_zero(decimal hours, int minutes)
    {
        Durations.FromHours(hours).Should().Be(minutes);
    }

    [Theory]
    [MemberData(nameof(Huge))]
    public void Hours_too_large_for_minutes_saturate_instead_of_throwing(decimal hours, int minutes)
    {
        Durations.FromHours(hours).Should().Be(minutes);
    }

    [Theory]
    [InlineData(90, "1.5")]
    [InlineData(15, "0.25")]
    [InlineData(360, "6")]
    [InlineData(0, "0")]
    public void Minutes_read_as_hours(int minutes, string hours)
    {
        Durations.ToHours(minutes).Should().Be(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(45)]
    [InlineData(615)]
    [InlineData(2400)]
    public void Minutes_shown_as_hours_and_typed_back_are_the_same_minutes(int minutes)
    {
        Durations.FromHours(Durations.ToHours(minutes)).Should().Be(minutes);
    }

    [Theory]
    [InlineData("fr-FR", 90, "1 h 30")]
    [InlineData("fr-FR", 45, "45 min")]
    [InlineData("fr-FR", 296925 * 60, "296\u202F925 h")]
    [InlineData("en-US", 296925 * 60 + 30, "296,925 h 30")]
    public void Durations_read_as_people_write_them_thousands_included(string culture, int minutes, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            Durations.Format(minutes).Should().Be(expected);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
