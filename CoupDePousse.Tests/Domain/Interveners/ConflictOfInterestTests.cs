using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Interveners;

/// <summary>A known tie between the intervener and the person blocks the assignment unless HR overrides it with a reason.</summary>
public class ConflictOfInterestTests
{
    private static readonly Guid ThisCase = Guid.NewGuid();

    private static IReadOnlyList<ConflictRelation> Detect(params FollowedCase[] followed) =>
        ConflictDetection.Detect(ThisCase, CaseBuilder.BeneficiaryRef, followed);

    [Fact]
    public void Following_the_beneficiary_in_another_active_case_is_a_conflict()
    {
        Detect(new FollowedCase(Guid.NewGuid(), BeneficiaryId, ManagerId)).Should().Equal(ConflictRelation.FollowsBeneficiary);
    }

    [Fact]
    public void Following_the_beneficiarys_manager_is_a_conflict()
    {
        Detect(new FollowedCase(Guid.NewGuid(), ManagerId, "director-1")).Should().Equal(ConflictRelation.FollowsManager);
    }

    [Fact]
    public void Following_one_of_the_beneficiarys_direct_reports_is_a_conflict()
    {
        Detect(new FollowedCase(Guid.NewGuid(), "report-1", BeneficiaryId)).Should().Equal(ConflictRelation.FollowsDirectReport);
    }

    [Fact]
    public void Unrelated_people_and_this_case_itself_are_no_conflict()
    {
        Detect(new FollowedCase(Guid.NewGuid(), OtherBeneficiaryId, OtherManagerId), new FollowedCase(ThisCase, BeneficiaryId, ManagerId))
            .Should().BeEmpty();
    }

    [Fact]
    public void A_beneficiary_without_manager_is_not_tied_to_people_without_manager()
    {
        ConflictDetection.Detect(ThisCase, new BeneficiaryRef(BeneficiaryId, null), [new FollowedCase(Guid.NewGuid(), OtherBeneficiaryId, null)])
            .Should().BeEmpty();
    }

    private static IntervenerCandidate Conflicting() => Candidate() with { Conflicts = [ConflictRelation.FollowsManager] };

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_detected_conflict_blocks_the_assignment_without_a_reason(string? reason)
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, Conflicting(), ManagerId, Now, reason), CaseErrors.ConflictOverrideReasonRequired);
    }

    [Fact]
    public void The_override_reason_is_length_limited()
    {
        var coachingCase = Proposed();

        coachingCase.ShouldRefuse(() => coachingCase.AssignIntervener(Hr, Conflicting(), ManagerId, Now, new string('x', TextLimits.ConflictOverrideReason + 1)),
            CaseErrors.TextTooLong);
    }

    [Fact]
    public void Hr_overrides_a_detected_conflict_with_a_reason()
    {
        var coachingCase = Proposed();

        coachingCase.AssignIntervener(Hr, Conflicting(), ManagerId, Now, "Seul intervenant disponible sur ce domaine").ShouldSucceed();

        coachingCase.IntervenerId.Should().Be(IntervenerId);
    }

    [Fact]
    public void Without_a_known_conflict_no_reason_is_asked()
    {
        Proposed().AssignIntervener(Hr, Candidate(), ManagerId, Now).ShouldSucceed();
    }
}
