using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>A manager sees only proposed / in progress / ended: a refusal must not tell them more, in any state.</summary>
public class ProposerRefusalTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static TheoryData<CaseStep> StepsPastWithdrawal => new(Enum.GetValues<CaseStep>().Where(s => s is not (CaseStep.Proposed or CaseStep.WithIntervener)));

    public static TheoryData<CaseStep> EveryStep => new(Enum.GetValues<CaseStep>());

    [Theory]
    [MemberData(nameof(StepsPastWithdrawal))]
    public void Withdrawing_a_case_that_moved_is_refused_with_one_neutral_message_whatever_the_state(CaseStep step)
    {
        var coachingCase = At(step);

        var error = coachingCase.ShouldRefuse(() => coachingCase.Withdraw(Manager, Now), CaseErrors.NoLongerWithdrawable);

        error.Localize(French).Should().Be("Cette proposition ne peut plus être retirée.");
        error.Localize(English).Should().Be("This proposal can no longer be withdrawn.");
        error.Should().Be(CaseErrors.NoLongerWithdrawable, "the same code and the same words in every state");
        foreach (var state in Enum.GetValues<CaseState>())
        {
            error.Localize(French).Should().NotContain(state.Label(French));
            error.Localize(English).Should().NotContain(state.Label(English));
        }
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void Every_refusal_a_proposer_meets_is_the_same_one_whatever_the_command(CaseStep step)
    {
        var results = CaseTriggers.UserTriggers.ToDictionary(trigger => trigger, trigger => AvailableTriggersTests.Perform(At(step), trigger, Manager));

        results.Where(r => r.Value.IsSuccess).Select(r => r.Key).Should().BeSubsetOf([CaseTrigger.Withdraw]);
        results.Values.Where(r => r.IsFailure).Select(r => r.Error!).Distinct().Should().Equal(CaseErrors.NoLongerWithdrawable);
    }

    [Fact]
    public void Someone_who_sees_the_case_in_full_is_still_told_the_step()
    {
        var coachingCase = At(CaseStep.InSessions);

        var error = coachingCase.ShouldRefuse(() => coachingCase.AgreeToMeet(Beneficiary, Now), CaseErrors.WrongState);

        error.Localize(French).Should().Contain(CaseState.InSessions.Label(French));
    }
}
