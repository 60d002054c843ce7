using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>HR is offered exactly the interveners the domain says fit: a domain covered and room left, counting only active cases.</summary>
public class CandidateTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    // The test database's interveners: intervener-1 covers management and strategy, intervener-2 stress; here intervener-1 holds two cases at most.
    private const int IntervenerCapacity = 2;

    public static TheoryData<CoachingDomain[], int, bool, string[]> Cases => new()
    {
        { [CoachingDomain.ManagementAndCommunication], 1, false, [IntervenerId] },
        { [CoachingDomain.ManagementAndCommunication], 2, false, [] },
        { [CoachingDomain.StrategyAndTactics], 0, false, [IntervenerId] },
        { [CoachingDomain.StressAndEmotions], 0, false, [OtherIntervenerId] },
        { [CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions], 1, false, [IntervenerId, OtherIntervenerId] },
        { [CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions], 2, false, [OtherIntervenerId] },
        { [CoachingDomain.ManagementAndCommunication], 1, true, [IntervenerId] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hr_is_offered_exactly_the_interveners_who_fit_the_case(CoachingDomain[] domains, int otherActiveCases, bool alreadyAssigned, string[] expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await SetCapacityAsync(IntervenerCapacity);
        var coachingCase = await shared.OnlyCaseAsync(Propose(domains, alreadyAssigned));
        var stored = new List<CoachingCase> { coachingCase };
        for (var i = 0; i < otherActiveCases; i++)
        {
            stored.Add(await shared.Database.SaveAsync(WithIntervener()));
        }

        // Ended cases free their intervener: three of them must not fill intervener-1.
        stored.Add(await shared.Database.SaveAsync(Closed()));
        stored.Add(await shared.Database.SaveAsync(Declined()));
        stored.Add(await shared.Database.SaveAsync(Cancelled()));

        var candidates = await shared.Database.Cases().CandidatesAsync(Hr, coachingCase.Id, cancellationToken);

        var offered = candidates.ShouldSucceed().Select(c => c.Id).ToList();
        offered.Should().BeEquivalentTo(expected);
        offered.Should().BeEquivalentTo(await WhoFitsAsync(coachingCase, stored), "the list is the domain's Fits, nothing else");
    }

    private async Task<List<string>> WhoFitsAsync(CoachingCase coachingCase, List<CoachingCase> stored)
    {
        await using var db = shared.Database.CreateDbContext();
        var profiles = await db.IntervenerProfiles.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        return profiles
            .Select(p => new IntervenerCandidate(p, stored.Count(c => c.Id != coachingCase.Id && c.IntervenerId == p.UserId && c.State.IsActive()), IntervenerAccount.Active))
            .Where(c => c.Fits(coachingCase.Domains, CaseBuilder.BeneficiaryRef).IsSuccess)
            .Select(c => c.Profile.UserId)
            .ToList();
    }

    private static CoachingCase Propose(CoachingDomain[] domains, bool assigned)
    {
        var coachingCase = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal(domains), BudgetBounds.Default, Now).ShouldSucceed();
        if (assigned)
        {
            coachingCase.AssignIntervener(Hr, Candidate(), ManagerId, Now).ShouldSucceed();
        }

        return coachingCase;
    }

    private async Task SetCapacityAsync(int capacity)
    {
        await using var db = shared.Database.CreateDbContext();
        var profile = await db.IntervenerProfiles.SingleAsync(p => p.UserId == IntervenerId, TestContext.Current.CancellationToken);
        profile.Update(profile.Domains, capacity, profile.HourlyRateCents).ShouldSucceed();
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
