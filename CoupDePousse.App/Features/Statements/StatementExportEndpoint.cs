using CoupDePousse.App.Security;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Statements;

public static class StatementExportEndpoint
{
    /// <summary>The link of a statement file: the intervener's own when <paramref name="intervenerId"/> is null.</summary>
    public static string Link(StatementPeriod period, StatementFormat format, string? intervenerId = null)
    {
        var path = FormattableString.Invariant($"/statements/{period.Year}/{period.Month}.{(format == StatementFormat.Csv ? "csv" : "xlsx")}");
        return intervenerId is null ? path : QueryHelpers.AddQueryString(path, "intervener", intervenerId);
    }

    /// <summary>A month's statement as CSV or XLSX, column names in the reader's language; an intervener gets their own, HR anyone's, others a 404.</summary>
    public static IEndpointConventionBuilder MapStatementExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/statements/{year:int}/{month:int}.{extension}", async (
            int year, int month, string extension, string? intervener, HttpContext context, StatementService statements, IStringLocalizer<StatementText> texts) =>
        {
            var user = CurrentUser.FromPrincipal(context.User);
            StatementFormat? format = extension switch
            {
                "csv" => StatementFormat.Csv,
                "xlsx" => StatementFormat.Xlsx,
                _ => null,
            };
            var period = StatementPeriod.Create(year, month);
            if (user is null || format is null || period.IsFailure)
            {
                return Results.NotFound();
            }

            // Buffered, so that a refusal is still a clean 404 and not a half-written file; a month is small.
            using var body = new MemoryStream();
            var written = await statements.WriteAsync(user.ToActor(), intervener, period.Value, format.Value, Texts(texts), body, context.RequestAborted);
            return written.IsFailure
                ? Results.NotFound()
                : Results.File(body.ToArray(), StatementExport.ContentType(format.Value), StatementExport.FileName(period.Value, format.Value));
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Intervener, Roles.HR));

    /// <summary>The files' words in the reader's language.</summary>
    public static StatementTexts Texts(IStringLocalizer<StatementText> texts) => new(
        StatementExport.Columns.ToDictionary(c => c, c => texts[$"Column.{c}"].Value),
        Enum.GetValues<SessionMode>().ToDictionary(m => m, m => texts[$"Mode.{m}"].Value),
        texts["Yes"],
        texts["No"]);
}
