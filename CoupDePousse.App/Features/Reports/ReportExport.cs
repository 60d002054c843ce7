using System.Globalization;
using CsvHelper;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CoupDePousse.App.Features.Reports;

/// <summary>
/// The report's tables as files (decision 033): the page's figures, in the page's words, in the request's language. A
/// withheld figure is an empty value with the "withheld" marker beside it (CSV) or the marker in place of the number
/// (XLSX): the number itself is never written. Self-contained for now: the shared export helper will take it over.
/// </summary>
public static class ReportExport
{
    /// <summary>Long format, one line per figure: table, group, figure, value, note; UTF-8 with a byte order mark, ';' and decimal commas in French.</summary>
    public static async Task WriteCsvAsync(IReadOnlyList<ReportTable> tables, IStringLocalizer<ReportText> text, Stream destination, CancellationToken cancellationToken = default)
    {
        var culture = CultureInfo.CurrentCulture;
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            Separator = culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',',
        };
        await using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        await csv.WriteRecordAsync(CsvHeaders(text).ToArray(), cancellationToken);
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    await csv.WriteRecordAsync(
                        [table.Title, row.Label, cell.Figure, cell.Value?.ToString(culture) ?? "", cell.Withheld ? text["Withheld"].Value : ""],
                        cancellationToken);
                }
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The CSV's column headers in the current language.</summary>
    public static IEnumerable<string> CsvHeaders(IStringLocalizer<ReportText> text) =>
        new[] { "Table", "Group", "Figure", "Value", "Note" }.Select(h => text[$"Export.{h}"].Value);

    /// <summary>One sheet per table: the group, then one number cell per figure; a withheld figure holds the marker, never a number.</summary>
    public static async Task WriteXlsxAsync(IReadOnlyList<ReportTable> tables, IStringLocalizer<ReportText> text, Stream destination, CancellationToken cancellationToken = default)
    {
        var withheld = text["Withheld"].Value;
        var group = text["Group"].Value;
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            var rows = table.Rows.Select(row =>
            {
                // Every column on every line: the sheet's columns are read from its first line.
                var line = new Dictionary<string, object?> { [group] = row.Label };
                foreach (var figure in table.Figures)
                {
                    line[figure] = null;
                }

                foreach (var cell in row.Cells)
                {
                    line[cell.Figure] = cell.Withheld ? withheld : cell.Value;
                }

                return line;
            }).ToList();
            sheets[SheetName(table, text)] = rows;
        }

        await destination.SaveAsAsync(sheets, cancellationToken: cancellationToken);
    }

    /// <summary>A table's sheet name: short, in the current language.</summary>
    public static string SheetName(ReportTable table, IStringLocalizer<ReportText> text)
    {
        var name = char.ToUpperInvariant(table.Key[0]) + table.Key[1..];
        return text[$"Sheet.{name}"].Value;
    }
}
