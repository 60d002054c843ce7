using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoupDePousse.Tests.Hosting;

/// <summary>
/// The built app (<c>CoupDePousse.App.dll</c>) run by <c>dotnet</c> in a process of its own, on a loopback port, as an
/// operator runs it; killed (with its children) on dispose and when the test host exits.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private AppProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        ChildProcesses.Track(process);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => process.HasExited;

    /// <summary>Every line the app wrote to its console (the last 5 000).</summary>
    public IReadOnlyList<string> Output => output.ToList();

    /// <summary>The last lines the app wrote (console logs), for a failure's message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output.TakeLast(25).Select(line => line.Length > 400 ? line[..400] + " …" : line));

    /// <summary>Starts the app with <paramref name="settings"/> as environment variables (<c>Section__Key</c>).</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppBuild.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppBuild.AssemblyPath);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, port);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the app answers <paramref name="path"/> with a success (it migrates and seeds before it listens).</summary>
    public async Task WaitUntilReadyAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app on port {Port} exited with code {process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await client.GetAsync(path, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy migrating: ask again.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The app on port {Port} did not answer {path} within {timeout}:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>Kills the process at once, as a crash or a lost machine would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            ChildProcesses.Forget(process);
            process.Dispose();
        }
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 5000)
        {
            output.TryDequeue(out _);
        }
    }
}

/// <summary>Where the build put the app next to this test assembly (same configuration), and its project folder.</summary>
public static class AppBuild
{
    /// <summary>CoupDePousse.App/bin/&lt;Configuration&gt;/&lt;tfm&gt;/CoupDePousse.App.dll, found from this assembly's CoupDePousse.Tests/bin/... path.</summary>
    public static string AssemblyPath
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var path = Path.Combine(ProjectDirectory, "bin", configuration, framework, "CoupDePousse.App.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"The app is not built at {path}.");
        }
    }

    /// <summary>The app's project folder: its content root, as with <c>dotnet run</c>.</summary>
    public static string ProjectDirectory
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "CoupDePousse.App");
                if (File.Exists(Path.Combine(candidate, "CoupDePousse.App.csproj")))
                {
                    return candidate;
                }
            }
            throw new DirectoryNotFoundException("No CoupDePousse.App project above " + AppContext.BaseDirectory);
        }
    }
}

/// <summary>Every process a test started and has not disposed yet, killed when the test host exits however it ends.</summary>
internal static class ChildProcesses
{
    private static readonly ConcurrentDictionary<Process, bool> Running = new();

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    public static void Track(Process process) => Running[process] = true;

    public static void Forget(Process process) => Running.TryRemove(process, out _);

    private static void KillAll()
    {
        foreach (var process in Running.Keys)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Gone already, or never started.
            }
        }
    }
}
