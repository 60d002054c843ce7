using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Domain.Resources;
using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Common;

/// <summary>A NUL or another control character is refused in every free text, and over-limit text too (decision 044).</summary>
public class ControlCharacterTests
{
    [Theory]
    [InlineData("a\0b")]
    [InlineData("bell\a")]
    [InlineData("\u001B[31mred")]
    [InlineData("\u0085next line")]
    public void Control_characters_are_found_in_any_text(string text)
    {
        Text.HasControlCharacter(text).Should().BeTrue();
        Text.HasControlCharacter(text, multiline: false).Should().BeTrue();
    }

    [Fact]
    public void Line_breaks_and_tabs_belong_to_multi_line_text_only()
    {
        Text.HasControlCharacter("ligne 1\r\nligne 2\tfin").Should().BeFalse();
        Text.HasControlCharacter("ligne 1\nligne 2", multiline: false).Should().BeTrue();
        Text.HasControlCharacter("Émoji 🙂, e\u0301, \u200D").Should().BeFalse("printable text and joiners are text");
    }

    [Fact]
    public void A_name_with_a_nul_is_refused_and_a_name_is_trimmed()
    {
        Text.Name("Ana\0is", TextLimits.DisplayName).Error.Should().Be(TextErrors.ControlCharacter);
        Text.Name("  Anaïs  ", TextLimits.DisplayName).Value.Should().Be("Anaïs");
        Text.Name(new string('a', 15_000), TextLimits.DisplayName).Error!.Code.Should().Be(TextErrors.TooLong.Code);
    }

    [Fact]
    public void A_proposal_with_a_nul_is_refused()
    {
        var proposal = Proposal() with { Description = "Une situation\0 cachée" };

        CoachingCase.Propose(Manager, CaseBuilder.BeneficiaryRef, proposal, BudgetBounds.Default, ProposedAt).Error.Should().Be(TextErrors.ControlCharacter);
    }

    [Fact]
    public void Verdict_comment_cancellation_reason_and_session_note_with_a_nul_are_refused_and_change_nothing()
    {
        var continued = Continued();
        continued.ShouldRefuse(() => continued.RecordVerdict(Hr, AcceptanceCriterion.AffectsWork, true, "ok\0", Now), TextErrors.ControlCharacter);

        var proposed = Proposed();
        proposed.ShouldRefuse(() => proposed.Cancel(Hr, "raison\0", Now), TextErrors.ControlCharacter);

        var inSessions = InSessions();
        var session = inSessions.Sessions[0].Id;
        inSessions.ShouldRefuse(() => inSessions.WriteSessionNote(Intervener, session, "note\0", Now), TextErrors.ControlCharacter);
    }

    [Fact]
    public void A_multi_line_note_keeps_its_line_breaks()
    {
        var inSessions = InSessions();

        inSessions.WriteSessionNote(Intervener, inSessions.Sessions[0].Id, "Point 1\n\tPoint 2", Now).ShouldSucceed();
    }

    [Fact]
    public void A_journal_entry_and_an_action_item_with_a_nul_are_refused()
    {
        JournalEntry.Write(InSessions(), Beneficiary, "journal\0", Now).Error.Should().Be(TextErrors.ControlCharacter);
        ActionItem.Add(InSessions(), Beneficiary, "à faire\0", null, Now).Error.Should().Be(TextErrors.ControlCharacter);
        AgreementTerms.Create("exceptions\0", "exceptions", "code").Error.Should().Be(TextErrors.ControlCharacter);
    }
}
