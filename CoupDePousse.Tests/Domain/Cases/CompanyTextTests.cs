using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

/// <summary>The closing text meant for the company: drafted by either party, read by the company only as the beneficiary approved it.</summary>
public class CompanyTextTests
{
    private const string Text = "Accompagnement mené à son terme ; objectifs atteints.";

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    public void The_intervener_or_the_beneficiary_drafts_the_company_text(Who who)
    {
        var coachingCase = Closed();

        coachingCase.DraftCompanyText(Of(who), $"  {Text}  ", Now).ShouldSucceed();

        coachingCase.CompanyTextDraft.Should().Be(Text);
        coachingCase.CompanyTextStatus.Should().Be(CompanyTextStatus.AwaitingApproval);
        coachingCase.ApprovedCompanyText.Should().BeNull();
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    [InlineData(Who.OtherIntervener)]
    public void Nobody_else_drafts_the_company_text(Who who)
    {
        var coachingCase = Closed();

        coachingCase.ShouldRefuse(() => coachingCase.DraftCompanyText(Of(who), Text, Now), RefusalTo(who));
    }

    [Fact]
    public void The_company_text_needs_words_within_its_limit()
    {
        var coachingCase = Closed();

        coachingCase.ShouldRefuse(() => coachingCase.DraftCompanyText(Intervener, "  ", Now), CaseErrors.CompanyTextRequired);
        coachingCase.DraftCompanyText(Intervener, new string('a', TextLimits.CompanyText + 1), Now).IsFailure.Should().BeTrue();
    }

    [Fact]
    public void The_company_text_is_written_only_once_the_case_is_closed()
    {
        var coachingCase = InSessions();

        coachingCase.ShouldRefuse(() => coachingCase.DraftCompanyText(Intervener, Text, Now), CaseErrors.WrongState);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public void Only_the_beneficiary_approves_the_company_text(Who who)
    {
        var coachingCase = WithCompanyTextDraft(Text);

        coachingCase.ShouldRefuse(() => coachingCase.ApproveCompanyText(Of(who), Now), RefusalTo(who));
    }

    [Fact]
    public void The_beneficiary_approves_the_exact_draft()
    {
        var coachingCase = WithCompanyTextDraft(Text);

        coachingCase.ApproveCompanyText(Beneficiary, Now).ShouldSucceed();

        coachingCase.ApprovedCompanyText.Should().Be(Text);
        coachingCase.CompanyTextStatus.Should().Be(CompanyTextStatus.Approved);
    }

    [Fact]
    public void Nothing_to_approve_without_a_draft_or_twice()
    {
        var closed = Closed();
        closed.ShouldRefuse(() => closed.ApproveCompanyText(Beneficiary, Now), CaseErrors.CompanyTextToApprove);

        var approved = WithCompanyTextApproved(Text);
        approved.ShouldRefuse(() => approved.ApproveCompanyText(Beneficiary, Now), CaseErrors.CompanyTextToApprove);
    }

    [Theory]
    [InlineData(Who.Intervener)]
    [InlineData(Who.Beneficiary)]
    public void Any_edit_withdraws_the_approval_until_the_beneficiary_approves_again(Who who)
    {
        var coachingCase = WithCompanyTextApproved(Text);

        coachingCase.DraftCompanyText(Of(who), "Autre texte", Now).ShouldSucceed();

        coachingCase.ApprovedCompanyText.Should().BeNull();
        coachingCase.CompanyTextStatus.Should().Be(CompanyTextStatus.AwaitingApproval);

        coachingCase.ApproveCompanyText(Beneficiary, Now).ShouldSucceed();
        coachingCase.ApprovedCompanyText.Should().Be("Autre texte");
    }

    [Fact]
    public void The_beneficiary_may_withdraw_the_approval_and_the_draft_stays()
    {
        var coachingCase = WithCompanyTextApproved(Text);

        coachingCase.ShouldRefuse(() => coachingCase.WithdrawCompanyTextApproval(Intervener, Now), CaseErrors.NotAllowed);
        coachingCase.WithdrawCompanyTextApproval(Beneficiary, Now).ShouldSucceed();

        coachingCase.ApprovedCompanyText.Should().BeNull();
        coachingCase.CompanyTextDraft.Should().Be(Text);
        coachingCase.ShouldRefuse(() => coachingCase.WithdrawCompanyTextApproval(Beneficiary, Now), CaseErrors.CompanyTextNotApproved);
    }

    [Fact]
    public void The_history_records_drafted_approved_and_withdrawn_without_the_text()
    {
        var coachingCase = WithCompanyTextApproved(Text);
        coachingCase.WithdrawCompanyTextApproval(Beneficiary, Now).ShouldSucceed();

        var lines = coachingCase.History.TakeLast(3).ToList();
        lines.Select(l => l.Trigger).Should().Equal(CaseTrigger.DraftCompanyText, CaseTrigger.ApproveCompanyText, CaseTrigger.WithdrawCompanyTextApproval);
        lines.Should().OnlyContain(l => l.Detail == TransitionDetail.None);
    }

    [Theory]
    [InlineData(Who.Hr)]
    [InlineData(Who.Manager)]
    public void The_company_reads_nothing_before_approval_and_exactly_the_approved_text_after(Who who)
    {
        var coachingCase = WithCompanyTextDraft(Text);
        var visibility = CaseVisibility.For(Of(who), coachingCase);

        visibility.SeesApprovedCompanyText.Should().BeTrue();
        visibility.SeesCompanyTextDraft.Should().BeFalse();
        coachingCase.ApprovedCompanyText.Should().BeNull();

        coachingCase.ApproveCompanyText(Beneficiary, Now).ShouldSucceed();
        coachingCase.ApprovedCompanyText.Should().Be(Text);

        coachingCase.DraftCompanyText(Intervener, "Modifié", Now).ShouldSucceed();
        coachingCase.ApprovedCompanyText.Should().BeNull();
    }
}
