using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;

namespace CoupDePousse.App.Features.Administration;

public static class AuditExportEndpoint
{
    public const string Path = "/admin/audit.csv";

    /// <summary>The audit page's CSV download: the same filters as the page, in its query string; Admin only.</summary>
    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context, AuditTrailService audit, TimeProvider clock, string? kind, string? person, string? from, string? to) =>
        {
            // The role checked before the first byte: a refusal is a clean 403, and the rows are streamed as they are read.
            var user = CurrentUser.FromPrincipal(context.User);
            if (user is null || audit.MayExport(user.ToActor()).IsFailure)
            {
                return Results.Forbid();
            }

            var filter = new AuditFilter(
                Enum.TryParse<SecurityEventKind>(kind, out var parsedKind) ? parsedKind : null,
                person,
                ParseInstant(from),
                ParseInstant(to));
            var day = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            return FileDownload.Send(FileDownload.FileName("security-audit", day, ExportFormat.Csv), ExportFormat.Csv,
                (body, token) => audit.WriteCsvAsync(user.ToActor(), filter, body, token));
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

    /// <summary>The query string of the CSV link for a filter.</summary>
    public static string Link(AuditFilter filter)
    {
        var query = new Dictionary<string, string?>
        {
            ["kind"] = filter.Kind?.ToString(),
            ["person"] = string.IsNullOrWhiteSpace(filter.Person) ? null : filter.Person.Trim(),
            ["from"] = filter.From?.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("O", CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, query.Where(p => p.Value is not null));
    }

    private static DateTimeOffset? ParseInstant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
