using System.Globalization;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>One process's program name, CPU time so far and memory.</summary>
internal sealed record ProcessUse(string Name, TimeSpan Cpu, long MemoryBytes);

/// <summary>CPU time and resident memory of processes, read from Linux's /proc (empty elsewhere).</summary>
internal static class ProcessStats
{
    // USER_HZ: the unit of /proc's CPU times, 100 on every Linux the app runs on (getconf CLK_TCK).
    private const double TicksPerSecond = 100;

    /// <summary>CPU time of one process, or null when it is gone or /proc is not there.</summary>
    public static TimeSpan? CpuTime(int pid) => Read(pid) is { } stat ? Ticks(stat.CpuTicks) : null;

    /// <summary>
    /// Every process below <paramref name="root"/> (Playwright's driver and the browser below the benchmark): its name, CPU
    /// time and proportional set size, so that memory the browser's processes share counts once when summed.
    /// </summary>
    public static IReadOnlyList<ProcessUse> Descendants(int root)
    {
        var children = ReadAll().ToLookup(stat => stat.ParentPid);
        var pending = new Stack<ProcessStat>(children[root]);
        var found = new List<ProcessUse>();
        while (pending.TryPop(out var stat))
        {
            found.Add(new ProcessUse(Executable(stat.Pid) ?? stat.Name, Ticks(stat.CpuTicks), ProportionalSetBytes(stat.Pid) ?? stat.RssPages * Environment.SystemPageSize));
            foreach (var child in children[stat.Pid])
            {
                pending.Push(child);
            }
        }

        return found;
    }

    /// <summary>Busy and total CPU time of the whole machine since boot (all cores), from /proc/stat.</summary>
    public static (TimeSpan Busy, TimeSpan Total)? Machine()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            var total = cpu.Take(8).Sum();
            var idle = cpu[3] + cpu[4];
            return (Ticks(total - idle), Ticks(total));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The program's file name: Node renames its main thread, so the process name alone does not tell Playwright's driver.
    private static string? Executable(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget is { } target ? Path.GetFileName(target) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? ProportionalSetBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? null : 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    private static List<ProcessStat> ReadAll()
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        return Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? Read(pid) : null)
            .OfType<ProcessStat>()
            .ToList();
    }

    private static ProcessStat? Read(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The name sits in parentheses and may hold spaces: the fields start after the last ')'.
        var nameEnd = line.LastIndexOf(')');
        var name = line[(line.IndexOf('(') + 1)..nameEnd];
        var fields = line[(nameEnd + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcessStat(pid, name, (int)Field(4), Field(14) + Field(15), Field(24));
    }

    private sealed record ProcessStat(int Pid, string Name, int ParentPid, long CpuTicks, long RssPages);
}
