// The performance tooling, run by scripts rather than by the test command:
//   queries  — HR's pages through the services and as hand-written SQL on one generated database (scripts/benchmark.sh)
//   circuits — signed-in HR dashboards in Chromium: memory per circuit and click latency (scripts/circuits.sh)
//   export   — HR's whole pipeline as CSV and XLSX: time and peak memory (decision 032)
//   report   — HR's programme report for each year: time per load and memory (decision 033)
using CoupDePousse.Benchmarks.Circuits;
using CoupDePousse.Benchmarks.Exports;
using CoupDePousse.Benchmarks.Queries;

var verb = args.FirstOrDefault();
var rest = args.Skip(1).ToArray();
return verb switch
{
    "queries" => await QueryBenchmark.RunAsync(rest),
    "circuits" => await CircuitsBenchmark.RunAsync(rest),
    "export" => await ExportBenchmark.RunAsync(rest),
    "report" => await ReportBenchmark.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CoupDePousse.Benchmarks (queries|circuits|export|report) [options]");
    return 2;
}
