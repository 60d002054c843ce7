using System.Text;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Common;
using CoupDePousse.Tests.TestSupport;

namespace CoupDePousse.Tests.Features.Confidentiality;

/// <summary>Everything one person can get from the services about a case, serialized as the app would ship it.</summary>
public static class WhatTheySee
{
    public static async Task<string> EverythingAsync(TestDatabase database, Actor actor, Guid caseId, bool includeOwnNotes = false)
    {
        var token = TestContext.Current.CancellationToken;
        var text = new StringBuilder();
        text.AppendLine(ReadModelJson.Of(await database.Cases().GetAsync(actor, caseId, token)));
        text.AppendLine(ReadModelJson.Of(await database.Cases().ListMyCasesAsync(actor, new PageRequest(), token)));
        text.AppendLine(ReadModelJson.Of(await database.Cases().ListMyProposalsAsync(actor, new PageRequest(), token)));
        var pipeline = await database.Pipeline().GetOverviewAsync(actor, new PipelineFilter(), new PageRequest(), token);
        if (pipeline.IsSuccess)
        {
            text.AppendLine(ReadModelJson.Of(pipeline.Value));
        }

        var candidates = await database.Cases().CandidatesAsync(actor, caseId, token);
        if (candidates.IsSuccess)
        {
            text.AppendLine(ReadModelJson.Of(candidates.Value));
        }

        var administration = database.Administration();
        var users = await administration.ListUsersAsync(actor, new PageRequest(PageSize: 100), null, token);
        if (users.IsSuccess)
        {
            text.AppendLine(ReadModelJson.Of(users.Value));
        }

        var profiles = await administration.ListIntervenerProfilesAsync(actor, token);
        if (profiles.IsSuccess)
        {
            text.AppendLine(ReadModelJson.Of(profiles.Value));
        }

        var notes = await database.SessionNotes().MyNotesAsync(actor, caseId, token);
        if (includeOwnNotes || notes.Count > 0)
        {
            text.AppendLine(ReadModelJson.Of(notes));
        }

        return text.ToString();
    }

    /// <summary>Only the case's own read model, without the notes, for the parties who legitimately see its content.</summary>
    public static async Task<string> CaseAsync(TestDatabase database, Actor actor, Guid caseId) =>
        ReadModelJson.Of(await database.Cases().GetAsync(actor, caseId, TestContext.Current.CancellationToken));
}
