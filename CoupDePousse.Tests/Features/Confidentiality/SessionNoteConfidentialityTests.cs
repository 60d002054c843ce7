using CoupDePousse.Tests.TestSupport;
using static CoupDePousse.Tests.TestSupport.CaseBuilder;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>The intervener's session notes are theirs alone: nobody else reads them, in any read model.</summary>
public class SessionNoteConfidentialityTests(SharedDatabase shared) : IClassFixture<SharedDatabase>
{
    private const string NoteMarker = "NOTE-MARKER-5d2e";

    public static TheoryData<Who> EveryoneButTheAuthor =>
        [Who.Beneficiary, Who.Manager, Who.OtherManager, Who.Hr, Who.OtherIntervener, Who.Admin, Who.OtherBeneficiary];

    [Theory]
    [MemberData(nameof(EveryoneButTheAuthor))]
    public async Task Session_notes_never_reach_anyone_but_their_author(Who who)
    {
        var stored = await shared.OnlyCaseAsync(InSessions());
        var written = await shared.Database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, stored.Sessions.Single().Id, $"Confidentiel {NoteMarker}", TestContext.Current.CancellationToken);
        written.ShouldSucceed();

        var seen = await WhatTheySee.EverythingAsync(shared.Database, Of(who), stored.Id, includeOwnNotes: true);

        seen.Should().NotContain(NoteMarker);
        (await shared.Database.SessionNotes().MyNotesAsync(Of(who), stored.Id, TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_author_reads_their_notes_only_through_their_notes_never_in_the_case_view()
    {
        var stored = await shared.OnlyCaseAsync(InSessions());
        await shared.Database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, stored.Sessions.Single().Id, $"Confidentiel {NoteMarker}", TestContext.Current.CancellationToken);

        var caseView = await WhatTheySee.CaseAsync(shared.Database, Intervener, stored.Id);
        var notes = await shared.Database.SessionNotes().MyNotesAsync(Intervener, stored.Id, TestContext.Current.CancellationToken);

        caseView.Should().NotContain(NoteMarker);
        ReadModelJson.Of(notes).Should().Contain(NoteMarker);
    }

    [Fact]
    public async Task A_note_stays_with_its_author_after_the_case_is_closed()
    {
        var coachingCase = InSessions();
        var stored = await shared.OnlyCaseAsync(coachingCase);
        await shared.Database.SessionNotes().WriteNoteAsync(Intervener, stored.Id, stored.Sessions.Single().Id, $"Confidentiel {NoteMarker}", TestContext.Current.CancellationToken);
        var closed = await shared.Database.Cases().PerformAsync(Intervener, stored.Id, stored.Version, new App.Features.Cases.CloseCommand("Fin"), TestContext.Current.CancellationToken);
        closed.ShouldSucceed();

        foreach (var who in EveryoneButTheAuthor)
        {
            (await WhatTheySee.EverythingAsync(shared.Database, Of(who.Data), stored.Id, includeOwnNotes: true)).Should().NotContain(NoteMarker);
        }

        ReadModelJson.Of(await shared.Database.SessionNotes().MyNotesAsync(Intervener, stored.Id, TestContext.Current.CancellationToken)).Should().Contain(NoteMarker);
    }
}
