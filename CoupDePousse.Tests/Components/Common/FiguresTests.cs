using System.Globalization;
using CoupDePousse.App.Features.Common;

namespace CoupDePousse.Tests.Components.Common;

/// <summary>The one formatter of shown numbers and dates, in French and in English.</summary>
public class FiguresTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    // .NET writes French thousands with a narrow no-break space.
    private const char Thin = '\u202F';

    [Theory]
    [InlineData(24999, "24\u202F999", "24,999")]
    [InlineData(100000, "100\u202F000", "100,000")]
    [InlineData(2147483647, "2\u202F147\u202F483\u202F647", "2,147,483,647")]
    [InlineData(999, "999", "999")]
    [InlineData(0, "0", "0")]
    [InlineData(-1234, "-1\u202F234", "-1,234")]
    public void Counts_carry_the_cultures_thousands_separator(long count, string french, string english)
    {
        Figures.Count(count, French).Should().Be(french);
        Figures.Count(count, English).Should().Be(english);
    }

    [Fact]
    public void A_withheld_count_reads_the_words_given()
    {
        Figures.Count(null, "masqué", French).Should().Be("masqué");
        Figures.Count(1500, "masqué", French).Should().Be("1\u202F500");
    }

    [Theory]
    [InlineData(217533 * 60 + 45, "217\u202F533 h 45", "217,533 h 45")]
    [InlineData(1250 * 60, "1\u202F250 h", "1,250 h")]
    [InlineData(90, "1 h 30", "1 h 30")]
    [InlineData(45, "45 min", "45 min")]
    [InlineData(0, "0 min", "0 min")]
    [InlineData(-90, "-1 h 30", "-1 h 30")]
    public void Hours_and_minutes_keep_the_house_style_with_separators(int minutes, string french, string english)
    {
        Figures.Hours(minutes, French).Should().Be(french);
        Figures.Hours(minutes, English).Should().Be(english);
    }

    [Fact]
    public void Euros_are_laid_out_as_each_culture_writes_money_in_euros()
    {
        Figures.Euros(1250050, English).Should().Be("€12,500.50");
        Figures.Euros(1250050, French).Should().StartWith($"12{Thin}500,50").And.EndWith("€");
        Figures.Euros(0, English).Should().Be("€0.00");
        Figures.Euros(-4550, English).Should().Contain("45.50").And.StartWith("-");
    }

    [Fact]
    public void Shares_and_percentages_are_written_as_the_culture_writes_them()
    {
        Figures.Share(0.42, English).Should().Be("42%");
        Figures.Share(0.42, French).Should().StartWith("42").And.EndWith("%").And.NotBe("42%", "French puts a space before the sign");
        Figures.Percent(1250, English).Should().Be("1,250%");
        Figures.Percent(80, French).Should().Be(Figures.Share(0.8, French));
    }

    [Fact]
    public void Decimals_and_changes_use_the_cultures_decimal_mark_and_grouping()
    {
        Figures.Decimal(1234.56, 1, culture: French).Should().Be("1\u202F234,6");
        Figures.Decimal(1234.56, 1, culture: English).Should().Be("1,234.6");
        Figures.Decimal(3.0, 1, optional: true, culture: French).Should().Be("3");
        Figures.Decimal(12500.5m, 2, English).Should().Be("12,500.50");
        Figures.Change(1.5, French).Should().Be("+1,5");
        Figures.Change(-0.5, English).Should().Be("−0.5");
    }

    [Fact]
    public void Dates_and_times_follow_the_page_culture()
    {
        var day = new DateOnly(2026, 12, 1);
        var moment = new DateTime(2026, 12, 1, 14, 5, 0);

        Figures.Date(day, French).Should().Be("01/12/2026");
        Figures.Date(day, English).Should().Be("12/1/2026");
        Figures.Time(new TimeOnly(14, 5), French).Should().Be("14:05");
        Figures.LongDateTime(moment, French).Should().Be("mardi 1 décembre 2026, 14:05");
        Figures.LongDateTime(moment, English).Should().Be("Tuesday 1 December 2026, 14:05");
        Figures.Month(day, French).Should().Be("Décembre 2026");
        Figures.DateTime(moment, English).Should().Be(moment.ToString("g", English));
    }

    [Fact]
    public void A_pager_groups_its_numbers()
    {
        Figures.Pager("{first_item}–{last_item} sur {all_items}", 100, 25, 25, 24999, French)
            .Should().Be("2\u202F476–2\u202F500 sur 24\u202F999");
        Figures.Pager("{first_item}–{last_item} of {all_items}", 1, 25, 0, 0, English).Should().Be("0–0 of 0");
    }
}
