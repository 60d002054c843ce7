using System.Diagnostics;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>
/// CPU time used so far by the server, the browser, Playwright's driver (the browser and the driver are the processes below
/// this one; the driver is Node), this process and the machine.
/// </summary>
internal sealed record CpuSample(
    long Timestamp,
    TimeSpan? Server,
    TimeSpan Browser,
    long BrowserMemoryBytes,
    TimeSpan Driver,
    TimeSpan Benchmark,
    (TimeSpan Busy, TimeSpan Total)? Machine)
{
    public static CpuSample Take(int? serverPid)
    {
        var below = ProcessStats.Descendants(Environment.ProcessId);
        var browser = below.Where(process => process.Name != "node").ToList();
        using var self = Process.GetCurrentProcess();
        return new CpuSample(
            Stopwatch.GetTimestamp(),
            serverPid is { } pid ? ProcessStats.CpuTime(pid) : null,
            Sum(browser.Select(process => process.Cpu)),
            browser.Sum(process => process.MemoryBytes),
            Sum(below.Where(process => process.Name == "node").Select(process => process.Cpu)),
            self.TotalProcessorTime,
            ProcessStats.Machine());
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);

    public static CpuUse operator -(CpuSample after, CpuSample before) => new(
        Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp),
        after.Server - before.Server,
        after.Browser - before.Browser,
        after.BrowserMemoryBytes,
        after.Driver - before.Driver,
        after.Benchmark - before.Benchmark,
        after.Machine is { } end && before.Machine is { } start ? end.Busy - start.Busy : null);
}

/// <summary>CPU time used over a wall-clock interval; a percentage of 100 is one core busy all along.</summary>
internal sealed record CpuUse(TimeSpan Wall, TimeSpan? Server, TimeSpan Browser, long BrowserMemoryBytes, TimeSpan Driver, TimeSpan Benchmark, TimeSpan? MachineBusy)
{
    public double Percent(TimeSpan cpu) => Wall > TimeSpan.Zero ? 100 * cpu / Wall : 0;

    /// <summary>What the machine spent beyond the three: other programs on a shared machine.</summary>
    public TimeSpan? Others => MachineBusy is { } busy
        ? TimeSpan.FromTicks(Math.Max(0, (busy - (Server ?? TimeSpan.Zero) - Browser - Driver - Benchmark).Ticks))
        : null;
}
