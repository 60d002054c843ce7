using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class DatesAndConflictsTests
{
    [Fact]
    public void A_meeting_dated_today_in_the_actors_own_time_zone_is_accepted_even_when_utc_is_still_yesterday()
    {
        var coachingCase = ReadyForInterview();
        // 00:30 in Paris on the 21st is still the 20th in UTC.
        var parisNow = new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.FromHours(1));

        coachingCase.RecordInterview(Intervener, new DateOnly(2026, 11, 21), 60, parisNow).ShouldSucceed();
    }

    [Fact]
    public void An_interview_dated_before_the_proposal_is_refused()
    {
        var coachingCase = ReadyForInterview();

        coachingCase.ShouldRefuse(
            () => coachingCase.RecordInterview(Intervener, DateOnly.FromDateTime(ProposedAt.UtcDateTime).AddDays(-1), 60, Now),
            CaseErrors.DateBeforeProposal);
    }

    [Fact]
    public void A_session_dated_before_the_proposal_is_refused()
    {
        var coachingCase = ObjectivesSet();

        coachingCase.ShouldRefuse(
            () => coachingCase.LogSession(Intervener, DateOnly.FromDateTime(ProposedAt.UtcDateTime).AddDays(-3), 60, SessionMode.Video, Now),
            CaseErrors.DateBeforeProposal);
    }

    [Fact]
    public void A_domain_outside_the_catalogue_is_refused()
    {
        var proposal = Proposal() with { Domains = [(CoachingDomain)0], TopicCodes = [] };

        var result = CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, proposal, BudgetBounds.Default, Now);

        result.Error!.Code.Should().Be(CaseErrors.UnknownDomain.Code);
    }

    [Fact]
    public void An_hr_member_who_is_the_beneficiary_never_decides_for_the_company_on_their_own_case()
    {
        var hrBeneficiary = Actor.Hr("hr-beneficiary");
        var coachingCase = CoachingCase.Propose(hrBeneficiary, new CoupDePousse.Domain.Cases.BeneficiaryRef(hrBeneficiary.UserId, null), Proposal(), BudgetBounds.Default, ProposedAt).Value;

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(hrBeneficiary, Candidate(), ManagerId, Now), CaseErrors.NotAllowed);
        coachingCase.AvailableTriggers(hrBeneficiary).Should().BeEquivalentTo([CaseTrigger.Decline, CaseTrigger.Stop]);
        coachingCase.AvailableTriggers(Hr).Should().Contain(CaseTrigger.AssignIntervener);
    }
}
