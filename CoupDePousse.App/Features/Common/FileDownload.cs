using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CoupDePousse.App.Features.Common;

/// <summary>
/// The HTTP side of every export (decision 035): the content type, an attachment named with its date, never cached, the
/// number of rows when the endpoint knows it (for the download button's progress), and the body written as it is produced:
/// a CSV straight to the response, an XLSX into a temporary file deleted on close (the zip writer writes synchronously,
/// which the response refuses; a file keeps memory flat) then copied with its length. The request's abort token stops
/// the writing. An endpoint authorizes before it returns this result, so that a refusal is a clean status, not half a file.
/// </summary>
public static class FileDownload
{
    /// <summary>The header announcing the number of data rows, read by the download button to show rows as well as bytes.</summary>
    public const string TotalRowsHeader = "X-Total-Rows";

    /// <summary>A file name: the export's name, the date it describes (the day of a live list, the month of a statement), the extension.</summary>
    public static string FileName(string name, string date, ExportFormat format) => $"{name}-{date}.{TableExport.Extension(format)}";

    /// <summary>The name of a live list's file: its name and the day it was taken.</summary>
    public static string FileName(string name, DateOnly day, ExportFormat format) =>
        FileName(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), format);

    /// <summary>The result that writes the file; <paramref name="write"/> receives the destination and the request's abort token.</summary>
    public static IResult Send(string fileName, ExportFormat format, Func<Stream, CancellationToken, Task> write, long? totalRows = null) =>
        new DownloadResult(fileName, format, write, totalRows);

    private sealed class DownloadResult(string fileName, ExportFormat format, Func<Stream, CancellationToken, Task> write, long? totalRows) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var aborted = httpContext.RequestAborted;
            response.ContentType = TableExport.ContentType(format);
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.CacheControl = "no-store";
            if (totalRows is { } rows)
            {
                response.Headers[TotalRowsHeader] = rows.ToString(CultureInfo.InvariantCulture);
            }

            try
            {
                if (format == ExportFormat.Csv)
                {
                    await write(response.Body, aborted);
                    return;
                }

                await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await write(file, aborted);
                response.ContentLength = file.Length;
                file.Position = 0;
                await file.CopyToAsync(response.Body, aborted);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The reader cancelled: the database read and the writing stopped; nobody is left to answer.
            }
        }
    }
}
