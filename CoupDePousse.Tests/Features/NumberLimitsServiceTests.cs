using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features;

/// <summary>The limits the forms show hold in the services too: a value typed past a form (or sent by a script) is refused and stores nothing.</summary>
public class NumberLimitsServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<int> Extremes => [int.MinValue, -15, 0, 50, int.MaxValue];

    [Theory]
    [MemberData(nameof(Extremes))]
    public async Task Case_durations_out_of_their_rule_are_refused_by_the_service(int minutes)
    {
        await using var database = await TestDatabase.CreateAsync();
        var ready = await database.SaveAsync(ReadyForInterview());
        var inSessions = await database.SaveAsync(InSessions());
        var withIntervener = await database.SaveAsync(WithIntervener());
        var cases = database.Cases();
        var day = Today;

        (await cases.PerformAsync(Intervener, ready.Id, null, new RecordInterviewCommand(day, minutes), Token)).IsFailure.Should().BeTrue();
        (await cases.PerformAsync(Intervener, inSessions.Id, null, new LogSessionCommand(day, minutes, SessionMode.OnSite), Token)).IsFailure.Should().BeTrue();
        (await cases.PerformAsync(Intervener, inSessions.Id, null, new RequestExtensionCommand(minutes, ExtensionCategory.MoreSessionsNeeded, null), Token)).IsFailure.Should().BeTrue();
        (await cases.PerformAsync(Hr, withIntervener.Id, null, new SetBudgetCommand(minutes), Token)).IsFailure.Should().BeTrue();

        (await database.LoadAsync(ready.Id)).Version.Should().Be(ready.Version);
        (await database.LoadAsync(inSessions.Id)).Version.Should().Be(inSessions.Version);
        (await database.LoadAsync(withIntervener.Id)).Version.Should().Be(withIntervener.Version);
    }

    [Theory]
    [MemberData(nameof(Extremes))]
    public async Task Admin_numbers_out_of_their_rule_are_refused_by_the_service(int value)
    {
        await using var database = await TestDatabase.CreateAsync();
        var administration = database.Administration();

        (await administration.SetBudgetBoundsAsync(Admin, value, BudgetBounds.CeilingMinutes, Token)).IsFailure.Should().BeTrue();
        (await administration.SetBudgetBoundsAsync(Admin, BudgetBounds.Default.MinimumMinutes, value, Token)).IsFailure.Should().BeTrue();
        (await administration.SetSmallGroupThresholdAsync(Admin, value, Token)).IsFailure.Should().Be(!SmallGroupThreshold.Rule.Allows(value));
        (await administration.SetStallingRulesAsync(Admin, StallingRules.Default with { NudgeDays = value }, Token)).IsFailure.Should().Be(!StallingRules.DaysRule.Allows(value));
        (await database.Retention().SetPeriodsAsync(Admin, value, 120, 60, 12, 0, 6, Token)).IsFailure.Should().Be(!RetentionPeriods.RuleOf(RetentionField.SessionNoteMonths).Allows(value));

        await using var db = database.CreateDbContext();
        if (!SmallGroupThreshold.Rule.Allows(value) && !StallingRules.DaysRule.Allows(value))
        {
            (await db.BudgetSettings.AnyAsync(Token)).Should().BeFalse("a refused change changes nothing");
        }
    }

    [Theory]
    [InlineData(0, 100_00)]
    [InlineData(IntervenerProfile.MaxCapacity + 1, 100_00)]
    [InlineData(int.MaxValue, 100_00)]
    [InlineData(5, -1)]
    [InlineData(5, IntervenerProfile.MaxHourlyRateCents + 1)]
    [InlineData(5, int.MaxValue)]
    [InlineData(int.MinValue, int.MinValue)]
    public async Task A_profile_out_of_its_rules_is_refused_by_the_service_and_nothing_changes(int capacity, int cents)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var before = database.CreateDbContext();
        var stored = await before.IntervenerProfiles.AsNoTracking().SingleAsync(p => p.UserId == IntervenerId, Token);

        var result = await database.Administration().SaveIntervenerProfileAsync(Admin, IntervenerId, [CoachingDomain.StressAndEmotions], capacity, cents, Token);

        result.IsFailure.Should().BeTrue();
        await using var db = database.CreateDbContext();
        var after = await db.IntervenerProfiles.AsNoTracking().SingleAsync(p => p.UserId == IntervenerId, Token);
        (after.MaxActiveCases, after.HourlyRateCents, after.Domains.Count).Should().Be((stored.MaxActiveCases, stored.HourlyRateCents, stored.Domains.Count));
    }
}
