using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Cases;

/// <summary>The beneficiary's journal: theirs alone, an entry shared reaches the case's intervener, nobody else ever.</summary>
public class JournalTests
{
    private static readonly Actor[] Company = [Hr, Manager, Admin, OtherIntervener];

    [Fact]
    public async Task The_beneficiary_writes_edits_and_reads_back_their_journal()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;

        (await journal.WriteAsync(Beneficiary, stored.Id, "  Lundi, j’ai osé dire non.  ", token)).ShouldSucceed();
        var entry = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Single();
        (await journal.EditAsync(Beneficiary, stored.Id, entry.Id, "Lundi, j’ai osé dire non à mon chef.", token)).ShouldSucceed();

        var read = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!;
        read.IsOpen.Should().BeTrue();
        read.Entries.Should().ContainSingle().Which.Should().Match<JournalEntryView>(e =>
            e.Text == "Lundi, j’ai osé dire non à mon chef." && e.EditedAt != null && !e.SharedWithIntervener);
        (await database.LoadAsync(stored.Id)).Version.Should().Be(stored.Version, "a journal entry is not a change of the case");
    }

    [Fact]
    public async Task Nobody_but_the_beneficiary_reads_an_unshared_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, stored.Id, "Privé", token)).ShouldSucceed();

        (await journal.SharedWithMeAsync(Intervener, stored.Id, token)).Should().BeEmpty("the entry is not shared");
        (await journal.MyJournalAsync(Intervener, stored.Id, token)).Should().BeNull();
        foreach (var actor in Company)
        {
            (await journal.MyJournalAsync(actor, stored.Id, token)).Should().BeNull("{0} is not the beneficiary", actor.Role);
            (await journal.SharedWithMeAsync(actor, stored.Id, token)).Should().BeEmpty("{0} is not the case's intervener", actor.Role);
        }
    }

    [Fact]
    public async Task Sharing_an_entry_tells_the_case_intervener_once_and_nobody_anything_of_its_text()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, stored.Id, "À montrer", token)).ShouldSucceed();
        (await journal.WriteAsync(Beneficiary, stored.Id, "Pour moi seule", token)).ShouldSucceed();
        var entries = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries;
        var shown = entries.Single(e => e.Text == "À montrer");

        await using (var before = database.CreateDbContext())
        {
            (await before.Notifications.CountAsync(token)).Should().Be(0, "writing an entry tells nobody");
        }

        (await journal.ShareAsync(Beneficiary, stored.Id, shown.Id, true, token)).ShouldSucceed();
        (await journal.ShareAsync(Beneficiary, stored.Id, shown.Id, false, token)).ShouldSucceed();
        (await journal.ShareAsync(Beneficiary, stored.Id, shown.Id, true, token)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        var told = await db.Notifications.ToListAsync(token);
        told.Should().ContainSingle("shared, taken back and shared again, an entry tells its intervener once").Which.Should().Match<Notification>(n =>
            n.RecipientId == IntervenerId && n.Kind == CoupDePousse.Domain.Notifications.NotificationKind.JournalEntryShared && n.CaseId == stored.Id);
    }

    [Fact]
    public async Task A_shared_entry_reaches_the_case_intervener_alone_until_it_is_unshared()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, stored.Id, "À montrer", token)).ShouldSucceed();
        (await journal.WriteAsync(Beneficiary, stored.Id, "Pour moi seul", token)).ShouldSucceed();
        var shown = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Single(e => e.Text == "À montrer");

        (await journal.ShareAsync(Beneficiary, stored.Id, shown.Id, true, token)).ShouldSucceed();

        (await journal.SharedWithMeAsync(Intervener, stored.Id, token)).Should().ContainSingle().Which.Text.Should().Be("À montrer");
        foreach (var actor in Company)
        {
            (await journal.SharedWithMeAsync(actor, stored.Id, token)).Should().BeEmpty("{0} is not the case's intervener", actor.Role);
            (await journal.MyJournalAsync(actor, stored.Id, token)).Should().BeNull();
        }

        (await journal.ShareAsync(Beneficiary, stored.Id, shown.Id, false, token)).ShouldSucceed();
        (await journal.SharedWithMeAsync(Intervener, stored.Id, token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Nobody_else_changes_shares_or_deletes_an_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, stored.Id, "Mon texte", token)).ShouldSucceed();
        var entry = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Single();

        foreach (var actor in Company.Append(Intervener))
        {
            (await journal.WriteAsync(actor, stored.Id, "Intrusion", token)).ShouldBeRefusedWith(AppErrors.NotFound);
            (await journal.EditAsync(actor, stored.Id, entry.Id, "Intrusion", token)).ShouldBeRefusedWith(AppErrors.NotFound);
            (await journal.ShareAsync(actor, stored.Id, entry.Id, true, token)).ShouldBeRefusedWith(AppErrors.NotFound);
            (await journal.DeleteAsync(actor, stored.Id, entry.Id, token)).ShouldBeRefusedWith(AppErrors.NotFound);
        }

        (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Should().ContainSingle().Which.Should().Be(entry);
    }

    [Fact]
    public async Task An_entry_of_one_case_cannot_be_reached_through_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var other = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, stored.Id, "Texte", token)).ShouldSucceed();
        var entry = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Single();

        (await journal.DeleteAsync(Beneficiary, other.Id, entry.Id, token)).ShouldBeRefusedWith(AppErrors.NotFound);
        (await journal.MyJournalAsync(Beneficiary, other.Id, token))!.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task The_beneficiary_deletes_an_entry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var journal = database.Journal();
        var token = TestContext.Current.CancellationToken;
        (await journal.WriteAsync(Beneficiary, stored.Id, "À effacer", token)).ShouldSucceed();
        var entry = (await journal.MyJournalAsync(Beneficiary, stored.Id, token))!.Entries.Single();

        (await journal.DeleteAsync(Beneficiary, stored.Id, entry.Id, token)).ShouldSucceed();

        await using var db = database.CreateDbContext();
        (await db.JournalEntries.CountAsync(token)).Should().Be(0);
    }

    [Fact]
    public void The_case_aggregate_has_no_way_to_hold_journal_entries()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options, TestDatabase.SharedDataProtection);

        db.Model.FindEntityType(typeof(CoachingCase))!.GetNavigations().Select(n => n.TargetEntityType.ClrType).Should().NotContain(typeof(JournalEntry));
    }
}
