using Bunit;
using CoupDePousse.App.Data;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.Features.Concurrency;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Components.Cases;

/// <summary>
/// A second click while an action runs does nothing (decision 045): every save is held until the test lets it go, the
/// button is clicked twice meanwhile, and the database is asked once.
/// </summary>
public class DoubleClickTests : FeaturePageContext
{
    private readonly HeldSaves held = new();

    private void HoldSaves() =>
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(new InterceptedCases(Database, held));

    public static TheoryData<CaseStep, Who, string> Actions => new()
    {
        { CaseStep.ObjectivesSet, Who.Intervener, "action-LogSession" },
        { CaseStep.InterviewHeld, Who.Hr, $"verdict-{(int)AcceptanceCriteria.OwnedBy(Party.Company).First()}-validate" },
        { CaseStep.InterviewHeld, Who.Intervener, $"verdict-{(int)AcceptanceCriteria.OwnedBy(Party.Intervener).First()}-refuse" },
        { CaseStep.UnderDiscussion, Who.Hr, "action-RuleAccept" },
        { CaseStep.Proposed, Who.Hr, "action-SetBudget" },
        { CaseStep.WithIntervener, Who.Beneficiary, "action-AgreeToMeet" },
        { CaseStep.ReadyForInterview, Who.Intervener, "action-RecordInterview" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Two_clicks_before_the_first_answer_act_once(CaseStep step, Who who, string button)
    {
        var saved = await Database.SaveAsync(At(step));
        HoldSaves();
        SignInAs(Of(who));
        var cut = this.RenderCase(saved.Id);
        cut.ExpandCriteria();

        cut.Find($"[data-testid='{button}']").Click();
        cut.WaitForAssertion(() => held.Arrived.Should().Be(1), Patience);
        cut.Find($"[data-testid='{button}']").Click();
        held.Release();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=error-message]").Should().BeEmpty(), Patience);
        cut.WaitForAssertion(() => Database.LoadAsync(saved.Id).GetAwaiter().GetResult().Version.Should().Be(saved.Version + 1), Patience);
        held.Arrived.Should().Be(1, "the second click found the action busy");
    }

    [Fact]
    public async Task A_second_click_on_cancel_opens_no_second_dialog()
    {
        var saved = await Database.SaveAsync(Proposed());
        SignInAs(Hr);
        var cut = this.RenderCase(saved.Id);

        cut.Find("[data-testid=action-Cancel]").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog").Should().ContainSingle(), Patience);
        cut.Find("[data-testid=action-Cancel]").Click();

        cut.FindAll(".mud-dialog").Should().ContainSingle();
    }
}

/// <summary>Holds every save until released, counting those that arrived.</summary>
internal sealed class HeldSaves : SaveChangesInterceptor
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { } db && db.ChangeTracker.Entries<CoachingCase>().Any())
        {
            Interlocked.Increment(ref _arrived);
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        }

        return result;
    }
}
