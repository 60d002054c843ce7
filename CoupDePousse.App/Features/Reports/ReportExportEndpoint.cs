using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Reports;

public static class ReportExportEndpoint
{
    public const string CsvPath = "/reports/export.csv";
    public const string XlsxPath = "/reports/export.xlsx";

    /// <summary>The report page's downloads for a year: HR only, the same figures as the page, sent like every export (decisions 033, 035).</summary>
    public static IEndpointRouteBuilder MapReportExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, (HttpContext context, ReportService reports, IStringLocalizer<ReportText> text, CancellationToken aborted) =>
                ExportAsync(context, reports, text, ExportFormat.Csv, aborted))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        endpoints.MapGet(XlsxPath, (HttpContext context, ReportService reports, IStringLocalizer<ReportText> text, CancellationToken aborted) =>
                ExportAsync(context, reports, text, ExportFormat.Xlsx, aborted))
            .RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        return endpoints;
    }

    /// <summary>The address of a download for a year.</summary>
    public static string Link(string path, int year) => FormattableString.Invariant($"{path}?year={year}");

    private static async Task<IResult> ExportAsync(HttpContext context, ReportService reports, IStringLocalizer<ReportText> text, ExportFormat format, CancellationToken aborted)
    {
        // The current user as revalidated by the cookie, and the role checked before the first byte: a refusal is a clean 403.
        var user = CurrentUser.FromPrincipal(context.User);
        if (user is null || reports.MayRead(user.ToActor()).IsFailure)
        {
            return Results.Forbid();
        }

        var year = int.TryParse(context.Request.Query["year"], out var y) ? y : (int?)null;
        var view = await reports.GetAsync(user.ToActor(), year, aborted);
        if (view.IsFailure)
        {
            return Results.Forbid();
        }

        var tables = ReportTables.Build(view.Value.Report, text);
        return format == ExportFormat.Csv
            ? FileDownload.Send(ReportExport.FileName(view.Value.Year, format), format, (body, token) => ReportExport.WriteCsvAsync(tables, text, body, token), ReportExport.CsvLines(tables))
            : FileDownload.Send(ReportExport.FileName(view.Value.Year, format), format, (body, token) => ReportExport.WriteXlsxAsync(tables, text, body, token));
    }
}
