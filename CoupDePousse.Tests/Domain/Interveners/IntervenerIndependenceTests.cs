using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Interveners;

/// <summary>Only an active intervener account, independent of the person, may be assigned to their case.</summary>
public class IntervenerIndependenceTests
{
    private static IntervenerCandidate CandidateWith(IntervenerAccount account, string userId = IntervenerId) =>
        new(IntervenerProfile.Create(userId, [CoachingDomain.ManagementAndCommunication], 5, 120_00).Value, 0, account);

    [Fact]
    public void An_account_that_lost_the_intervener_role_is_not_assigned()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, CandidateWith(new IntervenerAccount(false, true)), ManagerId, Now),
            IntervenerErrors.NotAnIntervener);
    }

    [Fact]
    public void A_disabled_intervener_is_not_assigned()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, CandidateWith(new IntervenerAccount(true, false)), ManagerId, Now),
            IntervenerErrors.AccountDisabled);
    }

    [Fact]
    public void The_beneficiary_is_never_their_own_intervener()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, CandidateWith(IntervenerAccount.Active, BeneficiaryId), ManagerId, Now),
            IntervenerErrors.NotIndependent);
    }

    [Fact]
    public void The_beneficiarys_manager_is_never_their_intervener()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, CandidateWith(IntervenerAccount.Active, "manager-of-the-person"), "manager-of-the-person", Now),
            IntervenerErrors.NotIndependent);
    }

    [Fact]
    public void An_active_independent_intervener_is_assigned()
    {
        var coachingCase = Proposed();

        coachingCase.AssignIntervener(Hr, CandidateWith(IntervenerAccount.Active), ManagerId, Now).ShouldSucceed();
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    public void An_intervener_is_active_with_the_role_and_an_enabled_account(bool role, bool enabled, bool active)
    {
        new IntervenerAccount(role, enabled).IsActive.Should().Be(active);
    }
}
