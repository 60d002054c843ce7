using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CoupDePousse.App.Features.Common;

/// <summary>The two file formats every export offers.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The one way the app writes a table to a file (decision 035). CSV (CsvHelper): UTF-8 with a byte order mark so that
/// Excel reads accents, ';' and decimal commas where the comma is the decimal separator (French), ',' and '.' otherwise;
/// ISO dates; whole numbers without grouping; cells a spreadsheet would run as formulas escaped. XLSX (MiniExcel): typed
/// rows whose properties are the columns, renamed into the reader's language, dates as date cells, numbers as numbers;
/// written to a seekable stream (the HTTP side gives it a temporary file, never memory).
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The cell format of a date column.</summary>
    public const string DateFormat = "yyyy-mm-dd";

    /// <summary>The cell format of an amount in euros.</summary>
    public const string EuroFormat = "#,##0.00 €";

    /// <summary>The cell format of hours with decimals.</summary>
    public const string HoursFormat = "0.00";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? CsvContentType : XlsxContentType;

    /// <summary>The format a link's extension names; null for anything else (the endpoint answers 404).</summary>
    public static ExportFormat? ParseExtension(string? extension) => extension switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>The separator a spreadsheet in this language expects: ';' where the comma is the decimal separator.</summary>
    public static char CsvSeparator(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

    /// <summary>
    /// The CSV writer's buffer: bytes reach the reader (and the download button's progress, and a cancel's effect) every
    /// 16 KiB rather than CsvHelper's default 64 KiB.
    /// </summary>
    public const int CsvBufferSize = 16 * 1024;

    /// <summary>A CSV writer over <paramref name="destination"/> (left open) with the house settings for <paramref name="culture"/>.</summary>
    public static CsvWriter OpenCsv(Stream destination, CultureInfo culture) => CsvWriter.Create(
        destination,
        new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, Separator = CsvSeparator(culture), BufferSize = CsvBufferSize },
        leaveOpen: true);

    /// <summary>
    /// Writes a header line then one line per row, as the rows come (an asynchronous sequence is read as it is written),
    /// each cell formatted by <see cref="CsvCell"/>.
    /// </summary>
    public static async Task WriteCsvAsync<T>(Stream destination, CultureInfo culture, IEnumerable<string> headers, IAsyncEnumerable<T> rows,
        Func<T, IEnumerable<object?>> cells, CancellationToken cancellationToken)
    {
        await using var csv = OpenCsv(destination, culture);
        await csv.WriteRecordAsync(headers.ToArray(), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(cells(row).Select(cell => CsvCell(cell, culture)).ToArray(), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A typed value as CSV text: a date as yyyy-MM-dd, an instant as UTC ISO 8601, whole numbers invariant, decimals in
    /// the file's culture (their separator matches the file's), text as is. A caller wanting a fixed number of decimals
    /// passes the formatted text.
    /// </summary>
    public static string? CsvCell(object? value, CultureInfo culture) => value switch
    {
        null => null,
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        int or long or short or Guid => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, culture),
        _ => value.ToString(),
    };

    /// <summary>A column of a typed XLSX row: the property it reads, its header in the reader's language, its cell format.</summary>
    public static DynamicExcelColumn Column(string property, string header, string? format = null) => new(property) { Name = header, Format = format };

    /// <summary>
    /// Writes one sheet per entry, in order, each a sequence of typed rows (read as written; an asynchronous sequence too),
    /// the columns renamed and formatted by <paramref name="columns"/>. <paramref name="destination"/> must accept
    /// synchronous writes (the zip writer's): a file, not the response.
    /// </summary>
    public static Task WriteXlsxAsync(Stream destination, IReadOnlyList<(string Name, object Rows)> sheets, IEnumerable<DynamicExcelColumn> columns, CancellationToken cancellationToken)
    {
        var configuration = new OpenXmlConfiguration { EnableWriteNullValueCell = false, DynamicColumns = columns.ToArray() };
        return sheets.Count == 1
            ? destination.SaveAsAsync(sheets[0].Rows, sheetName: sheets[0].Name, configuration: configuration, cancellationToken: cancellationToken)
            : destination.SaveAsAsync(sheets.ToDictionary(s => s.Name, s => s.Rows), configuration: configuration, cancellationToken: cancellationToken);
    }
}
