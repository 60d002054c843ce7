using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Domain.Interveners;

public class IntervenerProfileTests
{
    [Fact]
    public void A_profile_keeps_each_domain_once_in_order()
    {
        var result = IntervenerProfile.Create("intervener-1",
            [CoachingDomain.StressAndEmotions, CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions], 5, 120_00);

        result.ShouldSucceed();
        result.Value.UserId.Should().Be("intervener-1");
        result.Value.Domains.Should().Equal(CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions);
        result.Value.MaxActiveCases.Should().Be(5);
        result.Value.HourlyRateCents.Should().Be(120_00);
    }

    [Fact]
    public void An_intervener_covers_at_least_one_domain()
    {
        IntervenerProfile.Create("intervener-1", [], 5, 120_00).ShouldBeRefusedWith(IntervenerErrors.DomainRequired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void The_capacity_is_between_one_and_a_hundred_active_cases(int capacity)
    {
        IntervenerProfile.Create("intervener-1", [CoachingDomain.StrategyAndTactics], capacity, 120_00).ShouldBeRefusedWith(IntervenerErrors.InvalidCapacity);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000_01)]
    public void The_hourly_rate_is_between_nothing_and_ten_thousand_euros(int rateCents)
    {
        IntervenerProfile.Create("intervener-1", [CoachingDomain.StrategyAndTactics], 5, rateCents).ShouldBeRefusedWith(IntervenerErrors.InvalidRate);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(100, 10_000_00)]
    public void Capacity_and_rate_limits_are_inclusive(int capacity, int rateCents)
    {
        IntervenerProfile.Create("intervener-1", [CoachingDomain.StrategyAndTactics], capacity, rateCents).ShouldSucceed();
    }

    [Fact]
    public void A_refused_update_leaves_the_profile_unchanged()
    {
        var profile = IntervenerProfile.Create("intervener-1", [CoachingDomain.StrategyAndTactics], 5, 120_00).Value;

        profile.Update([CoachingDomain.StressAndEmotions], 0, 90_00).ShouldBeRefusedWith(IntervenerErrors.InvalidCapacity);

        profile.Domains.Should().Equal(CoachingDomain.StrategyAndTactics);
        profile.MaxActiveCases.Should().Be(5);
        profile.HourlyRateCents.Should().Be(120_00);
    }

    [Fact]
    public void An_update_replaces_domains_capacity_and_rate()
    {
        var profile = IntervenerProfile.Create("intervener-1", [CoachingDomain.StrategyAndTactics], 5, 120_00).Value;

        profile.Update([CoachingDomain.StressAndEmotions], 3, 90_00).ShouldSucceed();

        profile.Domains.Should().Equal(CoachingDomain.StressAndEmotions);
        profile.MaxActiveCases.Should().Be(3);
        profile.HourlyRateCents.Should().Be(90_00);
    }

    [Theory]
    [InlineData(new[] { CoachingDomain.ManagementAndCommunication }, true)]
    [InlineData(new[] { CoachingDomain.StrategyAndTactics, CoachingDomain.StressAndEmotions }, true)]
    [InlineData(new[] { CoachingDomain.StressAndEmotions }, false)]
    [InlineData(new CoachingDomain[0], false)]
    public void A_profile_covers_a_case_when_it_shares_at_least_one_domain(CoachingDomain[] caseDomains, bool covers)
    {
        var profile = IntervenerProfile.Create("intervener-1", [CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics], 5, 120_00).Value;

        profile.Covers(caseDomains).Should().Be(covers);
    }

    [Theory]
    [InlineData(0, 5, true)]
    [InlineData(4, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(7, 5, false)]
    public void An_intervener_has_capacity_while_their_active_cases_are_below_their_maximum(int activeCases, int maximum, bool hasCapacity)
    {
        CaseBuilder.Candidate(activeCases: activeCases, capacity: maximum).HasCapacity.Should().Be(hasCapacity);
    }

    public static TheoryData<CoachingDomain[], int, int, string?> Fitting => new()
    {
        { [CoachingDomain.ManagementAndCommunication], 0, 5, null },
        { [CoachingDomain.StressAndEmotions, CoachingDomain.StrategyAndTactics], 4, 5, null },
        { [CoachingDomain.StressAndEmotions], 0, 5, CaseErrors.DomainsNotCovered.Code },
        { [], 0, 5, CaseErrors.DomainsNotCovered.Code },
        { [CoachingDomain.ManagementAndCommunication], 5, 5, CaseErrors.IntervenerFull.Code },
        { [CoachingDomain.ManagementAndCommunication], 6, 5, CaseErrors.IntervenerFull.Code },
        { [CoachingDomain.StressAndEmotions], 5, 5, CaseErrors.DomainsNotCovered.Code },
    };

    [Theory]
    [MemberData(nameof(Fitting))]
    public void An_intervener_fits_a_case_when_they_cover_one_of_its_domains_and_have_room_left(CoachingDomain[] caseDomains, int activeCases, int capacity, string? refusal)
    {
        var candidate = CaseBuilder.Candidate(activeCases: activeCases, capacity: capacity, domains: [CoachingDomain.ManagementAndCommunication, CoachingDomain.StrategyAndTactics]);

        var fits = candidate.Fits(caseDomains, CaseBuilder.BeneficiaryRef);

        if (refusal is null)
        {
            fits.ShouldSucceed();
        }
        else
        {
            fits.IsFailure.Should().BeTrue();
            fits.Error!.Code.Should().Be(refusal);
        }
    }

    [Theory]
    [InlineData(120_00, 60, 120_00)]
    [InlineData(120_00, 90, 180_00)]
    [InlineData(120_00, 15, 30_00)]
    [InlineData(100, 1, 2)]
    [InlineData(0, 360, 0)]
    [InlineData(10_000_00, 60 * 60, 60_000_000L)]
    [InlineData(600_00, 100 * 360, 36_000_000L)]
    public void The_cost_of_some_minutes_is_in_whole_cents_at_the_hourly_rate(int rateCents, int minutes, long costCents)
    {
        Money.CostCents(IntervenerProfile.Create("intervener-1", [CoachingDomain.StrategyAndTactics], 5, rateCents).Value.HourlyRateCents, minutes).Should().Be(costCents);
    }
}
