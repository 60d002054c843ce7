using CoupDePousse.Domain.Cases;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class HappyPathTests
{
    [Fact]
    public void A_case_goes_from_proposal_to_closure_through_every_step()
    {
        var coachingCase = Closed();

        coachingCase.State.Should().Be(CaseState.Closed);
        coachingCase.Outcome.Should().Be(CaseOutcome.Completed);
        coachingCase.History.Where(h => h.ChangedState).Select(h => h.To).Should().Equal(
            CaseState.PreliminaryInterview, CaseState.Accepted, CaseState.ObjectivesSet, CaseState.InSessions, CaseState.Closed);
    }
}
