using System.Globalization;
using CoupDePousse.App.Features.Common;
using Microsoft.Extensions.Localization;
using MiniExcelLibs.Attributes;

namespace CoupDePousse.App.Features.Reports;

/// <summary>
/// The report's tables as files (decisions 033, 035), written by <see cref="TableExport"/> like every export: the page's
/// figures, in the page's words, in the request's language. A withheld figure is an empty value with the "withheld" marker
/// beside it (CSV) or the marker in place of the number (XLSX): the number itself is never written.
/// </summary>
public static class ReportExport
{
    /// <summary>The name of the report's files: <c>programme-report-YYYY.csv|xlsx</c>.</summary>
    public static string FileName(int year, ExportFormat format) =>
        FileDownload.FileName("programme-report", year.ToString(CultureInfo.InvariantCulture), format);

    /// <summary>How many lines the CSV holds (one per figure), announced to the download button.</summary>
    public static long CsvLines(IReadOnlyList<ReportTable> tables) => tables.Sum(t => t.Rows.Sum(r => (long)r.Cells.Count));

    /// <summary>Long format, one line per figure: table, group, figure, value, note (the house CSV: byte order mark, ';' and decimal commas in French).</summary>
    public static Task WriteCsvAsync(IReadOnlyList<ReportTable> tables, IStringLocalizer<ReportText> text, Stream destination, CancellationToken cancellationToken = default)
    {
        var withheld = text["Withheld"].Value;
        var lines = tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select(c => (Table: t, Row: r, Cell: c)))).ToAsyncEnumerable();
        return TableExport.WriteCsvAsync(destination, CultureInfo.CurrentCulture, CsvHeaders(text), lines,
            line => [line.Table.Title, line.Row.Label, line.Cell.Figure, line.Cell.Value, line.Cell.Withheld ? withheld : null], cancellationToken);
    }

    /// <summary>The CSV's column headers in the current language.</summary>
    public static IEnumerable<string> CsvHeaders(IStringLocalizer<ReportText> text) =>
        new[] { "Table", "Group", "Figure", "Value", "Note" }.Select(h => text[$"Export.{h}"].Value);

    /// <summary>The cell format of a share (0–1) shown as a percentage.</summary>
    public const string PercentFormat = "0%";

    /// <summary>
    /// One sheet per table: the group, then one number cell per figure (a column of shares formatted as percentages); a
    /// withheld figure holds the marker, never a number. The key figures mix days and shares in one column: there a share
    /// stays a fraction and its label says "(0–1)".
    /// </summary>
    public static Task WriteXlsxAsync(IReadOnlyList<ReportTable> tables, IStringLocalizer<ReportText> text, Stream destination, CancellationToken cancellationToken = default)
    {
        var withheld = text["Withheld"].Value;
        var keyOf = ReportTables.FigureKeys.ToDictionary(key => text[$"Figure.{key}"].Value, key => key);
        var sheets = tables.Select(table => (SheetName(table, text), (object)table.Rows.Select(row =>
        {
            // Every column on every line: the sheet's columns are read from its first line.
            var line = new Dictionary<string, object?> { [GroupColumn] = XlsxLabel(table, row, text) };
            foreach (var figure in table.Figures)
            {
                line[keyOf[figure]] = null;
            }

            foreach (var cell in row.Cells)
            {
                line[keyOf[cell.Figure]] = cell.Withheld ? withheld : cell.Value;
            }

            return line;
        }).ToList())).ToList();
        return TableExport.WriteXlsxAsync(destination, sheets, Columns(text), cancellationToken);
    }

    /// <summary>A table's sheet name: short, in the current language.</summary>
    public static string SheetName(ReportTable table, IStringLocalizer<ReportText> text)
    {
        var name = char.ToUpperInvariant(table.Key[0]) + table.Key[1..];
        return text[$"Sheet.{name}"].Value;
    }

    private const string GroupColumn = "Group";

    private static IEnumerable<DynamicExcelColumn> Columns(IStringLocalizer<ReportText> text) =>
    [
        TableExport.Column(GroupColumn, text["Group"]),
        .. ReportTables.FigureKeys.Select(key => TableExport.Column(key, text[$"Figure.{key}"], key == "Recommending" ? PercentFormat : null)),
    ];

    // A share in a column that also holds days keeps its fraction: its label says so.
    private static string XlsxLabel(ReportTable table, ReportRow row, IStringLocalizer<ReportText> text) =>
        table.Key == ReportTables.Indicators && row.Cells.Any(c => c.Kind == FigureKind.Share)
            ? $"{row.Label} {text["Export.ShareUnit"]}"
            : row.Label;
}
