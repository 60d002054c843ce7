using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using FluentAssertions;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Domain.Cases;

public class JournalEntryTests
{
    private static readonly Actor[] Others = [Hr, Manager, Admin, Intervener, OtherIntervener, OtherBeneficiary];

    [Fact]
    public void The_beneficiary_writes_in_their_journal_from_the_proposal_on()
    {
        var entry = JournalEntry.Write(Proposed(), Beneficiary, "  Ce que j’ai ressenti lundi.  ", Now).ShouldSucceed();

        entry.Text.Should().Be("Ce que j’ai ressenti lundi.");
        entry.AuthorId.Should().Be(BeneficiaryId);
        entry.WrittenAt.Should().Be(Now);
        entry.EditedAt.Should().BeNull();
        entry.SharedWithIntervener.Should().BeFalse("an entry is the beneficiary's alone until they share it");
    }

    [Fact]
    public void Nobody_but_the_beneficiary_writes_in_the_journal()
    {
        var coachingCase = InSessions();

        Others.Should().OnlyContain(actor => JournalEntry.Write(coachingCase, actor, "Texte", Now).Error == CaseErrors.NotAllowed);
    }

    [Fact]
    public void An_empty_or_too_long_entry_is_refused()
    {
        JournalEntry.Write(InSessions(), Beneficiary, "   ", Now).Error.Should().Be(CaseErrors.JournalEntryRequired);
        JournalEntry.Write(InSessions(), Beneficiary, new string('a', TextLimits.JournalEntry + 1), Now).Error!.Code.Should().Be(CaseErrors.TextTooLong.Code);
    }

    [Fact]
    public void The_journal_stays_open_until_ninety_days_after_the_end()
    {
        var closed = Closed();
        var lastDay = closed.EndedAt!.Value + JournalEntry.OpenAfterEnd;

        JournalEntry.Write(closed, Beneficiary, "Après la fin", lastDay).ShouldSucceed();
        JournalEntry.Write(closed, Beneficiary, "Trop tard", lastDay.AddMinutes(1)).Error.Should().Be(CaseErrors.JournalClosed);
    }

    [Fact]
    public void Only_the_author_edits_an_entry_and_the_edit_is_dated()
    {
        var coachingCase = InSessions();
        var entry = JournalEntry.Write(coachingCase, Beneficiary, "Premier jet", Now).ShouldSucceed();

        Others.Should().OnlyContain(actor => entry.Edit(coachingCase, actor, "Autre", Now).Error == CaseErrors.NotAllowed);
        entry.Text.Should().Be("Premier jet");

        entry.Edit(coachingCase, Beneficiary, "Version revue", Now.AddHours(1)).ShouldSucceed();
        entry.Text.Should().Be("Version revue");
        entry.EditedAt.Should().Be(Now.AddHours(1));
        entry.WrittenAt.Should().Be(Now);
    }

    [Fact]
    public void Only_the_author_shares_and_unshares_an_entry()
    {
        var coachingCase = InSessions();
        var entry = JournalEntry.Write(coachingCase, Beneficiary, "À partager", Now).ShouldSucceed();

        Others.Should().OnlyContain(actor => entry.Share(coachingCase, actor, true, Now).Error == CaseErrors.NotAllowed);
        entry.SharedWithIntervener.Should().BeFalse();

        entry.Share(coachingCase, Beneficiary, true, Now).ShouldSucceed();
        entry.SharedWithIntervener.Should().BeTrue();
        entry.Share(coachingCase, Beneficiary, false, Now).ShouldSucceed();
        entry.SharedWithIntervener.Should().BeFalse();
    }

    [Fact]
    public void Only_the_author_deletes_an_entry_even_once_the_journal_is_closed()
    {
        var coachingCase = Closed();
        var entry = JournalEntry.Write(coachingCase, Beneficiary, "Texte", Now).ShouldSucceed();

        Others.Should().OnlyContain(actor => entry.CanDelete(coachingCase, actor).Error == CaseErrors.NotAllowed);
        entry.CanDelete(coachingCase, Beneficiary).ShouldSucceed();
        entry.Edit(coachingCase, Beneficiary, "Trop tard", coachingCase.EndedAt!.Value.AddDays(91)).Error.Should().Be(CaseErrors.JournalClosed);
    }

    [Fact]
    public void An_entry_is_read_by_its_author_and_by_the_case_intervener_only_once_shared()
    {
        var coachingCase = InSessions();
        var entry = JournalEntry.Write(coachingCase, Beneficiary, "Texte", Now).ShouldSucceed();

        JournalEntry.ReadableBy(BeneficiaryId, isCaseIntervener: false).Compile()(entry).Should().BeTrue();
        JournalEntry.ReadableBy(IntervenerId, isCaseIntervener: true).Compile()(entry).Should().BeFalse("it is not shared");
        new[] { HrId, ManagerId, AdminId, OtherIntervenerId }.Should().OnlyContain(id => !JournalEntry.ReadableBy(id, false).Compile()(entry));

        entry.Share(coachingCase, Beneficiary, true, Now).ShouldSucceed();

        JournalEntry.ReadableBy(IntervenerId, isCaseIntervener: true).Compile()(entry).Should().BeTrue();
        new[] { HrId, ManagerId, AdminId, OtherIntervenerId }.Should().OnlyContain(id => !JournalEntry.ReadableBy(id, false).Compile()(entry));
    }
}
