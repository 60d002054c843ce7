using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class ProposalTests
{
    private static CaseProposal Request(
        CoachingDomain[]? domains = null,
        string[]? topics = null,
        string description = "Une prise de parole à fort enjeu devant le comité de direction.",
        string workImpact = "La présentation engage le budget du service pour l'an prochain.",
        string timing = "Avant la fin du trimestre",
        bool checklist = true) =>
        new(domains ?? [CoachingDomain.ManagementAndCommunication], topics ?? ["public-speaking"], description, workImpact, timing, checklist);

    private static Result<CoachingCase> Propose(Actor proposer, BeneficiaryRef? beneficiary = null, CaseProposal? proposal = null) =>
        CoachingCase.Propose(proposer, beneficiary ?? CaseBuilder.BeneficiaryRef, proposal ?? Request(), BudgetBounds.Default, Now);

    [Fact]
    public void A_manager_proposes_a_case_to_a_member_of_their_own_team()
    {
        var result = Propose(Manager);

        result.ShouldSucceed();
        var coachingCase = result.Value;
        coachingCase.State.Should().Be(CaseState.Proposed);
        coachingCase.Outcome.Should().BeNull();
        coachingCase.BeneficiaryId.Should().Be(BeneficiaryId);
        coachingCase.ProposedById.Should().Be(ManagerId);
        coachingCase.ProposedByRole.Should().Be(Role.Manager);
        coachingCase.ProposedAt.Should().Be(Now);
        coachingCase.IntervenerId.Should().BeNull();
        coachingCase.Version.Should().Be(0);
    }

    [Theory]
    [InlineData(OtherManagerId)]
    [InlineData(null)]
    public void A_manager_cannot_propose_to_someone_outside_their_team(string? beneficiaryManagerId)
    {
        Propose(Manager, new BeneficiaryRef(BeneficiaryId, beneficiaryManagerId)).ShouldBeRefusedWith(CaseErrors.NotInTeam);
    }

    [Fact]
    public void A_manager_must_confirm_the_offer_checklist_before_proposing()
    {
        Propose(Manager, proposal: Request(checklist: false)).ShouldBeRefusedWith(CaseErrors.ChecklistRequired);
    }

    [Theory]
    [InlineData(ManagerId)]
    [InlineData(OtherManagerId)]
    [InlineData(null)]
    public void Hr_proposes_to_anyone_without_the_managers_checklist(string? beneficiaryManagerId)
    {
        var result = Propose(Hr, new BeneficiaryRef(BeneficiaryId, beneficiaryManagerId), Request(checklist: false));

        result.ShouldSucceed();
        result.Value.ProposedByRole.Should().Be(Role.HR);
    }

    [Fact]
    public void An_employee_asks_for_a_case_for_themself()
    {
        var result = Propose(Beneficiary, proposal: Request(checklist: false));

        result.ShouldSucceed();
        result.Value.BeneficiaryId.Should().Be(BeneficiaryId);
        result.Value.ProposedById.Should().Be(BeneficiaryId);
        result.Value.ProposedByRole.Should().Be(Role.Beneficiary);
    }

    [Fact]
    public void An_employee_cannot_ask_for_a_case_for_someone_else()
    {
        Propose(OtherBeneficiary).ShouldBeRefusedWith(CaseErrors.OnlyForOneself);
    }

    [Theory]
    [InlineData(Role.Intervener)]
    [InlineData(Role.Admin)]
    public void Interveners_and_admins_cannot_propose(Role role)
    {
        Propose(new Actor("someone", role), new BeneficiaryRef(BeneficiaryId, ManagerId)).ShouldBeRefusedWith(CaseErrors.RoleCannotPropose);
        Propose(new Actor(BeneficiaryId, role)).ShouldBeRefusedWith(CaseErrors.RoleCannotPropose);
    }

    [Fact]
    public void A_case_may_combine_several_domains_each_kept_once()
    {
        var proposal = Request(
            [CoachingDomain.StressAndEmotions, CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions],
            ["one-off-stress", "public-speaking"]);

        var coachingCase = Propose(Manager, proposal: proposal).Value;

        coachingCase.Domains.Should().Equal(CoachingDomain.ManagementAndCommunication, CoachingDomain.StressAndEmotions);
        coachingCase.TopicCodes.Should().Equal("one-off-stress", "public-speaking");
    }

    [Fact]
    public void A_case_may_name_domains_without_topics()
    {
        Propose(Manager, proposal: Request([CoachingDomain.StrategyAndTactics], [])).ShouldSucceed();
    }

    [Fact]
    public void At_least_one_domain_is_required()
    {
        Propose(Manager, proposal: Request([], [])).ShouldBeRefusedWith(CaseErrors.DomainRequired);
    }

    [Fact]
    public void Topics_must_exist_in_the_catalogue()
    {
        Propose(Manager, proposal: Request(topics: ["public-speaking", "knitting"])).ShouldBeRefusedWith(CaseErrors.UnknownTopic);
    }

    [Fact]
    public void Topics_must_belong_to_one_of_the_chosen_domains()
    {
        Propose(Manager, proposal: Request([CoachingDomain.ManagementAndCommunication], ["one-off-stress"]))
            .ShouldBeRefusedWith(CaseErrors.TopicOutsideDomains);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_description_of_the_situation_is_required(string description)
    {
        Propose(Manager, proposal: Request(description: description)).ShouldBeRefusedWith(CaseErrors.DescriptionRequired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void The_impact_on_the_work_is_required_for_a_new_proposal(string workImpact)
    {
        Propose(Manager, proposal: Request(workImpact: workImpact)).ShouldBeRefusedWith(CaseErrors.WorkImpactRequired);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_wished_timing_is_required(string timing)
    {
        Propose(Manager, proposal: Request(timing: timing)).ShouldBeRefusedWith(CaseErrors.TimingRequired);
    }

    [Fact]
    public void A_description_longer_than_its_limit_is_refused()
    {
        Propose(Manager, proposal: Request(description: new string('a', TextLimits.Description))).ShouldSucceed();

        var result = Propose(Manager, proposal: Request(description: new string('a', TextLimits.Description + 1)));

        result.ShouldBeRefusedWith(CaseErrors.TextTooLong);
        result.Error!.English.Should().Contain(TextLimits.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_wished_timing_longer_than_its_limit_is_refused()
    {
        Propose(Manager, proposal: Request(timing: new string('a', TextLimits.WishedTiming))).ShouldSucceed();

        Propose(Manager, proposal: Request(timing: new string('a', TextLimits.WishedTiming + 1))).ShouldBeRefusedWith(CaseErrors.TextTooLong);
    }

    [Fact]
    public void The_texts_of_a_proposal_are_kept_without_surrounding_spaces()
    {
        var coachingCase = Propose(Manager, proposal: Request(description: "  Situation  ", workImpact: "  Impact ", timing: " Vite ")).Value;

        coachingCase.Description.Should().Be("Situation");
        coachingCase.WorkImpact.Should().Be("Impact");
        coachingCase.WishedTiming.Should().Be("Vite");
    }

    [Fact]
    public void A_new_case_starts_with_the_default_budget_of_six_hours()
    {
        var coachingCase = Propose(Manager).Value;

        coachingCase.BudgetMinutes.Should().Be(360);
        coachingCase.Hours.Should().Be(new HoursBudget(360, 0, 0));
    }
}
