using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Who may propose for whom, and who may be proposed at all: the rules the proposal, the form and its list of people share.</summary>
public class ProposingTests
{
    private const string OtherHrId = "hr-2";

    public static TheoryData<Role, ProposalScope, bool> Scopes => new()
    {
        { Role.HR, ProposalScope.AnyEmployee, true },
        { Role.Manager, ProposalScope.TeamAndSelf, true },
        { Role.Beneficiary, ProposalScope.Self, true },
        { Role.Intervener, ProposalScope.Nobody, false },
        { Role.Admin, ProposalScope.Nobody, false },
    };

    public static TheoryData<Role, bool> Employees => new()
    {
        { Role.Beneficiary, true },
        { Role.Manager, true },
        { Role.HR, true },
        { Role.Intervener, false },
        { Role.Admin, false },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Hr_proposes_for_any_employee_a_manager_for_their_team_and_themself_an_employee_for_themself(Role role, ProposalScope scope, bool mayPropose)
    {
        role.ProposalScopeOf().Should().Be(scope);
        role.CanPropose().Should().Be(mayPropose);
    }

    [Theory]
    [MemberData(nameof(Employees))]
    public void Coaching_is_for_employees_hr_members_included_never_for_interveners_or_admins(Role role, bool employee)
    {
        role.IsEmployee().Should().Be(employee);
        Proposing.EmployeeRoles.Contains(role).Should().Be(employee);
    }

    [Theory]
    [InlineData(Role.Intervener)]
    [InlineData(Role.Admin)]
    public void An_intervener_or_an_admin_cannot_be_proposed_as_beneficiary(Role beneficiaryRole)
    {
        Propose(Hr, new BeneficiaryRef("someone", null, beneficiaryRole)).ShouldBeRefusedWith(CaseErrors.NotAnEmployee);
        Propose(Manager, new BeneficiaryRef("someone", ManagerId, beneficiaryRole), checklist: true).ShouldBeRefusedWith(CaseErrors.NotAnEmployee);
    }

    [Fact]
    public void A_person_whose_role_is_unknown_cannot_be_proposed()
    {
        Propose(Hr, new BeneficiaryRef("someone", null, null)).ShouldBeRefusedWith(CaseErrors.NotAnEmployee);
    }

    [Theory]
    [InlineData(Role.Beneficiary)]
    [InlineData(Role.Manager)]
    [InlineData(Role.HR)]
    public void Hr_proposes_for_an_employee_of_any_role(Role beneficiaryRole)
    {
        Propose(Hr, new BeneficiaryRef("someone", null, beneficiaryRole)).ShouldSucceed();
    }

    [Fact]
    public void Hr_may_propose_for_an_hr_colleague_and_for_themself()
    {
        Propose(Hr, new BeneficiaryRef(OtherHrId, null, Role.HR)).ShouldSucceed().BeneficiaryId.Should().Be(OtherHrId);
        Propose(Hr, new BeneficiaryRef(HrId, null, Role.HR)).ShouldSucceed().BeneficiaryId.Should().Be(HrId);
    }

    [Fact]
    public void A_manager_may_ask_for_themself_without_the_offer_checklist()
    {
        Proposing.RequiresOfferChecklist(Manager, ManagerId).Should().BeFalse();
        Propose(Manager, new BeneficiaryRef(ManagerId, OtherManagerId, Role.Manager), checklist: false).ShouldSucceed();
    }

    [Fact]
    public void A_managers_offer_to_someone_else_needs_the_checklist()
    {
        Proposing.RequiresOfferChecklist(Manager, BeneficiaryId).Should().BeTrue();
        Propose(Manager, CaseBuilder.BeneficiaryRef, checklist: false).ShouldBeRefusedWith(CaseErrors.ChecklistRequired);
        Propose(Manager, CaseBuilder.BeneficiaryRef, checklist: true).ShouldSucceed();
    }

    [Theory]
    [InlineData(Who.Hr, BeneficiaryId)]
    [InlineData(Who.Hr, HrId)]
    [InlineData(Who.Beneficiary, BeneficiaryId)]
    public void Only_a_manager_presents_the_offer_checklist(Who proposer, string beneficiaryId)
    {
        Proposing.RequiresOfferChecklist(Of(proposer), beneficiaryId).Should().BeFalse();
    }

    private static Result<CoachingCase> Propose(Actor proposer, BeneficiaryRef beneficiary, bool checklist = false) =>
        CoachingCase.Propose(proposer, beneficiary, Proposal() with { OfferChecklistConfirmed = checklist }, BudgetBounds.Default, Now);
}
