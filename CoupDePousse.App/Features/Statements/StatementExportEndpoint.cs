using System.Globalization;
using CoupDePousse.App.Features.Common;
using CoupDePousse.App.Security;
using CoupDePousse.Domain.Interveners;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Statements;

public static class StatementExportEndpoint
{
    /// <summary>The link of a statement file: the intervener's own when <paramref name="intervenerId"/> is null.</summary>
    public static string Link(StatementPeriod period, ExportFormat format, string? intervenerId = null)
    {
        var path = FormattableString.Invariant($"/statements/{period.Year}/{period.Month}.{TableExport.Extension(format)}");
        return intervenerId is null ? path : QueryHelpers.AddQueryString(path, "intervener", intervenerId);
    }

    /// <summary>The link of HR's all-interveners file for a month.</summary>
    public static string AllLink(StatementPeriod period, ExportFormat format) =>
        FormattableString.Invariant($"/statements/{period.Year}/{period.Month}/all.{TableExport.Extension(format)}");

    /// <summary>
    /// A month's statement as CSV or XLSX, column names in the reader's language; an intervener gets their own, HR anyone's,
    /// others a 404. HR's all-interveners file: HR only (the route's role policy, then the service's check before the first byte).
    /// </summary>
    public static IEndpointRouteBuilder MapStatementExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/statements/{year:int}/{month:int}.{extension}", async (
            int year, int month, string extension, string? intervener, HttpContext context, StatementService statements, IStringLocalizer<StatementText> texts) =>
        {
            var user = CurrentUser.FromPrincipal(context.User);
            var format = TableExport.ParseExtension(extension);
            var period = StatementPeriod.Create(year, month);
            if (user is null || format is null || period.IsFailure)
            {
                return Results.NotFound();
            }

            // The month is read (and the reader's right to it checked) before the first byte, so that a refusal is a clean 404; a month is small.
            var statement = await statements.StatementAsync(user.ToActor(), intervener, period.Value, context.RequestAborted);
            if (statement.IsFailure)
            {
                return Results.NotFound();
            }

            var words = Texts(texts);
            return FileDownload.Send(StatementExport.FileName(period.Value, format.Value), format.Value,
                (body, token) => StatementExport.WriteAsync(statement.Value.Statement, format.Value, words, body, token));
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Intervener, Roles.HR));

        endpoints.MapGet("/statements/{year:int}/{month:int}/all.{extension}", (
            int year, int month, string extension, HttpContext context, StatementService statements, IStringLocalizer<StatementText> texts) =>
        {
            var user = CurrentUser.FromPrincipal(context.User);
            if (user is null || statements.MayExportAll(user.ToActor()).IsFailure)
            {
                return Results.Forbid();
            }

            var format = TableExport.ParseExtension(extension);
            var period = StatementPeriod.Create(year, month);
            if (format is null || period.IsFailure)
            {
                return Results.NotFound();
            }

            var words = Texts(texts);
            return FileDownload.Send(StatementExport.AllFileName(period.Value, format.Value), format.Value,
                (body, token) => statements.WriteAllAsync(user.ToActor(), period.Value, format.Value, words, body, token));
        }).RequireAuthorization(policy => policy.RequireRole(Roles.HR));
        return endpoints;
    }

    /// <summary>The files' words in the reader's language, and the culture of their numbers.</summary>
    public static StatementTexts Texts(IStringLocalizer<StatementText> texts) =>
        new(CultureInfo.CurrentCulture, texts.GetAllStrings().GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value));
}
