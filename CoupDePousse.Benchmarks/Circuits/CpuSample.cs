using System.Diagnostics;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>CPU time used so far by the server, the browser (every process below this one), this process and the machine.</summary>
internal sealed record CpuSample(long Timestamp, TimeSpan? Server, TimeSpan Browser, long BrowserMemoryBytes, TimeSpan Benchmark, (TimeSpan Busy, TimeSpan Total)? Machine)
{
    public static CpuSample Take(int? serverPid)
    {
        var browser = ProcessStats.Descendants(Environment.ProcessId);
        using var self = Process.GetCurrentProcess();
        return new CpuSample(
            Stopwatch.GetTimestamp(),
            serverPid is { } pid ? ProcessStats.CpuTime(pid) : null,
            browser.Cpu,
            browser.MemoryBytes,
            self.TotalProcessorTime,
            ProcessStats.Machine());
    }

    public static CpuUse operator -(CpuSample after, CpuSample before) => new(
        Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp),
        after.Server - before.Server,
        after.Browser - before.Browser,
        after.BrowserMemoryBytes,
        after.Benchmark - before.Benchmark,
        after.Machine is { } end && before.Machine is { } start ? end.Busy - start.Busy : null);
}

/// <summary>CPU time used over a wall-clock interval; a percentage of 100 is one core busy all along.</summary>
internal sealed record CpuUse(TimeSpan Wall, TimeSpan? Server, TimeSpan Browser, long BrowserMemoryBytes, TimeSpan Benchmark, TimeSpan? MachineBusy)
{
    public double Percent(TimeSpan cpu) => Wall > TimeSpan.Zero ? 100 * cpu / Wall : 0;

    /// <summary>What the machine spent beyond the three: other programs on a shared machine.</summary>
    public TimeSpan? Others => MachineBusy is { } busy
        ? TimeSpan.FromTicks(Math.Max(0, (busy - (Server ?? TimeSpan.Zero) - Browser - Benchmark).Ticks))
        : null;
}
