using System.Globalization;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CoupDePousse.App.Features.Statements;

/// <summary>The columns of a statement file, in the reader's language; the modes' names too.</summary>
public sealed record StatementTexts(IReadOnlyDictionary<StatementColumn, string> Headers, IReadOnlyDictionary<SessionMode, string> Modes, string Yes, string No);

/// <summary>
/// Every column a statement file may carry: the date, a neutral case reference, the mode, whether the session was
/// missed, its minutes and its amount. Never a name, a request, a note or anything a person wrote (decision 030).
/// </summary>
public enum StatementColumn
{
    Date,
    CaseReference,
    Mode,
    Missed,
    Minutes,
    Amount,
}

/// <summary>Writes a statement as CSV (invariant numbers, ISO dates) or XLSX (dates as date cells, minutes and euros as numbers).</summary>
public static class StatementExport
{
    public static IReadOnlyList<StatementColumn> Columns { get; } = Enum.GetValues<StatementColumn>();

    public static string FileName(StatementPeriod period, StatementFormat format) =>
        FormattableString.Invariant($"statement-{period.Year:0000}-{period.Month:00}.{(format == StatementFormat.Csv ? "csv" : "xlsx")}");

    public static string ContentType(StatementFormat format) => format == StatementFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(MonthlyStatement statement, StatementFormat format, StatementTexts texts, Stream destination, CancellationToken cancellationToken)
    {
        if (format == StatementFormat.Csv)
        {
            await WriteCsvAsync(statement, texts, destination, cancellationToken);
            return;
        }

        var rows = statement.Lines.Select(line => Columns.ToDictionary(c => texts.Headers[c], c => Typed(statement, line, c, texts))).ToList();
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [new DynamicExcelColumn(texts.Headers[StatementColumn.Date]) { Format = "yyyy-MM-dd" }],
        };
        if (rows.Count == 0)
        {
            // An empty month still tells its columns.
            rows.Add(Columns.ToDictionary(c => texts.Headers[c], _ => (object?)null));
        }

        await MiniExcel.SaveAsAsync(destination, rows, configuration: configuration, cancellationToken: cancellationToken);
    }

    private static object? Typed(MonthlyStatement statement, StatementLine line, StatementColumn column, StatementTexts texts) => column switch
    {
        StatementColumn.Date => line.Date.ToDateTime(TimeOnly.MinValue),
        StatementColumn.CaseReference => line.CaseReference,
        StatementColumn.Mode => texts.Modes[line.Mode],
        StatementColumn.Missed => line.Missed ? texts.Yes : texts.No,
        StatementColumn.Minutes => line.DurationMinutes,
        StatementColumn.Amount => statement.AmountOf(line) / 100m,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private static async Task WriteCsvAsync(MonthlyStatement statement, StatementTexts texts, Stream destination, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(Columns.Select(c => texts.Headers[c]).ToArray(), cancellationToken);
        foreach (var line in statement.Lines)
        {
            await csv.WriteRecordAsync(
                Columns.Select(c => Typed(statement, line, c, texts) switch
                {
                    DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    var text => text?.ToString() ?? "",
                }).ToArray(),
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
