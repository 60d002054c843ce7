using System.Globalization;
using CoupDePousse.App.Features.Common;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Interveners;

namespace CoupDePousse.App.Features.Statements;

/// <summary>The files' words in the reader's language (every string of <see cref="StatementText"/>), and the culture of their numbers.</summary>
public sealed record StatementTexts(CultureInfo Culture, IReadOnlyDictionary<string, string> Words)
{
    public string this[string key] => Words[key];

    public string Header(string column) => Words[$"Column.{column}"];

    public string Mode(SessionMode mode) => Words[$"Mode.{mode}"];

    public string Missed(bool missed) => missed ? Words["Yes"] : Words["No"];
}

/// <summary>
/// Every column of one intervener's statement file: the date, a neutral case reference, the mode, whether the session was
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

/// <summary>One line of one intervener's statement file; its properties are <see cref="StatementColumn"/>, in order.</summary>
public sealed record StatementExportRow(DateTime Date, string CaseReference, string Mode, string Missed, int Minutes, decimal Amount);

/// <summary>
/// One session of HR's all-interveners file (decision 035): the intervener (whose invoice it is), then the columns of an
/// intervener's statement. Its properties are the allowed columns.
/// </summary>
public sealed record AllStatementsRow(string Intervener, DateTime Date, string CaseReference, string Mode, string Missed, int Minutes, decimal Amount);

/// <summary>One intervener's month in HR's all-interveners file: the figures of the statements page.</summary>
public sealed record IntervenerTotalRow(string Intervener, int Sessions, int Minutes, decimal HourlyRate, decimal Amount);

/// <summary>Writes statements with <see cref="TableExport"/>: CSV in the reader's culture, XLSX with date cells and numbers.</summary>
public static class StatementExport
{
    public static IReadOnlyList<StatementColumn> Columns { get; } = Enum.GetValues<StatementColumn>();

    /// <summary>The session columns of HR's all-interveners file.</summary>
    public static IReadOnlyList<string> AllColumns { get; } = typeof(AllStatementsRow).GetProperties().Select(p => p.Name).ToList();

    /// <summary>The columns of its totals (a sheet in XLSX, the "Total" rows at the end of the CSV).</summary>
    public static IReadOnlyList<string> TotalColumns { get; } = typeof(IntervenerTotalRow).GetProperties().Select(p => p.Name).ToList();

    /// <summary>The CSV's first column, telling a session line from a total line.</summary>
    public const string LineColumn = "Line";

    /// <summary>An intervener's file: the month in its name.</summary>
    public static string FileName(StatementPeriod period, ExportFormat format) => FileDownload.FileName("statement", Month(period), format);

    /// <summary>HR's all-interveners file: the month in its name.</summary>
    public static string AllFileName(StatementPeriod period, ExportFormat format) => FileDownload.FileName("statements-all", Month(period), format);

    public static async Task WriteAsync(MonthlyStatement statement, ExportFormat format, StatementTexts texts, Stream destination, CancellationToken cancellationToken)
    {
        var rows = statement.Lines.Select(line => new StatementExportRow(
            line.Date.ToDateTime(TimeOnly.MinValue),
            line.CaseReference,
            texts.Mode(line.Mode),
            texts.Missed(line.Missed),
            line.DurationMinutes,
            statement.AmountOf(line) / 100m));
        if (format == ExportFormat.Csv)
        {
            await TableExport.WriteCsvAsync(destination, texts.Culture, Columns.Select(c => texts.Header(c.ToString())), rows.ToAsyncEnumerable(),
                row => [row.Date, row.CaseReference, row.Mode, row.Missed, row.Minutes, row.Amount], cancellationToken);
            return;
        }

        await TableExport.WriteXlsxAsync(destination, [(texts["Title"], rows)], XlsxColumns(texts), cancellationToken);
    }

    /// <summary>
    /// HR's month: every session (read as it is written), then each intervener's total and the month's. XLSX: a sheet of
    /// sessions and a sheet of totals. CSV (one table): a first column says "session" or "total"; the total lines come last.
    /// </summary>
    public static async Task WriteAllAsync(IAsyncEnumerable<AllStatementsRow> sessions, StatementsOverview overview, ExportFormat format, StatementTexts texts,
        Stream destination, CancellationToken cancellationToken)
    {
        var totals = overview.Interveners
            .Select(i => new IntervenerTotalRow(i.Name, i.SessionCount, i.TotalMinutes, i.HourlyRateCents / 100m, i.AmountCents / 100m))
            .ToList();
        if (format == ExportFormat.Xlsx)
        {
            await TableExport.WriteXlsxAsync(destination, [(texts["Sheet.Sessions"], sessions), (texts["Sheet.Totals"], totals)], XlsxColumns(texts), cancellationToken);
            return;
        }

        var lines = sessions.Select(s => (object?[])[texts["Line.Session"], s.Intervener, s.Date, s.CaseReference, s.Mode, s.Missed, s.Minutes, s.Amount])
            .Concat(totals.Select(t => (object?[])[texts["Line.Intervener"], t.Intervener, null, null, null, null, t.Minutes, t.Amount]).ToAsyncEnumerable())
            .Append([texts["Line.Month"], null, null, null, null, null, overview.TotalMinutes, overview.AmountCents / 100m]);
        await TableExport.WriteCsvAsync(destination, texts.Culture, AllCsvColumns.Select(texts.Header), lines, line => line, cancellationToken);
    }

    /// <summary>The CSV's columns: the line's kind, then the session columns.</summary>
    public static IReadOnlyList<string> AllCsvColumns { get; } = [LineColumn, .. AllColumns];

    private static IEnumerable<MiniExcelLibs.Attributes.DynamicExcelColumn> XlsxColumns(StatementTexts texts) =>
        Columns.Select(c => c.ToString()).Concat(AllColumns).Concat(TotalColumns).Distinct()
            .Select(column => TableExport.Column(column, texts.Header(column), column switch
            {
                nameof(StatementExportRow.Date) => TableExport.DateFormat,
                nameof(StatementExportRow.Amount) or nameof(IntervenerTotalRow.HourlyRate) => TableExport.EuroFormat,
                _ => null,
            }));

    private static string Month(StatementPeriod period) => FormattableString.Invariant($"{period.Year:0000}-{period.Month:00}");
}
