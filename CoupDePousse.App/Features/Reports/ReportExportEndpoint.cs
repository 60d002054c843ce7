using CoupDePousse.App.Security;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Reports;

public static class ReportExportEndpoint
{
    public const string CsvPath = "/reports/export.csv";
    public const string XlsxPath = "/reports/export.xlsx";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The report page's downloads for a year: HR only, the same figures as the page (decision 033).</summary>
    public static IEndpointRouteBuilder MapReportExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, (HttpContext context, ReportService reports, IStringLocalizer<ReportText> text) =>
                Export(context, reports, text, "csv", "text/csv; charset=utf-8", ReportExport.WriteCsvAsync))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        endpoints.MapGet(XlsxPath, (HttpContext context, ReportService reports, IStringLocalizer<ReportText> text) =>
                Export(context, reports, text, "xlsx", XlsxType, async (tables, t, body, token) =>
                {
                    // A few small sheets: built in memory (MiniExcel's zip writer needs synchronous writes), then sent.
                    using var buffer = new MemoryStream();
                    await ReportExport.WriteXlsxAsync(tables, t, buffer, token);
                    buffer.Position = 0;
                    await buffer.CopyToAsync(body, token);
                }))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        return endpoints;
    }

    /// <summary>The address of a download for a year.</summary>
    public static string Link(string path, int year) => FormattableString.Invariant($"{path}?year={year}");

    private static async Task<IResult> Export(HttpContext context, ReportService reports, IStringLocalizer<ReportText> text, string extension, string contentType,
        Func<IReadOnlyList<ReportTable>, IStringLocalizer<ReportText>, Stream, CancellationToken, Task> write)
    {
        // The current user as revalidated by the cookie, and the role checked before the first byte: a refusal is a clean 403.
        var user = CurrentUser.FromPrincipal(context.User);
        if (user is null || reports.MayRead(user.ToActor()).IsFailure)
        {
            return Results.Forbid();
        }

        var year = int.TryParse(context.Request.Query["year"], out var y) ? y : (int?)null;
        var view = await reports.GetAsync(user.ToActor(), year, context.RequestAborted);
        if (view.IsFailure)
        {
            return Results.Forbid();
        }

        var tables = ReportTables.Build(view.Value.Report, text);
        return Results.Stream(body => write(tables, text, body, context.RequestAborted), contentType,
            FormattableString.Invariant($"report-{view.Value.Year}.{extension}"));
    }
}
