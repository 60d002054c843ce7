using System.Text;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Cases;

public static class PersonalDataEndpoint
{
    public const string JsonPath = "/my-data/export.json";

    /// <summary>The text download of a case's notes, for its intervener to hand to the beneficiary.</summary>
    public static string NotesPath(Guid caseId) => $"/cases/{caseId}/notes-export.txt";

    /// <summary>The person's own data as JSON (every role), and an intervener's notes of one case as text; never cached.</summary>
    public static IEndpointRouteBuilder MapPersonalDataExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(JsonPath, async (HttpContext context, PersonalDataService personalData) =>
        {
            var user = CurrentUser.FromPrincipal(context.User);
            var export = user is null ? null : await personalData.ExportAsync(user.ToActor(), PersonalDataChannel.Json, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return export is null ? Results.NotFound() : Results.File(export.ToJson(), "application/json; charset=utf-8", "my-data.json");
        }).RequireAuthorization();

        endpoints.MapGet("/cases/{caseId:guid}/notes-export.txt", async (Guid caseId, HttpContext context, SessionNoteService notes, IStringLocalizer<PersonalDataText> text) =>
        {
            var user = CurrentUser.FromPrincipal(context.User);
            var export = user is null ? null : await notes.ExportForBeneficiaryAsync(user.ToActor(), caseId, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return export is null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetBytes(NotesText(export, text)), "text/plain; charset=utf-8", "session-notes.txt");
        }).RequireAuthorization();
        return endpoints;
    }

    /// <summary>The notes as plain text in the reader's language: a heading, then each note under its session's date.</summary>
    public static string NotesText(NotesExport export, IStringLocalizer<PersonalDataText> text)
    {
        var written = new StringBuilder();
        written.AppendLine(text["Notes.Heading", export.BeneficiaryName]);
        written.AppendLine(text["Notes.By", export.IntervenerName, Figures.DateTime(export.GeneratedAt)]);
        written.AppendLine();
        if (export.Notes.Count == 0)
        {
            written.AppendLine(text["Notes.None"]);
        }

        foreach (var note in export.Notes)
        {
            written.AppendLine(NoteHeading(note, text));
            written.AppendLine(note.Text);
            written.AppendLine();
        }

        return written.ToString();
    }

    public static string NoteHeading(NotesExportLine note, IStringLocalizer<PersonalDataText> text) =>
        note.SessionDate is { } date
            ? text["Notes.Session", Figures.Date(date), Figures.DateTime(note.WrittenAt)]
            : text["Notes.Written", Figures.DateTime(note.WrittenAt)];
}
