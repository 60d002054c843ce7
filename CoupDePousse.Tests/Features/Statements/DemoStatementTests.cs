using CoupDePousse.App.Data.Demo;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.Tests.Features.Statements;

/// <summary>The demo is told relative to the day it is seeded: Isabelle's statement must show sessions on first sign-in whatever that day.</summary>
public class DemoStatementTests
{
    public static TheoryData<int> DaysOfMarch => new(Enumerable.Range(1, 31));

    [Theory]
    [MemberData(nameof(DaysOfMarch))]
    public void Isabelle_has_sessions_this_month_or_last_month_and_both_on_most_days(int day)
    {
        var now = new DateTimeOffset(2027, 3, day, 9, 0, 0, TimeSpan.Zero);
        var people = new DemoPeople(DemoUsers.All.ToDictionary(u => u.Email, u => u.Email));
        var profile = IntervenerProfile.Create(people.Intervener.UserId, [CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics], 12, 120_00).Value;
        var profile2 = IntervenerProfile.Create(people.Intervener2.UserId, [CoachingDomain.StressAndEmotions, CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics], 10, 95_00).Value;
        var sessions = new DemoStory(people, now, profile, profile2).Cases()
            .Where(c => c.IntervenerId == people.Intervener.UserId)
            .SelectMany(c => c.Sessions)
            .ToList();
        var thisMonth = StatementPeriod.Of(DateOnly.FromDateTime(now.UtcDateTime));

        var inThisMonth = sessions.Count(s => thisMonth.Contains(s.Date));
        var inLastMonth = sessions.Count(s => thisMonth.Previous.Contains(s.Date));

        (inThisMonth + inLastMonth).Should().BeGreaterThanOrEqualTo(3);
        if (day > 5)
        {
            inThisMonth.Should().BeGreaterThan(0);
        }

        if (day < 30)
        {
            inLastMonth.Should().BeGreaterThan(0);
        }
    }
}
