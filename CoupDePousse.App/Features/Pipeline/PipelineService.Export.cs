using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.App.Features.Pipeline;

/// <summary>
/// HR's pipeline as a file: the page's filter (the same query), every matching case in the page's order, the columns HR
/// sees in the list and nothing else, read row by row from the database and written as it is read (decision 032).
/// </summary>
public sealed partial class PipelineService
{
    /// <summary>Every exported column, in order: what the list already shows HR, never a text of the case.</summary>
    public static readonly IReadOnlyList<string> ExportColumns = typeof(PipelineExportRow).GetProperties().Select(p => p.Name).ToList();

    /// <summary>Whether the actor may export, asked before anything is written, so that a refusal is a clean 403.</summary>
    public Result MayExport(Actor actor) => logger.RequireRole(actor, "ExportPipeline", Role.HR);

    /// <summary>The matching cases as CSV in the current culture (<see cref="TableExport"/>: byte order mark, ';' and decimal commas in French, formulas neutralised).</summary>
    public async Task<Result> WriteCsvAsync(Actor actor, PipelineFilter filter, IStringLocalizer<PipelineText> text, Stream destination, CancellationToken cancellationToken = default)
    {
        var allowed = MayExport(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        var culture = CultureInfo.CurrentCulture;
        await TableExport.WriteCsvAsync(destination, culture, ExportHeaders(text), ExportRowsAsync(filter, text, cancellationToken), row => (object?[])
            [
                row.Case,
                row.Beneficiary,
                row.Department,
                row.Domains,
                row.State,
                row.Outcome,
                row.WaitingOn,
                row.Intervener,
                row.StateEnteredOn,
                row.DaysInState,
                row.StalledDays,
                row.BudgetHours,
                row.UsedHours,
                row.CostEuros.ToString("0.00", culture),
            ], cancellationToken);
        return Result.Success();
    }

    /// <summary>The matching cases as an XLSX sheet: dates are date cells, hours and euros number cells, headers in the user's language.</summary>
    public async Task<Result> WriteXlsxAsync(Actor actor, PipelineFilter filter, IStringLocalizer<PipelineText> text, Stream destination, CancellationToken cancellationToken = default)
    {
        var allowed = MayExport(actor);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        await TableExport.WriteXlsxAsync(
            destination,
            [("Pipeline", ExportRowsAsync(filter, text, cancellationToken))],
            ExportColumns.Select(column => TableExport.Column(column, text[$"Export.{column}"], ExcelFormat(column))),
            cancellationToken);
        return Result.Success();
    }

    /// <summary>How many cases match: announced to the download button so that it shows rows as well as bytes.</summary>
    public async Task<int> ExportCountAsync(PipelineFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stalling = await db.StallingRulesAsync(cancellationToken);
        return await Filter(db.Cases.AsNoTracking(), filter, stalling, clock.GetUtcNow()).CountAsync(cancellationToken);
    }

    /// <summary>The column headers in the current language, in <see cref="ExportColumns"/>' order.</summary>
    public static IEnumerable<string> ExportHeaders(IStringLocalizer<PipelineText> text) => ExportColumns.Select(column => text[$"Export.{column}"].Value);

    private static string? ExcelFormat(string column) => column switch
    {
        nameof(PipelineExportRow.StateEnteredOn) => TableExport.DateFormat,
        nameof(PipelineExportRow.BudgetHours) or nameof(PipelineExportRow.UsedHours) => TableExport.HoursFormat,
        nameof(PipelineExportRow.CostEuros) => TableExport.EuroFormat,
        _ => null,
    };

    /// <summary>Every matching case in the page's order (the id settles ties), streamed: one query, read as it is written.</summary>
    private async IAsyncEnumerable<PipelineExportRow> ExportRowsAsync(PipelineFilter filter, IStringLocalizer<PipelineText> text, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stalling = await db.StallingRulesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var ordered = Ordered(Filter(db.Cases.AsNoTracking(), filter, stalling, now), filter).ThenBy(c => c.Id);
        await foreach (var facts in Facts(db, ordered).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return PipelineExportRow.Of(ToRow(facts, stalling, now), text);
        }
    }
}

/// <summary>One exported line: the pipeline row as HR reads it, dates and amounts typed. Its properties are the allowed columns.</summary>
public sealed record PipelineExportRow(
    Guid Case,
    string Beneficiary,
    string? Department,
    string Domains,
    string State,
    string? Outcome,
    string? WaitingOn,
    string? Intervener,
    DateTime StateEnteredOn,
    int DaysInState,
    int? StalledDays,
    decimal BudgetHours,
    decimal UsedHours,
    decimal CostEuros)
{
    public static PipelineExportRow Of(PipelineRow row, IStringLocalizer<PipelineText> text) => new(
        row.Id,
        row.BeneficiaryName,
        row.Department,
        DomainLabels.Of(row.Domains),
        row.State.Label(),
        row.Outcome?.Label(),
        row.WaitingOn is { } party ? text[$"Waiting.{party}"].Value : null,
        row.IntervenerName,
        row.StateEnteredAt.UtcDateTime.Date,
        row.DaysInState,
        row.StalledDays,
        row.BudgetMinutes / 60m,
        row.UsedMinutes / 60m,
        row.CostCents / 100m);
}
