using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Pipeline;

public static class PipelineExportEndpoint
{
    public const string CsvPath = "/pipeline/export.csv";
    public const string XlsxPath = "/pipeline/export.xlsx";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The pipeline page's downloads: its filter in the query string, HR only, streamed as the rows are read (decision 032).</summary>
    public static IEndpointRouteBuilder MapPipelineExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, (HttpContext context, PipelineService pipeline, IStringLocalizer<PipelineText> text) =>
                Export(context, pipeline, "pipeline.csv", "text/csv; charset=utf-8",
                    (actor, filter, body) => pipeline.WriteCsvAsync(actor, filter, text, body, context.RequestAborted)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        endpoints.MapGet(XlsxPath, (HttpContext context, PipelineService pipeline, IStringLocalizer<PipelineText> text) =>
                Export(context, pipeline, "pipeline.xlsx", XlsxType,
                    async (actor, filter, body) =>
                    {
                        // The zip writer needs synchronous writes, which the response refuses: the sheet is built in a temporary
                        // file (never in memory), then sent.
                        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                        await pipeline.WriteXlsxAsync(actor, filter, text, file, context.RequestAborted);
                        file.Position = 0;
                        await file.CopyToAsync(body, context.RequestAborted);
                    }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        return endpoints;
    }

    /// <summary>The address of a download for the page's current filter.</summary>
    public static string Link(string path, PipelineFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["state"] = filter.State?.ToString(),
            ["domain"] = filter.Domain?.ToString(),
            ["department"] = string.IsNullOrEmpty(filter.Department) ? null : filter.Department,
            ["intervener"] = string.IsNullOrEmpty(filter.IntervenerId) ? null : filter.IntervenerId,
            ["waiting"] = filter.WaitingOn?.ToString(),
            ["stalled"] = filter.StalledOnly ? "true" : null,
        };
        return QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null));
    }

    /// <summary>The filter a download's query string names; an unknown value filters nothing rather than failing.</summary>
    public static PipelineFilter ParseFilter(IQueryCollection query) => new(
        Enum.TryParse<CaseState>(query["state"], out var state) ? state : null,
        Enum.TryParse<CoachingDomain>(query["domain"], out var domain) ? domain : null,
        string.IsNullOrEmpty(query["department"]) ? null : query["department"].ToString(),
        string.IsNullOrEmpty(query["intervener"]) ? null : query["intervener"].ToString(),
        Enum.TryParse<WaitingParty>(query["waiting"], out var waiting) ? waiting : null,
        bool.TryParse(query["stalled"], out var stalled) && stalled);

    private static IResult Export(HttpContext context, PipelineService pipeline, string fileName, string contentType, Func<Domain.Common.Actor, PipelineFilter, Stream, Task> write)
    {
        // The current user as revalidated by the cookie, and the role checked before the first byte: a refusal is a clean 403.
        var user = CurrentUser.FromPrincipal(context.User);
        if (user is null || pipeline.MayExport(user.ToActor()).IsFailure)
        {
            return Results.Forbid();
        }

        var filter = ParseFilter(context.Request.Query);
        return Results.Stream(body => write(user.ToActor(), filter, body), contentType, fileName);
    }
}
