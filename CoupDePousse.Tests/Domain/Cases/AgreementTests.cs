using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Meetings;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>The three-way agreement: drawn up on acceptance, accepted by the three parties before any session, amended when the hours change.</summary>
public class AgreementTests
{
    private static readonly AgreementTerms Terms = new("Un danger grave pour quelqu’un.", "A serious danger to someone.", "Code EMCC 2024");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static CoachingCase AcceptedUnderTerms(AgreementTerms terms)
    {
        var coachingCase = Continued();
        ValidateAll(coachingCase, Party.Company);
        var criteria = AcceptanceCriteria.OwnedBy(Party.Intervener).ToList();
        foreach (var criterion in criteria)
        {
            coachingCase.RecordVerdict(Intervener, criterion, true, null, Now, terms).ShouldSucceed();
        }

        coachingCase.State.Should().Be(CaseState.Accepted);
        return coachingCase;
    }

    private static CoachingCase ObjectivesSetWithoutAgreement()
    {
        var coachingCase = Accepted();
        coachingCase.SetObjectives(Beneficiary, Objectives, StartingScores(Objectives), Now).ShouldSucceed();
        return coachingCase;
    }

    [Fact]
    public void Accepting_the_case_draws_up_version_one_with_the_case_terms_and_the_admins_terms_of_the_day()
    {
        var coachingCase = AcceptedUnderTerms(Terms);

        var version = coachingCase.AgreementVersions.Should().ContainSingle().Subject;
        version.Number.Should().Be(1);
        version.Reason.Should().Be(AgreementReason.Initial);
        version.BudgetMinutes.Should().Be(coachingCase.BudgetMinutes);
        version.IntervenerId.Should().Be(IntervenerId);
        version.Domains.Should().Equal(coachingCase.Domains);
        version.TopicCodes.Should().Equal(coachingCase.TopicCodes);
        version.Terms.Should().Be(Terms);
        version.DrawnUpAt.Should().Be(Now);
        coachingCase.AgreementAwaiting.Should().Be(AgreementParties.Beneficiary | AgreementParties.Intervener | AgreementParties.Company);
        coachingCase.AgreementInForce.Should().BeFalse();
    }

    [Fact]
    public void Accepting_after_a_discussion_draws_it_up_too()
    {
        var coachingCase = UnderDiscussion();
        coachingCase.RuleAccept(Hr, Now).ShouldSucceed();
        coachingCase.AgreementVersions.Should().BeEmpty("the case is not accepted yet");

        coachingCase.RuleAccept(Intervener, Now, Terms).ShouldSucceed();

        coachingCase.CurrentAgreement!.Terms.Should().Be(Terms);
    }

    [Theory]
    [InlineData(CaseStep.Proposed)]
    [InlineData(CaseStep.InterviewHeld)]
    [InlineData(CaseStep.UnderDiscussion)]
    public void Before_acceptance_there_is_no_agreement_to_accept(CaseStep step)
    {
        var coachingCase = At(step);

        coachingCase.AgreementVersions.Should().BeEmpty();
        coachingCase.ShouldRefuse(() => coachingCase.AcceptAgreement(Beneficiary, Now), CaseErrors.WrongState);
    }

    [Fact]
    public void No_session_is_logged_before_the_three_parties_accepted_and_the_refusal_names_who_is_missing()
    {
        var coachingCase = ObjectivesSetWithoutAgreement();

        var error = coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now), CaseErrors.AgreementNotInForce);
        error.English.Should().Contain("the beneficiary, the intervener and HR");
        error.French.Should().Contain("la personne accompagnée, l’intervenant et les RH");
        coachingCase.AvailableTriggers(Intervener).Should().NotContain(CaseTrigger.LogSession);

        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();
        coachingCase.AcceptAgreement(Intervener, Now).ShouldSucceed();
        error = coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now), CaseErrors.AgreementNotInForce);
        error.English.Should().Contain("by HR first");

        coachingCase.AcceptAgreement(Hr, Now).ShouldSucceed();

        coachingCase.AgreementInForce.Should().BeTrue();
        coachingCase.AvailableTriggers(Intervener).Should().Contain(CaseTrigger.LogSession);
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now).ShouldSucceed();
        coachingCase.AgreementAcceptances.Select(a => (a.VersionNumber, a.Party, a.UserId)).Should().Equal(
            (1, AgreementParty.Beneficiary, BeneficiaryId), (1, AgreementParty.Intervener, IntervenerId), (1, AgreementParty.Company, HrId));
    }

    [Theory]
    [InlineData(Who.Beneficiary)]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    public void Each_party_accepts_once_and_a_second_acceptance_is_refused(Who who)
    {
        var coachingCase = Accepted();
        coachingCase.AvailableTriggers(Of(who)).Should().Contain(CaseTrigger.AcceptAgreement);
        coachingCase.AcceptAgreement(Of(who), Now).ShouldSucceed();

        coachingCase.AvailableTriggers(Of(who)).Should().NotContain(CaseTrigger.AcceptAgreement);
        coachingCase.ShouldRefuse(() => coachingCase.AcceptAgreement(Of(who), Now), CaseErrors.AgreementAlreadyAccepted);
    }

    [Theory]
    [InlineData(Who.Manager)]
    [InlineData(Who.Admin)]
    [InlineData(Who.OtherIntervener)]
    [InlineData(Who.OtherBeneficiary)]
    [InlineData(Who.OtherManager)]
    public void Nobody_else_accepts_the_agreement(Who who)
    {
        var coachingCase = Accepted();

        coachingCase.ShouldRefuse(() => coachingCase.AcceptAgreement(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void An_hr_member_who_is_the_beneficiary_accepts_as_the_beneficiary_never_for_the_company()
    {
        var hrBeneficiary = Actor.Hr(BeneficiaryId);
        var coachingCase = Accepted();

        coachingCase.AcceptAgreement(hrBeneficiary, Now).ShouldSucceed();

        coachingCase.AgreementAcceptances.Should().ContainSingle().Which.Party.Should().Be(AgreementParty.Beneficiary);
        coachingCase.AgreementAwaiting.Should().HaveFlag(AgreementParties.Company);
    }

    [Fact]
    public void A_budget_change_after_acceptance_makes_an_amendment_only_the_beneficiary_accepts()
    {
        var coachingCase = ObjectivesSet();
        coachingCase.AgreementInForce.Should().BeTrue();

        coachingCase.SetBudget(Hr, 240, BudgetBounds.Default, Now).ShouldSucceed();

        var amendment = coachingCase.CurrentAgreement!;
        amendment.Number.Should().Be(2);
        amendment.Reason.Should().Be(AgreementReason.BudgetChange);
        amendment.BudgetMinutes.Should().Be(240);
        amendment.Terms.Should().Be(coachingCase.AgreementVersions[0].Terms, "an amendment changes only the hours");
        coachingCase.AgreementAwaiting.Should().Be(AgreementParties.Beneficiary);
        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now), CaseErrors.AgreementNotInForce);
        coachingCase.ShouldRefuse(() => coachingCase.AcceptAgreement(Intervener, Now), CaseErrors.AgreementAlreadyAccepted);
        coachingCase.ShouldRefuse(() => coachingCase.AcceptAgreement(Hr, Now), CaseErrors.AgreementAlreadyAccepted);

        coachingCase.AcceptAgreement(Beneficiary, Now).ShouldSucceed();

        coachingCase.AgreementInForce.Should().BeTrue();
        coachingCase.LogSession(Intervener, Today, 60, SessionMode.OnSite, Now).ShouldSucceed();
    }

    [Fact]
    public void Setting_the_same_budget_or_a_budget_before_acceptance_makes_no_version()
    {
        var proposed = Proposed();
        proposed.SetBudget(Hr, 240, BudgetBounds.Default, Now).ShouldSucceed();
        proposed.AgreementVersions.Should().BeEmpty();

        var coachingCase = ObjectivesSet();
        coachingCase.SetBudget(Hr, coachingCase.BudgetMinutes, BudgetBounds.Default, Now).ShouldSucceed();
        coachingCase.AgreementVersions.Should().ContainSingle();
        coachingCase.AgreementInForce.Should().BeTrue();
    }

    [Fact]
    public void An_approved_extension_makes_an_amendment_with_the_new_total_and_a_rejected_one_does_not()
    {
        var coachingCase = InSessions();
        coachingCase.RequestExtension(Intervener, 60, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        coachingCase.RejectExtension(Hr, Now).ShouldSucceed();
        coachingCase.AgreementVersions.Should().ContainSingle();

        coachingCase.RequestExtension(Intervener, 90, ExtensionCategory.MoreSessionsNeeded, null, Now).ShouldSucceed();
        coachingCase.ApproveExtension(Hr, Now).ShouldSucceed();

        coachingCase.CurrentAgreement!.Reason.Should().Be(AgreementReason.Extension);
        coachingCase.CurrentAgreement.BudgetMinutes.Should().Be(coachingCase.BudgetMinutes + 90);
        coachingCase.AgreementAwaiting.Should().Be(AgreementParties.Beneficiary);
        coachingCase.AvailableTriggers(Beneficiary).Should().Contain(CaseTrigger.AcceptAgreement);
        coachingCase.ShouldRefuse(() => coachingCase.LogSession(Intervener, Today, 30, SessionMode.OnSite, Now), CaseErrors.AgreementNotInForce);
    }

    [Fact]
    public void A_missed_session_uses_up_no_hours_while_the_agreement_is_not_in_force()
    {
        var coachingCase = CaseScenarios.Build("in sessions, amendment to accept");
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var slot = new MeetingSlot(monday, 90);
        var meeting = Meeting.Propose(Intervener, MeetingCase.Of(coachingCase), MeetingKind.Session, [slot], SessionMode.Phone, null, null, MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.Pick(Beneficiary, slot, MeetingAgenda.Empty, Now).ShouldSucceed();
        meeting.MarkNoShow(Intervener, monday.AddMinutes(15)).ShouldSucceed();
        var used = coachingCase.Hours.UsedMinutes;

        coachingCase.RecordMissedSession(Intervener, meeting, new MissedMeetingPolicy(true), monday.AddMinutes(15)).ShouldSucceed();

        coachingCase.Hours.UsedMinutes.Should().Be(used);
    }

    [Fact]
    public void Once_ended_the_agreement_is_no_longer_accepted()
    {
        var coachingCase = Accepted();
        coachingCase.Stop(Beneficiary, Now).ShouldSucceed();

        coachingCase.ShouldRefuse(() => coachingCase.AcceptAgreement(Hr, Now), CaseErrors.Ended);
    }

    [Fact]
    public void The_admins_terms_are_checked()
    {
        AgreementTerms.Create("", "x", "y").Error.Should().Be(CaseErrors.AgreementTermsRequired);
        AgreementTerms.Create("x", "x", new string('a', AgreementTerms.MaxCodeOfEthicsLength + 1)).Error!.Code.Should().Be(CaseErrors.TextTooLong.Code);
        AgreementTerms.Create(" a ", "b", "c").Value.Should().Be(new AgreementTerms("a", "b", "c"));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public void The_text_has_every_part_in_plain_words_in_both_languages(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var coachingCase = AcceptedUnderTerms(Terms);

        var sections = AgreementText.Compose(coachingCase.CurrentAgreement!, culture);

        sections.Select(s => s.Kind).Should().Equal(Enum.GetValues<AgreementSectionKind>());
        var all = string.Join("\n", sections.SelectMany(s => s.Lines));
        var english = cultureName == "en-US";
        all.Should().Contain(english ? "A serious danger to someone." : "Un danger grave pour quelqu’un.");
        all.Should().Contain("Code EMCC 2024");
        all.Should().Contain(english ? "may stop at any time, without giving a reason" : "peut arrêter à tout moment, sans donner de raison");
        all.Should().Contain(english ? "independent" : "indépendant");
        all.Should().Contain("6 h");
        var domain = CoachingCatalogue.Describe(coachingCase.Domains[0]);
        all.Should().Contain(english ? domain.English : domain.French);
    }

    [Fact]
    public void Who_sees_what_is_read_from_the_visibility_rules_themselves()
    {
        foreach (var relation in VisibilityText.ExplainedRelations)
        {
            var rules = new CaseVisibility(relation, ObjectivesSharedWithCompany: false);
            var shared = new CaseVisibility(relation, ObjectivesSharedWithCompany: true);
            var line = VisibilityText.Line(relation, English);
            var seen = line.Split(" Does not see: ")[0];
            foreach (var (sees, _, label, _) in VisibilityText.Items)
            {
                seen.Contains(label, StringComparison.Ordinal).Should().Be(sees(rules) || sees(shared), "{0}: {1}", relation, label);
            }
        }

        VisibilityText.Line(CaseRelation.Company, English).Should().Contain("the objectives, only if the beneficiary chooses to share them");
        VisibilityText.Line(CaseRelation.Company, English).Should().Contain("Does not see: the situation in the person’s own words");
        VisibilityText.Line(CaseRelation.Intervener, French).Should().StartWith("L’intervenant voit : la situation décrite avec ses propres mots");
    }

    [Fact]
    public void The_parties_are_named_in_a_sentence()
    {
        AgreementText.Parties(AgreementParties.Company, English).Should().Be("HR");
        AgreementText.Parties(AgreementParties.Beneficiary | AgreementParties.Company, French).Should().Be("la personne accompagnée et les RH");
    }
}
