using System.Diagnostics;
using System.Globalization;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Benchmarks.Queries;
using CoupDePousse.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CoupDePousse.Benchmarks.Exports;

/// <summary>HR's whole pipeline exported once as CSV then XLSX to temporary files: rows, time, file size, allocations and peak working set.</summary>
public static class ExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var databasePath = Path.GetFullPath(args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault() ?? "CoupDePousse.App/data/bench.db");
        if (!File.Exists(databasePath))
        {
            Console.Error.WriteLine($"No database at {databasePath}: generate one first (scripts/benchmark.sh does).");
            return 1;
        }

        await using var services = QueryBenchmark.BuildServices(databasePath);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        // The export checks the actor's role only: any HR id will do.
        var hr = Actor.Hr("benchmark-hr");
        var text = new StringLocalizer<PipelineText>(new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        Console.WriteLine($"Database: {databasePath}; {Environment.ProcessorCount} cores, .NET {Environment.Version}; {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine($"Working set before: {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:N0} MiB");

        foreach (var (format, write) in new (string, Func<Stream, Task<Result>>)[]
        {
            ("csv", stream => services.CreateScope().ServiceProvider.GetRequiredService<PipelineService>().WriteCsvAsync(hr, new PipelineFilter(), text, stream)),
            ("xlsx", stream => services.CreateScope().ServiceProvider.GetRequiredService<PipelineService>().WriteXlsxAsync(hr, new PipelineFilter(), text, stream)),
        })
        {
            var path = Path.Combine(Path.GetTempPath(), $"pipeline-export-bench.{format}");
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path))
            {
                (await write(file)).IsSuccess.Or(() => throw new InvalidOperationException("refused"));
            }

            watch.Stop();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(
                $"{format}: {watch.Elapsed.TotalSeconds:N1} s, {new FileInfo(path).Length / 1048576.0:N1} MiB file, " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:N0} MiB allocated, peak working set so far {process.PeakWorkingSet64 / 1048576.0:N0} MiB, " +
                $"managed heap now {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MiB");
            File.Delete(path);
        }

        return 0;
    }

    private static void Or(this bool success, Action fail)
    {
        if (!success)
        {
            fail();
        }
    }
}
