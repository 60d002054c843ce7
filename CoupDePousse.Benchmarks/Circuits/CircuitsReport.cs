using System.Globalization;
using CoupDePousse.App.Diagnostics;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>The figures of one run, each against its target, and what bounded the run on this machine.</summary>
internal sealed class CircuitsReport(
    CircuitsOptions options,
    MemoryReport baseline,
    MemoryReport atMemoryCircuits,
    MemoryReport? atLoadCircuits,
    MemoryReport? afterLoad,
    IReadOnlyList<DashboardPage> pages,
    CpuUse cpu)
{
    public const double HeapTargetKiB = 500;
    public const double P95TargetMilliseconds = 100;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(F($"Circuits benchmark · {options.Url} · {Environment.ProcessorCount} cores · Chromium with at most {options.RendererProcesses} renderer processes"));
        output.WriteLine();
        PrintMemory(output);
        output.WriteLine();
        PrintClicks(output);
        output.WriteLine();
        PrintCpu(output);
    }

    private void PrintMemory(TextWriter output)
    {
        var added = atMemoryCircuits.OpenCircuits - baseline.OpenCircuits;
        var heapPerCircuit = KiB(atMemoryCircuits.ManagedHeapBytes - baseline.ManagedHeapBytes) / options.MemoryCircuits;
        var rssPerCircuit = KiB(atMemoryCircuits.WorkingSetBytes - baseline.WorkingSetBytes) / options.MemoryCircuits;

        output.WriteLine(F($"Memory per HR circuit ({options.MemoryCircuits} dashboards opened; server measured after a full compacting GC)"));
        Row(output, "managed heap per circuit", F($"{heapPerCircuit:0.0} KiB"), F($"target < {HeapTargetKiB:0} KiB"), heapPerCircuit < HeapTargetKiB);
        Row(output, "RSS per circuit", F($"{rssPerCircuit:0.0} KiB"), "no target", null);
        Row(output, "open circuits", F($"{baseline.OpenCircuits} → {atMemoryCircuits.OpenCircuits}"), F($"expected +{options.MemoryCircuits}"), added == options.MemoryCircuits);
        output.WriteLine(F($"    server: managed heap {MiB(baseline.ManagedHeapBytes):0.0} → {MiB(atMemoryCircuits.ManagedHeapBytes):0.0} MiB, RSS {MiB(baseline.WorkingSetBytes):0} → {MiB(atMemoryCircuits.WorkingSetBytes):0} MiB"));
        if (atLoadCircuits is not null)
        {
            var all = Math.Max(atLoadCircuits.OpenCircuits - baseline.OpenCircuits, 1);
            output.WriteLine(F($"    with {all} circuits: {KiB(atLoadCircuits.ManagedHeapBytes - baseline.ManagedHeapBytes) / all:0.0} KiB managed heap and {KiB(atLoadCircuits.WorkingSetBytes - baseline.WorkingSetBytes) / all:0.0} KiB RSS per circuit (heap {MiB(atLoadCircuits.ManagedHeapBytes):0.0} MiB, RSS {MiB(atLoadCircuits.WorkingSetBytes):0} MiB)"));
        }
    }

    private void PrintClicks(TextWriter output)
    {
        var latencies = pages.SelectMany(p => p.Latencies).Order().ToList();
        var roundTrips = pages.SelectMany(p => p.RoundTrips).Order().ToList();
        var dropped = pages.Where(p => p.Dropped).ToList();
        // The warm-up tab that signed in is open too.
        var expectedCircuits = pages.Count + 1;
        var serverKeptAll = afterLoad is not null && afterLoad.OpenCircuits >= expectedCircuits;
        var p95 = Percentile(latencies, 95);

        output.WriteLine(F($"Click-to-render ({pages.Count} circuits, each clicking the to-do order switch every {options.Interval.TotalSeconds:0.#} s for {options.Duration.TotalSeconds:0} s; timed in the page from the click to the DOM change)"));
        Row(output, "clicks answered", F($"{latencies.Count}"), F($"of ~{ExpectedClicks()} scheduled"), null);
        Row(output, "p50", Milliseconds(Percentile(latencies, 50)), "", null);
        Row(output, "p95", Milliseconds(p95), F($"target < {P95TargetMilliseconds:0} ms"), p95 < P95TargetMilliseconds);
        Row(output, "max", Milliseconds(latencies.Count > 0 ? latencies[^1] : double.NaN), "", null);
        Row(output, "dropped circuits", F($"{dropped.Count}"), "target 0", dropped.Count == 0 && serverKeptAll);
        foreach (var reason in dropped.SelectMany(p => p.DropReasons.Distinct()).GroupBy(r => r).OrderByDescending(g => g.Count()))
        {
            output.WriteLine(F($"    {reason.Count()} × {reason.Key}"));
        }

        Row(output, "server's open circuits", afterLoad is null ? "no answer" : F($"{afterLoad.OpenCircuits}"), F($"expected >= {expectedCircuits}"), serverKeptAll);
        output.WriteLine(F($"    clicks that started late (the page's previous click still waiting): {pages.Sum(p => p.LateBeats)}; Playwright round trip p50 {Milliseconds(Percentile(roundTrips, 50))}, p95 {Milliseconds(Percentile(roundTrips, 95))} (not counted)"));
        if (afterLoad is not null)
        {
            output.WriteLine(F($"    after the run: managed heap {MiB(afterLoad.ManagedHeapBytes):0.0} MiB, RSS {MiB(afterLoad.WorkingSetBytes):0} MiB"));
        }
    }

    private void PrintCpu(TextWriter output)
    {
        output.WriteLine(F($"CPU while clicking ({cpu.Wall.TotalSeconds:0} s; 100 % = one core, the machine has {Environment.ProcessorCount * 100} %)"));
        Row(output, "server", cpu.Server is { } server ? F($"{cpu.Percent(server):0} %") : options.ServerPid is null ? "(no --pid)" : "(process gone)", "", null);
        Row(output, "browser (Chromium)", F($"{cpu.Percent(cpu.Browser):0} %"), F($"memory {MiB(cpu.BrowserMemoryBytes):0} MiB (PSS)"), null);
        Row(output, "Playwright's driver", F($"{cpu.Percent(cpu.Driver):0} %"), "", null);
        Row(output, "benchmark", F($"{cpu.Percent(cpu.Benchmark):0} %"), "", null);
        Row(output, "other processes", cpu.Others is { } others ? F($"{cpu.Percent(others):0} %") : "(no /proc)", "", null);
        Row(output, "whole machine", cpu.MachineBusy is { } busy ? F($"{cpu.Percent(busy):0} %") : "(no /proc)", "", null);
        if (cpu.MachineBusy is { } machine && cpu.Percent(machine) > 85 * Environment.ProcessorCount)
        {
            var heaviest = new[] { ("the server", cpu.Server ?? TimeSpan.Zero), ("the browser", cpu.Browser), ("Playwright's driver", cpu.Driver), ("other processes", cpu.Others ?? TimeSpan.Zero) }
                .MaxBy(part => part.Item2).Item1;
            output.WriteLine(F($"    The CPU was nearly saturated, mostly by {heaviest}: latencies include waiting for a core, so they show this machine's limit as much as the app's."));
        }
    }

    private int ExpectedClicks() => (int)(pages.Count * options.Duration.TotalSeconds / options.Interval.TotalSeconds);

    private static void Row(TextWriter output, string name, string value, string target, bool? met)
    {
        var verdict = met switch { true => "met", false => "NOT met", null => "" };
        output.WriteLine(F($"  {name,-26}{value,14}   {target,-26}{verdict}").TrimEnd());
    }

    private static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Milliseconds(double value) => double.IsNaN(value) ? "n/a" : F($"{value:0.0} ms");

    private static double KiB(long bytes) => bytes / 1024.0;

    private static double MiB(long bytes) => bytes / (1024.0 * 1024.0);

    private static string F(FormattableString text) => text.ToString(Invariant);
}
