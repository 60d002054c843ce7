using CoupDePousse.App.Features.Cases;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>A manager withdrawing a case that has moved learns that it can no longer be withdrawn, and nothing else.</summary>
public class ProposerRefusalServiceTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    public static TheoryData<CaseStep> StepsPastWithdrawal => new(Enum.GetValues<CaseStep>().Where(s => s is not (CaseStep.Proposed or CaseStep.WithIntervener)));

    [Theory]
    [MemberData(nameof(StepsPastWithdrawal))]
    public async Task Withdrawing_a_case_that_moved_gives_the_same_answer_in_every_state(CaseStep step)
    {
        var stored = await shared.OnlyCaseAsync(At(step));

        var result = await shared.Database.Cases().PerformAsync(Manager, stored.Id, null, new WithdrawCommand(), TestContext.Current.CancellationToken);

        result.Error.Should().Be(CaseErrors.NoLongerWithdrawable);
        (await shared.Database.LoadAsync(stored.Id)).Version.Should().Be(stored.Version);
        shared.Database.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning
            && e.Message.Contains(stored.Id.ToString()) && e.Message.Contains(CaseErrors.NoLongerWithdrawable.Code));
    }

    [Fact]
    public async Task A_manager_whose_page_is_stale_is_not_told_the_case_changed()
    {
        var stored = await shared.OnlyCaseAsync(WithIntervener());
        var cases = shared.Database.Cases();
        var seenVersion = stored.Version;
        (await cases.PerformAsync(Beneficiary, stored.Id, stored.Version, new AgreeToMeetCommand(), TestContext.Current.CancellationToken)).ShouldSucceed();

        var result = await cases.PerformAsync(Manager, stored.Id, seenVersion, new WithdrawCommand(), TestContext.Current.CancellationToken);

        result.Error.Should().Be(CaseErrors.NoLongerWithdrawable, "a concurrency message would tell the manager that someone acted on the case");
        var view = await cases.GetAsync(Manager, stored.Id, TestContext.Current.CancellationToken);
        view.Should().BeOfType<ProposerCaseView>().Which.Status.Should().Be(CoarseStatus.InProgress);
        ((ProposerCaseView)view!).AvailableActions.Should().BeEmpty();
    }

    [Fact]
    public async Task Hr_with_a_stale_version_is_still_told_the_case_changed()
    {
        var stored = await shared.OnlyCaseAsync(WithIntervener());
        var cases = shared.Database.Cases();
        (await cases.PerformAsync(Beneficiary, stored.Id, stored.Version, new AgreeToMeetCommand(), TestContext.Current.CancellationToken)).ShouldSucceed();

        var result = await cases.PerformAsync(Hr, stored.Id, stored.Version, new CancelCommand(null), TestContext.Current.CancellationToken);

        result.Error.Should().Be(CaseErrors.Concurrency);
    }
}
