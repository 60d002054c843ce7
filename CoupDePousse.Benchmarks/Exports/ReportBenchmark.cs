using System.Diagnostics;
using CoupDePousse.App.Features.Reports;
using CoupDePousse.Benchmarks.Queries;
using CoupDePousse.Domain.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CoupDePousse.Benchmarks.Exports;

/// <summary>HR's programme report (decision 033) for each year of the database: time per load, allocations and peak working set.</summary>
public static class ReportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var databasePath = Path.GetFullPath(args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault() ?? "CoupDePousse.App/data/bench.db");
        var runs = int.TryParse(args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault(), out var r) ? r : 10;
        if (!File.Exists(databasePath))
        {
            Console.Error.WriteLine($"No database at {databasePath}: generate one first (scripts/benchmark.sh does).");
            return 1;
        }

        await using var services = QueryBenchmark.BuildServices(databasePath);
        // The report checks the actor's role only: any HR id will do.
        var hr = Actor.Hr("benchmark-hr");
        ReportService Service() => services.CreateScope().ServiceProvider.GetRequiredService<ReportService>();
        Console.WriteLine($"Database: {databasePath}; {Environment.ProcessorCount} cores, .NET {Environment.Version}; {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}; {runs} runs after 1 warm-up");

        var years = (await Service().GetAsync(hr)).Value.Years;
        foreach (var year in years)
        {
            var total = (await Service().GetAsync(hr, year)).Value.Report.Total;
            var times = new List<double>();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                (await Service().GetAsync(hr, year)).IsSuccess.Or(() => throw new InvalidOperationException("refused"));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(
                $"{year}: {total?.ToString("N0") ?? "withheld"} cases; median {times[times.Count / 2]:N0} ms, max {times[^1]:N0} ms, " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0 / runs:N1} MiB allocated per load, peak working set so far {process.PeakWorkingSet64 / 1048576.0:N0} MiB");
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
