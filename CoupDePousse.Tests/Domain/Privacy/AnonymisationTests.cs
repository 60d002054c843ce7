using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Privacy;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Privacy;

public class AnonymisationTests
{
    private static CoachingCase RatedClosedCase()
    {
        var coachingCase = WithCompanyTextApproved();
        coachingCase.RateSatisfaction(Beneficiary, 9, "Merci pour tout", Now).ShouldSucceed();
        return coachingCase;
    }

    [Fact]
    public void An_anonymised_case_keeps_its_figures_and_loses_every_text_and_person_but_its_intervener()
    {
        var coachingCase = RatedClosedCase();
        var before = (coachingCase.State, coachingCase.Outcome, coachingCase.EndedAt, coachingCase.ProposedAt, Domains: coachingCase.Domains.ToList(),
            coachingCase.Department, coachingCase.BudgetMinutes, coachingCase.UsedMinutes, coachingCase.IntervenerId, coachingCase.SatisfactionScore,
            Ratings: coachingCase.Objectives.Select(o => (o.Rating, o.StartingScore, o.ClosingScore)).ToList(), Hours: coachingCase.Hours.UsedMinutes);

        coachingCase.Anonymise(Now).ShouldSucceed();

        (coachingCase.State, coachingCase.Outcome, coachingCase.EndedAt, coachingCase.ProposedAt, Domains: coachingCase.Domains.ToList(),
            coachingCase.Department, coachingCase.BudgetMinutes, coachingCase.UsedMinutes, coachingCase.IntervenerId, coachingCase.SatisfactionScore,
            Ratings: coachingCase.Objectives.Select(o => (o.Rating, o.StartingScore, o.ClosingScore)).ToList(), Hours: coachingCase.Hours.UsedMinutes)
            .Should().BeEquivalentTo(before);
        coachingCase.FactsAreCurrent.Should().BeTrue("the stored facts are the figures and do not move");
        coachingCase.Description.Should().BeEmpty();
        coachingCase.WorkImpact.Should().BeEmpty();
        coachingCase.ClosingSummary.Should().BeNull();
        coachingCase.CompanyTextDraft.Should().BeNull();
        coachingCase.ApprovedCompanyText.Should().BeNull();
        coachingCase.SatisfactionComment.Should().BeNull();
        coachingCase.Objectives.Should().OnlyContain(o => o.Statement == "" && o.SuccessMeasure == "");
        coachingCase.ObjectiveRevisions.Should().BeEmpty();
        coachingCase.BeneficiaryId.Should().Be(CoachingCase.AnonymousPersonId);
        coachingCase.ProposedById.Should().Be(CoachingCase.AnonymousPersonId);
        coachingCase.History.Select(h => h.UserId).Should().OnlyContain(id => id == CoachingCase.AnonymousPersonId || id == IntervenerId);
        coachingCase.History.Should().Contain(h => h.UserId == IntervenerId);
        coachingCase.AgreementAcceptances.Select(a => a.UserId).Should().NotContain([BeneficiaryId, HrId, ManagerId]);
        coachingCase.AnonymisedAt.Should().Be(Now);
    }

    [Fact]
    public void A_case_in_progress_is_never_anonymised_nor_erased()
    {
        var coachingCase = InSessions();

        coachingCase.Anonymise(Now).Error.Should().Be(CoachingCase.NotEnded);
        coachingCase.EraseBeneficiaryTexts().Error.Should().Be(CoachingCase.NotEnded);
        coachingCase.Description.Should().NotBeEmpty();
    }

    [Fact]
    public void Anonymising_twice_changes_nothing_the_second_time()
    {
        var coachingCase = Closed();
        coachingCase.Anonymise(Now).ShouldSucceed();
        var version = coachingCase.Version;

        coachingCase.Anonymise(Now.AddDays(1)).ShouldSucceed();

        coachingCase.Version.Should().Be(version);
        coachingCase.AnonymisedAt.Should().Be(Now);
    }

    [Fact]
    public void Erasing_the_beneficiary_drops_the_texts_but_keeps_the_people_and_the_figures()
    {
        var coachingCase = RatedClosedCase();
        var used = coachingCase.UsedMinutes;

        coachingCase.EraseBeneficiaryTexts().ShouldSucceed();

        coachingCase.Description.Should().BeEmpty();
        coachingCase.SatisfactionComment.Should().BeNull();
        coachingCase.SatisfactionScore.Should().Be(9);
        coachingCase.BeneficiaryId.Should().Be(BeneficiaryId);
        coachingCase.UsedMinutes.Should().Be(used);
        coachingCase.AnonymisedAt.Should().BeNull();
    }

    [Fact]
    public void A_pseudonym_is_random_and_its_address_cannot_receive_mail()
    {
        var first = Pseudonym.New();
        var second = Pseudonym.New();

        first.DisplayName.Should().StartWith("Personne effacée ").And.EndWith(first.Code);
        first.Code.Should().MatchRegex("^[0-9A-F]{6}$");
        first.Email(Guid.NewGuid()).Should().EndWith("@erased.invalid");
        first.Email(Guid.NewGuid()).Should().NotBe(first.Email(Guid.NewGuid()));
        new[] { first.Code, second.Code, Pseudonym.New().Code }.Distinct().Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void A_person_with_a_case_in_progress_is_not_erased_yet()
    {
        ErasureRules.MayErase(1).Error.Should().Be(ErasureRules.HasActiveCases);
        ErasureRules.MayErase(0).IsSuccess.Should().BeTrue();
    }
}
