using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>The facts a case keeps for lists and figures are always what the aggregate derives, at every step.</summary>
public class StoredFactsTests
{
    public static TheoryData<string> Scenarios => new(CaseScenarios.All.Keys);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void After_every_step_the_stored_facts_are_the_ones_the_aggregate_derives(string scenario)
    {
        var coachingCase = CaseScenarios.Build(scenario);

        coachingCase.FactsAreCurrent.Should().BeTrue();
        coachingCase.FactsRevision.Should().Be(CoachingCase.CurrentFactsRevision);
        coachingCase.WaitingOn.Should().Be(coachingCase.Progress.WaitingOn);
        coachingCase.UsedMinutes.Should().Be(coachingCase.Hours.UsedMinutes);
        coachingCase.ApprovedExtensionMinutes.Should().Be(coachingCase.Hours.ApprovedExtensionMinutes);
        coachingCase.DomainFlags.Should().Be(CoachingDomains.FlagsOf(coachingCase.Domains));
        coachingCase.RefreshFacts().Should().BeFalse("nothing was left to refresh");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Hrs_next_step_reads_from_the_stored_state_party_and_declaration_as_from_the_whole_case(string scenario)
    {
        var coachingCase = CaseScenarios.Build(scenario);

        CaseProgress.CompanyStep(coachingCase.State, coachingCase.WaitingOn, coachingCase.ConflictDeclaration).Should().Be(coachingCase.Progress.ForCompany);
    }

    [Fact]
    public void Logging_a_session_and_deciding_an_extension_update_the_stored_hours_and_party_at_once()
    {
        var coachingCase = InSessions(minutes: 60);
        coachingCase.UsedMinutes.Should().Be(60);

        coachingCase.LogSession(Intervener, Today, 90, SessionMode.Video, Now).ShouldSucceed();
        coachingCase.UsedMinutes.Should().Be(150);

        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.Other, "Un point de plus", Now).ShouldSucceed();
        coachingCase.WaitingOn.Should().Be(WaitingParty.HR);
        coachingCase.ApprovedExtensionMinutes.Should().Be(0);

        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();
        coachingCase.WaitingOn.Should().Be(WaitingParty.Beneficiary, "the approved extension amends the agreement, which the beneficiary accepts");
        coachingCase.ApprovedExtensionMinutes.Should().Be(60);
        coachingCase.AgreementAwaitingParties.Should().Be(AgreementParties.Beneficiary);

        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        coachingCase.WaitingOn.Should().Be(WaitingParty.Intervener);
        coachingCase.AgreementAwaitingParties.Should().Be(AgreementParties.None);
    }

    [Fact]
    public void A_refused_operation_leaves_the_stored_facts_as_they_were()
    {
        var coachingCase = InSessions(minutes: 60);

        coachingCase.LogSession(Beneficiary, Today, 90, SessionMode.Video, Now).IsFailure.Should().BeTrue();

        coachingCase.UsedMinutes.Should().Be(60);
        coachingCase.FactsAreCurrent.Should().BeTrue();
    }

    [Fact]
    public void The_case_takes_its_beneficiarys_department_when_proposed()
    {
        Proposed().Department.Should().Be("Logistique");
        CoachingCase.Propose(Hr, OtherBeneficiaryRef, Proposal(), BudgetBounds.Default, Now).Value.Department.Should().Be("Ventes");
        CoachingCase.Propose(Hr, new BeneficiaryRef(BeneficiaryId, ManagerId), Proposal(), BudgetBounds.Default, Now).Value.Department.Should().BeNull();
    }

    [Fact]
    public void Each_domain_has_its_own_bit_and_a_case_holds_the_bits_of_its_domains()
    {
        var flags = Enum.GetValues<CoachingDomain>().Select(d => d.Flag()).ToList();
        flags.Should().OnlyHaveUniqueItems();
        flags.Aggregate(0, (all, flag) => all & flag).Should().Be(0);

        var coachingCase = CoachingCase.Propose(Hr, CaseBuilder.BeneficiaryRef, Proposal(CoachingDomain.StressAndEmotions, CoachingDomain.StrategyAndTactics), BudgetBounds.Default, Now).Value;

        (coachingCase.DomainFlags & CoachingDomain.StressAndEmotions.Flag()).Should().NotBe(0);
        (coachingCase.DomainFlags & CoachingDomain.StrategyAndTactics.Flag()).Should().NotBe(0);
        (coachingCase.DomainFlags & CoachingDomain.ManagementAndCommunication.Flag()).Should().Be(0);
    }
}
