using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Programme;

namespace CoupDePousse.Tests.Domain.Programme;

public class EnvelopeFiguresTests
{
    private static readonly ProgrammeEnvelope Envelope = ProgrammeEnvelope.Create(2026, 10_000_00).Value;

    [Fact]
    public void An_open_engaged_case_commits_its_whole_budget_with_extensions_and_consumes_its_logged_hours()
    {
        // 6 h + 2 h approved at 120 €/h, 3 h logged.
        var figures = EnvelopeFigures.Compute(Envelope, [new EnvelopeCase(CaseState.InSessions, 120_00, 8 * 60, 3 * 60)], new DateOnly(2026, 12, 31));

        figures.CommittedCents.Should().Be(960_00);
        figures.ConsumedCents.Should().Be(360_00);
        figures.RemainingCents.Should().Be(10_000_00 - 960_00);
        figures.OutstandingCents.Should().Be(600_00);
    }

    [Theory]
    [InlineData(CaseState.Closed)]
    [InlineData(CaseState.Cancelled)]
    public void An_ended_case_commits_only_what_it_used_and_gives_the_rest_back(CaseState state)
    {
        var figures = EnvelopeFigures.Compute(Envelope, [new EnvelopeCase(state, 100_00, 6 * 60, 90)], new DateOnly(2026, 12, 31));

        figures.CommittedCents.Should().Be(150_00);
        figures.ConsumedCents.Should().Be(150_00);
    }

    [Theory]
    [InlineData(CaseState.Proposed)]
    [InlineData(CaseState.PreliminaryInterview)]
    [InlineData(CaseState.UnderDiscussion)]
    [InlineData(CaseState.Declined)]
    public void A_case_never_accepted_costs_nothing(CaseState state)
    {
        EnvelopeFigures.Compute(Envelope, [new EnvelopeCase(state, 100_00, 6 * 60, 0)], new DateOnly(2026, 6, 1)).CommittedCents.Should().Be(0);
        EnvelopeFigures.CountedStates.Should().NotContain(state);
    }

    [Fact]
    public void Each_case_is_priced_and_rounded_on_its_own_then_multiplied_by_the_cases_alike()
    {
        // 10 min at 1.00 €/h is 16.67 cents, rounded to 17 per case: three cases are 51 cents, not 50 from summed minutes.
        var figures = EnvelopeFigures.Compute(Envelope, [new EnvelopeCase(CaseState.Closed, 1_00, 60, 10, Cases: 3)], new DateOnly(2026, 12, 31));

        figures.ConsumedCents.Should().Be(51);
    }

    [Fact]
    public void The_forecast_extrapolates_consumption_to_the_end_of_the_year_at_the_pace_so_far()
    {
        // 1 April 2026 is day 91 of 365: 910.00 € consumed forecasts 3 650.00 €.
        EnvelopeFigures.Forecast(2026, 910_00, new DateOnly(2026, 4, 1)).Should().Be(3_650_00);
        // A leap year counts 366 days; 1 January is day 1.
        EnvelopeFigures.Forecast(2028, 1_00, new DateOnly(2028, 1, 1)).Should().Be(366_00);
        // Rounded half away from zero: 1 cent on day 2 of 365 is 182.5 cents.
        EnvelopeFigures.Forecast(2026, 1, new DateOnly(2026, 1, 2)).Should().Be(183);
    }

    [Fact]
    public void A_year_already_over_or_not_yet_begun_forecasts_what_it_consumed()
    {
        EnvelopeFigures.Forecast(2025, 500_00, new DateOnly(2026, 3, 1)).Should().Be(500_00);
        EnvelopeFigures.Forecast(2027, 0, new DateOnly(2026, 3, 1)).Should().Be(0);
    }

    [Theory]
    [InlineData(0, 1000_00, EnvelopeLevel.Within)]
    [InlineData(799_99, 1000_00, EnvelopeLevel.Within)]
    [InlineData(800_00, 1000_00, EnvelopeLevel.Warning)]
    [InlineData(999_99, 1000_00, EnvelopeLevel.Warning)]
    [InlineData(1000_00, 1000_00, EnvelopeLevel.Exceeded)]
    [InlineData(1200_00, 1000_00, EnvelopeLevel.Exceeded)]
    [InlineData(1, 0, EnvelopeLevel.Exceeded)]
    [InlineData(0, 0, EnvelopeLevel.Within)]
    public void Hr_is_warned_from_80_percent_committed_and_alerted_from_100_percent(long committed, long envelope, EnvelopeLevel level)
    {
        EnvelopeFigures.LevelOf(committed, envelope).Should().Be(level);
    }

    [Theory]
    [InlineData(2026, 0, true)]
    [InlineData(2026, ProgrammeEnvelope.MaxAmountCents, true)]
    [InlineData(2026, -1, false)]
    [InlineData(2026, ProgrammeEnvelope.MaxAmountCents + 1, false)]
    [InlineData(1999, 100, false)]
    [InlineData(2101, 100, false)]
    public void An_envelope_is_a_year_and_an_amount_within_range(int year, long cents, bool valid)
    {
        ProgrammeEnvelope.Create(year, cents).IsSuccess.Should().Be(valid);
    }
}

public class EuroInputTests
{
    [Theory]
    [InlineData("45000", "45000")]
    [InlineData("45 000", "45000")]
    [InlineData("45\u202f000,50", "45000.50")]
    [InlineData("45000.5", "45000.5")]
    [InlineData("12 500 €", "12500")]
    [InlineData("-3", "-3")]
    [InlineData("12 500,50", "12500.50")]
    [InlineData("12,500.50", "12500.50")]
    [InlineData("12.500,50", "12500.50")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("€12,500.50", "12500.50")]
    public void Euros_are_read_in_french_or_english_with_spaces_and_the_sign_ignored(string text, string expected)
    {
        CoupDePousse.Domain.Common.Money.ParseEuros(text).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("12.345")]
    [InlineData("12,500")]
    [InlineData("1,23,456.50")]
    [InlineData("1.234.56")]
    [InlineData("1,234,50")]
    [InlineData("12,500.50.25")]
    [InlineData("1e5")]
    public void Anything_else_is_not_an_amount(string? text)
    {
        CoupDePousse.Domain.Common.Money.ParseEuros(text).Should().BeNull();
    }

    [Fact]
    public void The_committed_percentage_is_the_true_one_however_far_past_the_envelope()
    {
        new EnvelopeFigures(2026, 1_600_00, 515_886_25, 0, 0).CommittedPercentage.Should().Be(32_242, "a figure shown is never capped into a false one");
        new EnvelopeFigures(2026, 1, long.MaxValue / 100, 0, 0).CommittedPercentage.Should().Be(int.MaxValue);
    }
}
