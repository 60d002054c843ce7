using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>Guessing another person's case id gives "not found", exactly as a case that does not exist.</summary>
public class CaseReachTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    public static TheoryData<Who> Outsiders => [Who.OtherBeneficiary, Who.OtherManager, Who.OtherIntervener, Who.Admin];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Reading_another_persons_case_answers_as_for_a_case_that_does_not_exist(Who who)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());
        var cases = shared.Database.Cases();
        var actor = Of(who);

        var existing = await cases.GetAsync(actor, stored.Id, TestContext.Current.CancellationToken);
        var missing = await cases.GetAsync(actor, Guid.NewGuid(), TestContext.Current.CancellationToken);

        existing.Should().BeNull();
        missing.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Acting_on_another_persons_case_answers_as_for_a_case_that_does_not_exist(Who who)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());
        var cases = shared.Database.Cases();
        var actor = Of(who);
        var missingId = Guid.NewGuid();

        var existing = await cases.PerformAsync(actor, stored.Id, stored.Version, new StopCommand(), TestContext.Current.CancellationToken);
        var missing = await cases.PerformAsync(actor, missingId, stored.Version, new StopCommand(), TestContext.Current.CancellationToken);

        existing.Error.Should().Be(AppErrors.NotFound);
        missing.Error.Should().Be(existing.Error, "an existing case and a missing one must be indistinguishable");
        var warnings = shared.Database.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        var existingLine = warnings.Single(m => m.Contains(stored.Id.ToString()));
        var missingLine = warnings.Single(m => m.Contains(missingId.ToString()));
        existingLine.Replace(stored.Id.ToString(), "{id}").Should().Be(missingLine.Replace(missingId.ToString(), "{id}"));
        (await shared.Database.LoadAsync(stored.Id)).Version.Should().Be(stored.Version);
    }

    [Fact]
    public async Task A_manager_does_not_reach_a_team_members_case_proposed_by_someone_else()
    {
        var byHr = CoachingCase.Propose(Hr, CaseBuilder.BeneficiaryRef, Proposal(), BudgetBounds.Default, Now).Value;
        var stored = await shared.OnlyCaseAsync(byHr);

        var view = await shared.Database.Cases().GetAsync(Manager, stored.Id, TestContext.Current.CancellationToken);
        var withdraw = await shared.Database.Cases().PerformAsync(Manager, stored.Id, stored.Version, new WithdrawCommand(), TestContext.Current.CancellationToken);

        view.Should().BeNull();
        withdraw.Error.Should().Be(AppErrors.NotFound);
    }

    [Fact]
    public async Task An_intervener_replaced_before_the_interview_no_longer_reaches_the_case()
    {
        var coachingCase = WithIntervener();
        coachingCase.AssignIntervener(Hr, Candidate(OtherIntervenerId, domains: [CoachingDomain.ManagementAndCommunication]), ManagerId, Now).ShouldSucceed();
        var stored = await shared.OnlyCaseAsync(coachingCase);

        var view = await shared.Database.Cases().GetAsync(Intervener, stored.Id, TestContext.Current.CancellationToken);

        view.Should().BeNull();
        (await shared.Database.Cases().GetAsync(OtherIntervener, stored.Id, TestContext.Current.CancellationToken)).Should().BeOfType<EngagementCaseView>();
    }

    [Theory]
    [InlineData(Who.Beneficiary, typeof(EngagementCaseView))]
    [InlineData(Who.Intervener, typeof(EngagementCaseView))]
    [InlineData(Who.Hr, typeof(CompanyCaseView))]
    [InlineData(Who.Manager, typeof(ProposerCaseView))]
    public async Task Each_party_reads_the_case_through_the_view_of_its_role(Who who, Type expectedView)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());

        var view = await shared.Database.Cases().GetAsync(Of(who), stored.Id, TestContext.Current.CancellationToken);

        view.Should().BeOfType(expectedView);
    }
}
