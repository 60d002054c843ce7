using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Sessions;

/// <summary>Private notes: written by the assigned intervener, read back by them alone, never loaded with the case.</summary>
public class SessionNoteTests
{
    [Fact]
    public async Task The_assigned_intervener_writes_a_note_and_reads_it_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var sessionId = stored.Sessions.Single().Id;

        var written = await database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, sessionId, "  Bonne dynamique, à creuser  ", TestContext.Current.CancellationToken);
        var notes = await database.SessionNotes().MyNotesAsync(Intervener, stored.Id, TestContext.Current.CancellationToken);

        written.ShouldSucceed();
        notes.Should().ContainSingle().Which.Should().Match<App.Features.Cases.SessionNoteView>(n => n.Text == "Bonne dynamique, à creuser" && n.SessionId == sessionId);
        (await database.LoadAsync(stored.Id)).Version.Should().Be(stored.Version, "a private note is not a change of the case");
    }

    [Fact]
    public async Task Another_intervener_cannot_write_a_note_on_a_case_that_is_not_theirs()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());

        var written = await database.SessionNotes().WriteNoteAsync(OtherIntervener, stored.Id, stored.Sessions.Single().Id, "Intrusion", TestContext.Current.CancellationToken);

        written.ShouldBeRefusedWith(AppErrors.NotFound);
        await using var db = database.CreateDbContext();
        db.SessionNotes.Should().BeEmpty();
    }

    [Fact]
    public async Task A_note_must_belong_to_a_session_of_the_same_case()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        var other = await database.SaveAsync(InSessions());

        var written = await database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, other.Sessions.Single().Id, "Mauvaise séance", TestContext.Current.CancellationToken);

        written.ShouldBeRefusedWith(CaseErrors.UnknownSession);
    }

    [Fact]
    public void The_case_aggregate_has_no_way_to_hold_session_notes()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options, TestDatabase.SharedDataProtection);
        var caseType = db.Model.FindEntityType(typeof(CoachingCase))!;

        caseType.GetNavigations().Select(n => n.TargetEntityType.ClrType).Should().NotContain(typeof(SessionNote));
        typeof(CoachingCase).GetProperties().Select(p => p.PropertyType)
            .Should().NotContain(t => t == typeof(SessionNote) || t.GenericTypeArguments.Contains(typeof(SessionNote)));
    }

    [Fact]
    public async Task Reading_listing_and_acting_on_cases_never_query_the_session_notes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var stored = await database.SaveAsync(InSessions());
        await database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, stored.Sessions.Single().Id, "Note privée", TestContext.Current.CancellationToken);
        var capture = new SqlCapture(database);
        var token = TestContext.Current.CancellationToken;

        foreach (var who in Enum.GetValues<Who>())
        {
            await capture.Cases().GetAsync(Of(who), stored.Id, token);
            await capture.Cases().ListMyCasesAsync(Of(who), new PageRequest(), token);
            await capture.Cases().ListMyProposalsAsync(Of(who), new PageRequest(), token);
        }

        await capture.Pipeline().GetOverviewAsync(Hr, new App.Features.Pipeline.PipelineFilter(), new PageRequest(), token);
        var logged = await capture.Cases().PerformAsync(Intervener, stored.Id, stored.Version, new LogSessionCommand(Today, 60, SessionMode.OnSite), token);

        logged.ShouldSucceed();
        capture.Commands.Should().NotBeEmpty();
        capture.Commands.Should().NotContain(sql => sql.Contains("SessionNotes"));
    }
}
