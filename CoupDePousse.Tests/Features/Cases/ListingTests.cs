using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>"My cases" and "my proposals" list only what belongs to the one asking.</summary>
public class ListingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Dictionary<string, Guid> _cases = [];

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var otherTeam = OtherBeneficiaryRef;
        _cases["manager-1 for beneficiary-1"] = (await _database.SaveAsync(WithIntervener())).Id;
        _cases["hr for beneficiary-1"] = (await _database.SaveAsync(Propose(Hr, CaseBuilder.BeneficiaryRef))).Id;
        _cases["beneficiary-1 for themself"] = (await _database.SaveAsync(Propose(Beneficiary, CaseBuilder.BeneficiaryRef))).Id;
        _cases["manager-1 for themself"] = (await _database.SaveAsync(Propose(Manager, new BeneficiaryRef(ManagerId, null)))).Id;
        var forOtherTeam = Propose(OtherManager, otherTeam);
        forOtherTeam.AssignIntervener(Hr, Candidate(OtherIntervenerId, domains: [CoachingDomain.ManagementAndCommunication]), ManagerId, Now).ShouldSucceed();
        _cases["manager-2 for beneficiary-2"] = (await _database.SaveAsync(forOtherTeam)).Id;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<Who, string[]> MyCases => new()
    {
        { Who.Beneficiary, ["manager-1 for beneficiary-1", "hr for beneficiary-1", "beneficiary-1 for themself"] },
        { Who.OtherBeneficiary, ["manager-2 for beneficiary-2"] },
        { Who.Manager, ["manager-1 for themself"] },
        { Who.OtherManager, [] },
        { Who.Intervener, ["manager-1 for beneficiary-1"] },
        { Who.OtherIntervener, ["manager-2 for beneficiary-2"] },
        { Who.Hr, [] },
        { Who.Admin, [] },
    };

    public static TheoryData<Who, string[]> MyProposals => new()
    {
        { Who.Manager, ["manager-1 for beneficiary-1"] },
        { Who.OtherManager, ["manager-2 for beneficiary-2"] },
        { Who.Hr, ["hr for beneficiary-1"] },
        { Who.Beneficiary, [] },
        { Who.OtherBeneficiary, [] },
        { Who.Intervener, [] },
        { Who.OtherIntervener, [] },
        { Who.Admin, [] },
    };

    [Theory]
    [MemberData(nameof(MyCases))]
    public async Task My_cases_lists_only_the_cases_where_the_person_is_the_beneficiary_or_the_assigned_intervener(Who who, string[] expected)
    {
        var page = await _database.Cases().ListMyCasesAsync(Of(who), new PageRequest(), TestContext.Current.CancellationToken);

        page.Items.Select(i => i.Id).Should().BeEquivalentTo(expected.Select(name => _cases[name]));
        page.TotalCount.Should().Be(expected.Length);
    }

    [Theory]
    [MemberData(nameof(MyProposals))]
    public async Task My_proposals_lists_only_what_the_person_proposed_for_someone_else(Who who, string[] expected)
    {
        var page = await _database.Cases().ListMyProposalsAsync(Of(who), new PageRequest(), TestContext.Current.CancellationToken);

        page.Items.Select(i => i.Id).Should().BeEquivalentTo(expected.Select(name => _cases[name]));
        page.TotalCount.Should().Be(expected.Length);
    }

    private static CoachingCase Propose(Actor proposer, BeneficiaryRef beneficiary) =>
        CoachingCase.Propose(proposer, beneficiary, Proposal(), BudgetBounds.Default, Now).Value;
}
