using CoupDePousse.App.Features.Common;
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

    /// <summary>The pipeline page's downloads: its filter in the query string, HR only, streamed as the rows are read (decisions 032, 035).</summary>
    public static IEndpointRouteBuilder MapPipelineExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, (HttpContext context, PipelineService pipeline, IStringLocalizer<PipelineText> text, TimeProvider clock, CancellationToken aborted) =>
                ExportAsync(context, pipeline, clock, ExportFormat.Csv, (actor, filter, body, token) => pipeline.WriteCsvAsync(actor, filter, text, body, token), aborted))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        endpoints.MapGet(XlsxPath, (HttpContext context, PipelineService pipeline, IStringLocalizer<PipelineText> text, TimeProvider clock, CancellationToken aborted) =>
                ExportAsync(context, pipeline, clock, ExportFormat.Xlsx, (actor, filter, body, token) => pipeline.WriteXlsxAsync(actor, filter, text, body, token), aborted))
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

    private static async Task<IResult> ExportAsync(HttpContext context, PipelineService pipeline, TimeProvider clock, ExportFormat format,
        Func<Domain.Common.Actor, PipelineFilter, Stream, CancellationToken, Task> write, CancellationToken aborted)
    {
        // The current user as revalidated by the cookie, and the role checked before the first byte: a refusal is a clean 403.
        var user = CurrentUser.FromPrincipal(context.User);
        if (user is null || pipeline.MayExport(user.ToActor()).IsFailure)
        {
            return Results.Forbid();
        }

        var filter = ParseFilter(context.Request.Query);
        var rows = await pipeline.ExportCountAsync(filter, aborted);
        var day = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return FileDownload.Send(FileDownload.FileName("pipeline", day, format), format, (body, token) => write(user.ToActor(), filter, body, token), rows);
    }
}
