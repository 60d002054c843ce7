using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.Tests.Domain.Interveners;

public class MonthlyStatementTests
{
    private static readonly StatementPeriod March = StatementPeriod.Create(2026, 3).Value!;

    [Fact]
    public void The_amount_is_the_months_minutes_at_the_hourly_rate()
    {
        var statement = MonthlyStatement.Of(March, 90_00,
        [
            new StatementLine(new DateOnly(2026, 3, 20), 60, SessionMode.Video, false, "CP-00000002"),
            new StatementLine(new DateOnly(2026, 3, 2), 90, SessionMode.OnSite, false, "CP-00000001"),
            new StatementLine(new DateOnly(2026, 3, 31), 45, SessionMode.Phone, true, "CP-00000001"),
        ]);

        statement.TotalMinutes.Should().Be(195);
        statement.SessionCount.Should().Be(3);
        statement.AmountCents.Should().Be(292_50);
        statement.Lines.Select(l => l.Date.Day).Should().Equal(2, 20, 31);
        statement.AmountOf(statement.Lines[0]).Should().Be(135_00);
    }

    [Fact]
    public void The_amount_is_rounded_once_on_the_month_like_a_cases_cost()
    {
        // 1 cent an hour: 3 × 15 min is 0.75 cent, one cent once rounded; each line alone would round to 0.
        var statement = MonthlyStatement.Of(March, 1,
        [
            new StatementLine(new DateOnly(2026, 3, 1), 15, SessionMode.Video, false, "CP-A"),
            new StatementLine(new DateOnly(2026, 3, 2), 15, SessionMode.Video, false, "CP-A"),
            new StatementLine(new DateOnly(2026, 3, 3), 15, SessionMode.Video, false, "CP-A"),
        ]);

        statement.AmountCents.Should().Be(1);
        statement.Lines.Sum(statement.AmountOf).Should().Be(0);
    }

    [Fact]
    public void An_empty_month_costs_nothing() =>
        MonthlyStatement.Of(March, 90_00, []).AmountCents.Should().Be(0);

    [Fact]
    public void A_line_outside_the_month_is_a_programming_error()
    {
        var act = () => MonthlyStatement.Of(March, 90_00, [new StatementLine(new DateOnly(2026, 4, 1), 60, SessionMode.Video, false, "CP-A")]);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    [InlineData(0, 5)]
    [InlineData(9999, 12)]
    public void Only_real_months_are_accepted(int year, int month) =>
        StatementPeriod.Create(year, month).Error.Should().Be(StatementErrors.InvalidMonth);

    [Fact]
    public void A_month_covers_its_days_and_knows_its_neighbours()
    {
        March.Contains(new DateOnly(2026, 3, 1)).Should().BeTrue();
        March.Contains(new DateOnly(2026, 3, 31)).Should().BeTrue();
        March.Contains(new DateOnly(2026, 4, 1)).Should().BeFalse();
        March.Contains(new DateOnly(2026, 2, 28)).Should().BeFalse();
        StatementPeriod.Create(2026, 1).Value!.Previous.Should().Be(StatementPeriod.Create(2025, 12).Value);
        StatementPeriod.Create(2025, 12).Value!.Next.Should().Be(StatementPeriod.Create(2026, 1).Value);
    }

    [Fact]
    public void A_case_reference_is_short_neutral_and_taken_from_the_random_part_of_the_id()
    {
        var first = Guid.Parse("0193a1b2-0000-7000-8000-00000000abcd");
        var sameDay = Guid.Parse("0193a1b2-0000-7000-8000-0000deadbeef");

        CaseReference.Of(first).Should().Be("CP-0000ABCD");
        CaseReference.Of(sameDay).Should().Be("CP-DEADBEEF");
    }
}
