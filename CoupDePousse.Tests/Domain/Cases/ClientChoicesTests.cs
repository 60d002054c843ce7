using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Interveners;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>Values a client may forge (an enum number no form offers, a date from another century) are refused, never stored.</summary>
public class ClientChoicesTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void A_session_mode_no_form_offers_is_refused(int mode)
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 60, (SessionMode)mode, Now), CaseErrors.UnknownChoice);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_referral_kind_no_form_offers_is_refused(int kind)
    {
        var coachingCase = InterviewHeld();

        coachingCase.ShouldRefuse(() => coachingCase.Exclude(Intervener, new Referral((ReferralKind)kind, "Médecine du travail"), Now), CaseErrors.UnknownChoice);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-7)]
    public void A_criterion_that_does_not_exist_is_refused_rather_than_crashing(int criterion)
    {
        var coachingCase = Continued();

        coachingCase.ShouldRefuse(() => coachingCase.RecordVerdict(Hr, (AcceptanceCriterion)criterion, true, null, Now), CaseErrors.UnknownChoice);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_rating_no_form_offers_is_refused(int rating)
    {
        var coachingCase = InSessions();
        var ratings = coachingCase.Objectives.ToDictionary(o => o.Id, _ => new ObjectiveAssessment((ObjectiveRating)rating, 7));

        coachingCase.ShouldRefuse(() => coachingCase.RateObjectives(Beneficiary, ratings, Now), CaseErrors.UnknownChoice);
    }

    [Fact]
    public void A_coaching_domain_outside_the_catalogue_is_refused_in_a_profile_and_in_a_proposal()
    {
        IntervenerProfile.Create(IntervenerId, [(CoachingDomain)99], 5, 120_00).ShouldBeRefusedWith(CaseErrors.UnknownDomain);
        CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, Proposal((CoachingDomain)99), BudgetBounds.Default, Now)
            .ShouldBeRefusedWith(CaseErrors.UnknownDomain);
    }

    [Fact]
    public void A_meeting_dated_before_2000_is_refused()
    {
        var coachingCase = ReadyForInterview();

        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, new DateOnly(1999, 12, 31), 60, Now), CaseErrors.DateTooEarly);
        coachingCase.ShouldRefuse(() => coachingCase.RecordInterview(Intervener, DateOnly.MinValue, 60, Now), CaseErrors.DateTooEarly);
    }

    [Fact]
    public void A_meeting_is_never_recorded_in_the_future()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, DateOnly.MaxValue, 60, SessionMode.Video, Now), CaseErrors.DateInFuture);
    }
}
