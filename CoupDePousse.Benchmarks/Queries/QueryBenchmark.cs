using System.Diagnostics;
using System.Globalization;
using CoupDePousse.App.Data;
using CoupDePousse.App.Features.Cases;
using CoupDePousse.App.Features.Pipeline;
using CoupDePousse.Domain.Cases;
using CoupDePousse.Domain.Catalogue;
using CoupDePousse.Domain.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CoupDePousse.Benchmarks.Queries;

/// <summary>
/// HR's pages, and the pages around them, timed through the app's services and as hand-written SQL on one generated
/// database, checked to give the same rows and figures: median, p95, allocations and the ratio, against the targets.
/// </summary>
internal static class QueryBenchmark
{
    private const double TargetMedianMs = 50;
    private const double TargetRatio = 1.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (!File.Exists(options.DatabasePath))
        {
            Console.Error.WriteLine($"No database at {options.DatabasePath}: generate one first (scripts/benchmark.sh does).");
            return 1;
        }

        await using var services = BuildServices(options.DatabasePath);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var sql = new HandWrittenSql(
            new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = true, Mode = SqliteOpenMode.ReadOnly }.ToString(),
            services.GetRequiredService<IDataProtectionProvider>());
        var subjects = await Subjects.FindAsync(dbFactory);
        Console.WriteLine($"Database: {options.DatabasePath} — {subjects.CaseCount:N0} cases, {subjects.PeopleCount:N0} people; {options.Runs} runs after {options.Warmup} warm-up");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine();

        var pipeline = () => services.CreateScope().ServiceProvider.GetRequiredService<PipelineService>();
        var cases = () => services.CreateScope().ServiceProvider.GetRequiredService<CaseService>();
        var lastPage = Math.Max(1, (subjects.CaseCount + PageSize - 1) / PageSize);
        Operation[] operations =
        [
            new("HR dashboard",
                async () => (await pipeline().GetHrDashboardAsync(subjects.Hr)).Value,
                async () => await sql.DashboardAsync(PipelineService.DashboardListSize),
                (service, hand) => Compare.Dashboard((HrDashboardView)service!, (HandWrittenSql.Dashboard)hand!)),
            Pipeline("pipeline, no filter", new PipelineFilter(), HandWrittenSql.Where.None, 1),
            Pipeline("pipeline, page 100", new PipelineFilter(), HandWrittenSql.Where.None, 100),
            Pipeline($"pipeline, last page ({lastPage:N0})", new PipelineFilter(), HandWrittenSql.Where.None, lastPage),
            Pipeline("pipeline, state filter", new PipelineFilter(State: CaseState.InSessions), new("c.State = @state", "State = @state", ("@state", nameof(CaseState.InSessions))), 1),
            Pipeline("pipeline, domain filter", new PipelineFilter(Domain: CoachingDomain.StressAndEmotions),
                new("(c.DomainFlags & @flag) <> 0", "(DomainFlags & @flag) <> 0", ("@flag", CoachingDomain.StressAndEmotions.Flag())), 1),
            Pipeline("pipeline, department filter", new PipelineFilter(Department: subjects.Department), new("c.Department = @department", "Department = @department", ("@department", subjects.Department)), 1),
            Pipeline("pipeline, intervener filter", new PipelineFilter(IntervenerId: subjects.Intervener.UserId),
                new("c.IntervenerId = @intervener", null, ("@intervener", subjects.Intervener.UserId)), 1),
            Pipeline("pipeline, waiting on HR", new PipelineFilter(WaitingOn: WaitingParty.HR), new("c.WaitingOn = 'HR'", "WaitingOn = 'HR'"), 1),
            new("case page (HR)",
                async () => await cases().GetAsync(subjects.Hr, subjects.CaseId),
                async () => await sql.CaseAsync(subjects.CaseId.ToString().ToUpperInvariant()),
                (service, hand) => Compare.Case((CaseView?)service, (HandWrittenSql.CasePage)hand!)),
            new("intervener's list",
                async () => await cases().ListMyCasesAsync(subjects.Intervener, new PageRequest(1, PageSize)),
                async () => await sql.InterveningListAsync(subjects.Intervener.UserId, PageSize),
                (service, hand) => Compare.List((PagedResult<CaseListItem>)service!, ((int, IReadOnlyList<HandWrittenSql.ListedCase>))hand!)),
        ];

        var results = new List<Measured>();
        foreach (var operation in operations)
        {
            var measured = await MeasureAsync(operation, options);
            results.Add(measured);
            Console.WriteLine($"  measured {operation.Name}");
        }

        Console.WriteLine();
        Print(results);
        var allMet = results.All(r => r.Met);
        Console.WriteLine();
        Console.WriteLine(allMet
            ? $"Every target met: each service call under {TargetMedianMs} ms median and within {TargetRatio}× of the hand-written SQL, with the same rows and figures."
            : "Some targets NOT met (see the rows marked NOT met).");
        return results.All(r => r.SameResult) ? 0 : 3;

        Operation Pipeline(string name, PipelineFilter filter, HandWrittenSql.Where where, int page) => new(
            name,
            async () => (await pipeline().GetOverviewAsync(subjects.Hr, filter, new PageRequest(page, PageSize))).Value,
            async () => await sql.OverviewAsync(where, oldestFirst: filter.WaitingOn is not null, (page - 1) * PageSize, PageSize),
            (service, hand) => Compare.Overview((PipelineOverview)service!, (HandWrittenSql.Overview)hand!));
    }

    private const int PageSize = 25;

    private static async Task<Measured> MeasureAsync(Operation operation, BenchmarkOptions options)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            await operation.Service();
            await operation.Sql();
        }

        var differences = operation.Compare(await operation.Service(), await operation.Sql());
        var service = new List<(double Ms, long Bytes)>();
        var sql = new List<(double Ms, long Bytes)>();
        for (var i = 0; i < options.Runs; i++)
        {
            // Interleaved, so that a change in the machine's load weighs on both sides alike.
            service.Add(await TimeAsync(operation.Service));
            sql.Add(await TimeAsync(operation.Sql));
        }

        return new Measured(operation.Name, Summary.Of(service), Summary.Of(sql), differences);
    }

    private static async Task<(double, long)> TimeAsync(Func<Task<object?>> run)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static void Print(List<Measured> results)
    {
        var header = $"| {"operation",-32} | {"service median",14} | {"p95",8} | {"allocated",10} | {"SQL median",10} | {"p95",8} | {"ratio",6} | {"same result",11} | {"targets",8} |";
        Console.WriteLine(header);
        Console.WriteLine("|" + string.Join("|", header.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(c => new string('-', c.Length))) + "|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name,-32} | {r.Service.MedianMs,11:F1} ms | {r.Service.P95Ms,5:F1} ms | {Kib(r.Service.MedianBytes),10} | {r.Sql.MedianMs,7:F1} ms | {r.Sql.P95Ms,5:F1} ms | {r.Ratio,5:F2}× | {(r.SameResult ? "yes" : "NO"),11} | {(r.Met ? "met" : "NOT met"),8} |"));
        }

        foreach (var r in results.Where(r => !r.SameResult))
        {
            Console.WriteLine($"  {r.Name}: {string.Join("; ", r.Differences)}");
        }
    }

    private static string Kib(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:F1} MiB" : $"{bytes / 1024.0:F0} KiB";

    internal static ServiceProvider BuildServices(string databasePath)
    {
        var contentRoot = Path.GetDirectoryName(databasePath)!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseStartup.PathKey] = databasePath,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new BenchmarkEnvironment(contentRoot));
        services.AddAppKeyRing(configuration, contentRoot);
        services.AddAppDatabase(configuration);
        CoupDePousse.App.Features.FeatureServices.AddFeatureServices(services);
        return services.BuildServiceProvider();
    }

    private sealed class BenchmarkEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "CoupDePousse.App";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed record Operation(string Name, Func<Task<object?>> Service, Func<Task<object?>> Sql, Func<object?, object?, IReadOnlyList<string>> Compare);

    private sealed record Summary(double MedianMs, double P95Ms, long MedianBytes)
    {
        public static Summary Of(List<(double Ms, long Bytes)> runs)
        {
            var times = runs.Select(r => r.Ms).Order().ToList();
            var bytes = runs.Select(r => r.Bytes).Order().ToList();
            return new Summary(times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], bytes[bytes.Count / 2]);
        }
    }

    private sealed record Measured(string Name, Summary Service, Summary Sql, IReadOnlyList<string> Differences)
    {
        public double Ratio => Service.MedianMs / Math.Max(0.001, Sql.MedianMs);

        public bool SameResult => Differences.Count == 0;

        public bool Met => SameResult && Service.MedianMs < TargetMedianMs && Ratio <= TargetRatio;
    }

    private sealed record BenchmarkOptions(string DatabasePath, int Runs, int Warmup)
    {
        public static BenchmarkOptions Parse(string[] args)
        {
            string Value(string name, string fallback) =>
                args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
            return new BenchmarkOptions(
                Path.GetFullPath(Value("--database", "CoupDePousse.App/data/bench.db")),
                int.Parse(Value("--runs", "20"), CultureInfo.InvariantCulture),
                int.Parse(Value("--warmup", "3"), CultureInfo.InvariantCulture));
        }
    }
}
