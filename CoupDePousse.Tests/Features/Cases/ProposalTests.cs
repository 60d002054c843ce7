using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>Who may propose a coup de pousse for whom, through the service and into the database.</summary>
public class ProposalTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    public static TheoryData<Who, string, bool, string?> Proposals => new()
    {
        { Who.Manager, BeneficiaryId, true, null },
        { Who.Manager, BeneficiaryId, false, CaseErrors.ChecklistRequired.Code },
        { Who.Manager, OtherBeneficiaryId, true, CaseErrors.NotInTeam.Code },
        { Who.Manager, ManagerId, false, null },
        { Who.OtherManager, BeneficiaryId, true, CaseErrors.NotInTeam.Code },
        { Who.Beneficiary, BeneficiaryId, false, null },
        { Who.Beneficiary, OtherBeneficiaryId, false, CaseErrors.OnlyForOneself.Code },
        { Who.Hr, BeneficiaryId, false, null },
        { Who.Hr, OtherBeneficiaryId, false, null },
        { Who.Intervener, BeneficiaryId, true, CaseErrors.RoleCannotPropose.Code },
        { Who.Intervener, IntervenerId, true, CaseErrors.RoleCannotPropose.Code },
        { Who.Admin, BeneficiaryId, true, CaseErrors.RoleCannotPropose.Code },
        { Who.Hr, "nobody-42", true, AppErrors.UnknownPerson.Code },
        { Who.Hr, IntervenerId, false, CaseErrors.NotAnEmployee.Code },
        { Who.Hr, AdminId, false, CaseErrors.NotAnEmployee.Code },
        { Who.Manager, "nobody-42", true, AppErrors.UnknownPerson.Code },
    };

    [Theory]
    [MemberData(nameof(Proposals))]
    public async Task A_case_is_proposed_by_a_manager_for_their_team_by_an_employee_for_themself_or_by_hr_for_anyone(
        Who who, string beneficiaryId, bool checklistConfirmed, string? expectedError)
    {
        await shared.OnlyCaseAsync(Proposed());
        var actor = Of(who);
        var proposal = Proposal() with { OfferChecklistConfirmed = checklistConfirmed };

        var result = await shared.Database.Cases().ProposeAsync(actor, beneficiaryId, proposal, TestContext.Current.CancellationToken);

        await using var db = shared.Database.CreateDbContext();
        if (expectedError is null)
        {
            result.ShouldSucceed("{0} may propose for {1}", who, beneficiaryId);
            var stored = await db.Cases.SingleAsync(c => c.Id == result.Value, TestContext.Current.CancellationToken);
            stored.State.Should().Be(CaseState.Proposed);
            stored.BeneficiaryId.Should().Be(beneficiaryId);
            stored.ProposedById.Should().Be(actor.UserId);
        }
        else
        {
            result.Error!.Code.Should().Be(expectedError);
            (await db.Cases.CountAsync(TestContext.Current.CancellationToken)).Should().Be(1, "a refused proposal stores nothing");
        }
    }

    [Theory]
    [InlineData(Who.Manager, new[] { BeneficiaryId, ManagerId })]
    [InlineData(Who.OtherManager, new[] { OtherBeneficiaryId, OtherManagerId })]
    [InlineData(Who.Beneficiary, new[] { BeneficiaryId })]
    [InlineData(Who.Hr, new[] { BeneficiaryId, OtherBeneficiaryId, ManagerId, OtherManagerId, HrId })]
    [InlineData(Who.Intervener, new string[0])]
    [InlineData(Who.Admin, new string[0])]
    public async Task The_people_offered_in_the_proposal_form_are_those_the_proposer_may_propose_for(Who who, string[] expected)
    {
        var people = await shared.Database.Cases().ProposableBeneficiariesAsync(Of(who), TestContext.Current.CancellationToken);

        people.Select(p => p.Id).Should().BeEquivalentTo(expected);
    }
}
