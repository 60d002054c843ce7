using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using FluentAssertions;
using FsCheck.Xunit;

namespace CoupDePousse.Tests.Domain.Common;

public class NumberInputTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static Result<int> Interview(string? text, CultureInfo? culture = null) =>
        NumberInput.Parse(text, CoachingCase.InterviewDurationRule, culture ?? French);

    [Theory]
    [InlineData("0", "number.out_of_range")]
    [InlineData("-15", "number.out_of_range")]
    [InlineData("", "number.required")]
    [InlineData("   ", "number.required")]
    [InlineData(null, "number.required")]
    [InlineData("abc", "number.invalid")]
    [InlineData("1.5", "number.not_whole")]
    [InlineData("1,5", "number.not_whole")]
    [InlineData("2147483647", "number.out_of_range")]
    [InlineData("-2147483648", "number.out_of_range")]
    [InlineData("99999999999999999999", "number.out_of_range")]
    [InlineData("9999999999999999999999999999999999", "number.too_large")]
    [InlineData("1e5", "number.invalid")]
    [InlineData("NaN", "number.invalid")]
    [InlineData("Infinity", "number.invalid")]
    [InlineData("15-", "number.invalid")]
    [InlineData("0x1F", "number.invalid")]
    [InlineData("١٥", "number.invalid")]
    [InlineData("50", "number.step")]
    [InlineData("195", "number.out_of_range")]
    public void Interview_minutes_that_are_not_a_duration_are_refused_never_changed(string? text, string code)
    {
        Interview(text).Error!.Code.Should().Be(code);
        Interview(text, English).Error!.Code.Should().Be(code == "number.not_whole" && text == "1,5" ? "number.invalid" : code);
    }

    [Theory]
    [InlineData("15", 15)]
    [InlineData(" 45 ", 45)]
    [InlineData("180", 180)]
    [InlineData("+60", 60)]
    public void Interview_minutes_in_quarters_are_read_as_typed(string text, int minutes)
    {
        Interview(text).Value.Should().Be(minutes);
        Interview(text, English).Value.Should().Be(minutes);
    }

    [Fact]
    public void A_step_is_explained_with_the_quarters_around_the_value()
    {
        var error = Interview("50").Error!;

        error.French.Should().Be("Les durées se comptent en quarts d'heure : 50 n'est pas un multiple de 15 minutes (essayez 45 min ou 1 h).");
        error.English.Should().Be("Durations are counted in quarters of an hour: 50 is not a multiple of 15 minutes (try 45 min or 1 h).");
    }

    [Fact]
    public void Out_of_range_names_the_limits_in_the_fields_unit()
    {
        var error = Interview("0").Error!;

        error.French.Should().Be("Indiquez une valeur de 15 min à 3 h.");
        error.English.Should().Be("Enter a value from 15 min to 3 h.");
    }

    [Theory]
    [InlineData("85.50", 8550)]
    [InlineData("85,50", 8550)]
    [InlineData("85,5", 8550)]
    [InlineData("85", 8500)]
    [InlineData("1 250,75", 125075)]
    [InlineData("1 250,75 €", 125075)]
    [InlineData("1.250,75", 125075)]
    [InlineData("0", 0)]
    [InlineData("10000", 1000000)]
    public void A_rate_in_French_takes_a_comma_or_a_point(string text, int cents) =>
        NumberInput.Parse(text, IntervenerProfile.RateRule, French).Value.Should().Be(cents);

    [Theory]
    [InlineData("85.50", 8550)]
    [InlineData("1,250.75", 125075)]
    [InlineData("1,250", 125000)]
    public void A_rate_in_English_takes_a_point_and_commas_between_thousands(string text, int cents) =>
        NumberInput.Parse(text, IntervenerProfile.RateRule, English).Value.Should().Be(cents);

    [Theory]
    [InlineData("85,50", "en-US", "number.invalid")]
    [InlineData("1,250", "fr-FR", "number.ambiguous")]
    [InlineData("85.505", "fr-FR", "number.ambiguous")]
    [InlineData("85,555", "en-US", "number.out_of_range")]
    [InlineData("85.555", "en-US", "number.cents")]
    [InlineData("2147483647", "fr-FR", "number.out_of_range")]
    [InlineData("99999999999999999999", "fr-FR", "number.out_of_range")]
    [InlineData("10000.01", "en-US", "number.out_of_range")]
    [InlineData("-1", "fr-FR", "number.out_of_range")]
    [InlineData("1.2.3", "en-US", "number.invalid")]
    [InlineData("1,,5", "fr-FR", "number.invalid")]
    [InlineData(",5", "fr-FR", "number.invalid")]
    public void A_rate_that_is_not_an_amount_is_refused(string text, string culture, string code) =>
        NumberInput.Parse(text, IntervenerProfile.RateRule, CultureInfo.GetCultureInfo(culture)).Error!.Code.Should().Be(code);

    [Theory]
    [InlineData("2,5", 150)]
    [InlineData("2.5", 150)]
    [InlineData("12", 720)]
    [InlineData("0,25", 15)]
    [InlineData("40", 2400)]
    public void Hours_in_French_become_minutes(string text, int minutes) =>
        NumberInput.Parse(text, BudgetBounds.BoundRule, French).Value.Should().Be(minutes);

    [Theory]
    [InlineData("2,5", "en-US", "number.invalid")]
    [InlineData("1,3", "fr-FR", "number.step")]
    [InlineData("0", "fr-FR", "number.out_of_range")]
    [InlineData("40,25", "fr-FR", "number.out_of_range")]
    [InlineData("2147483647", "fr-FR", "number.out_of_range")]
    [InlineData("99999999999999999999", "fr-FR", "number.out_of_range")]
    [InlineData("79228162514264337593543950335", "fr-FR", "number.out_of_range")]
    [InlineData("1e5", "en-US", "number.invalid")]
    public void Hours_that_are_not_a_budget_are_refused(string text, string culture, string code) =>
        NumberInput.Parse(text, BudgetBounds.BoundRule, CultureInfo.GetCultureInfo(culture)).Error!.Code.Should().Be(code);

    [Theory]
    [InlineData("1,5", "number.not_whole")]
    [InlineData("1.5", "number.not_whole")]
    [InlineData("0", "number.out_of_range")]
    [InlineData("101", "number.out_of_range")]
    [InlineData("2147483647", "number.out_of_range")]
    public void A_capacity_is_a_whole_number_of_cases(string text, string code) =>
        NumberInput.Parse(text, IntervenerProfile.CapacityRule, French).Error!.Code.Should().Be(code);

    [Fact]
    public void A_pasted_document_is_refused_without_reading_it() =>
        NumberInput.Parse(new string('1', 100_000), Scores.Rule, French).Error!.Code.Should().Be("number.invalid");

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public void Every_message_exists_in_both_languages(string culture)
    {
        foreach (var text in new[] { "", "abc", "1,5", "0", "50", "1,250", "85.555", "99999999999999999999999999999999" })
        {
            var error = NumberInput.Parse(text, text == "85.555" ? IntervenerProfile.RateRule : CoachingCase.InterviewDurationRule, CultureInfo.GetCultureInfo(culture)).Error!;
            error.French.Should().NotBeNullOrWhiteSpace().And.NotBe(error.English);
            error.English.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Property(MaxTest = 500)]
    public bool Anything_read_is_within_the_rule(string text, bool english)
    {
        foreach (var rule in Rules)
        {
            var result = NumberInput.Parse(text, rule, english ? English : French);
            if (result.IsSuccess && !rule.Allows(result.Value))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 500)]
    public bool A_value_the_field_shows_reads_back_to_itself(int value, bool english)
    {
        var culture = english ? English : French;
        foreach (var rule in Rules)
        {
            var allowed = rule.Minimum + (int)((uint)value % (uint)(rule.Maximum - rule.Minimum + 1));
            allowed -= allowed % rule.Step;
            if (rule.Allows(allowed) && NumberInput.Parse(NumberInput.Format(allowed, rule, culture), rule, culture).Value != allowed)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool The_field_accepts_exactly_what_the_domain_accepts(int value) =>
        Rules.All(rule => (NumberInput.Check(value, rule) is null) == rule.Allows(value))
        && HoursBudget.ExtensionRule.Allows(value) == (value is > 0 and <= HoursBudget.MaxExtensionMinutes && value % Durations.StepMinutes == 0)
        && IntervenerProfile.CapacityRule.Allows(value) == (value is >= 1 and <= IntervenerProfile.MaxCapacity);

    private static readonly NumberRule[] Rules =
    [
        CoachingCase.InterviewDurationRule, CoachingCase.SessionDurationRule, HoursBudget.ExtensionRule, BudgetBounds.BoundRule,
        BudgetBounds.Default.BudgetRule, IntervenerProfile.CapacityRule, IntervenerProfile.RateRule, SmallGroupThreshold.Rule,
        StallingRules.DaysRule, Scores.Rule,
    ];
}
