using System.Diagnostics;

namespace CoupDePousse.Tests.Hosting;

/// <summary>
/// nginx in front of the app instances, run as a plain process of the test (not the system service) from a temporary
/// folder: the site file is docs/nginx/coupdepousse.conf, the very example of docs/deploy.md, with the test's ports.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    /// <summary>Debian's path; scripts/test.sh installs the package when it is missing.</summary>
    public const string DefaultExecutable = "/usr/sbin/nginx";

    /// <summary>The ports of the example file, replaced by the test's.</summary>
    private const string ExampleListen = "127.0.0.1:8080";

    private static readonly string[] ExampleUpstreams = ["127.0.0.1:5001", "127.0.0.1:5002"];

    private readonly Process process;
    private readonly string folder;

    private NginxProcess(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
        ChildProcesses.Track(process);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static string Executable => Environment.GetEnvironmentVariable("NGINX_PATH") ?? DefaultExecutable;

    public static string SiteFile => Path.Combine(Path.GetDirectoryName(AppBuild.ProjectDirectory)!, "docs", "nginx", "coupdepousse.conf");

    /// <summary>The access log: one line per request, "uri status upstream", where the upstream says which instance answered.</summary>
    public string AccessLogPath => Path.Combine(folder, "access.log");

    public string ErrorLog => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : "";

    /// <summary>Starts nginx in the foreground (one process, no daemon) proxying to the app instances on <paramref name="upstreamPorts"/>.</summary>
    public static async Task<NginxProcess> StartAsync(IReadOnlyList<int> upstreamPorts, CancellationToken cancellationToken)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"nginx is missing at {Executable}: run ./scripts/test.sh, which installs Debian's nginx package (apt-get install nginx).");
        }
        if (upstreamPorts.Count != ExampleUpstreams.Length)
        {
            throw new ArgumentException($"The example file names {ExampleUpstreams.Length} instances.", nameof(upstreamPorts));
        }

        var port = AppProcess.FreePort();
        var folder = Directory.CreateTempSubdirectory("coupdepousse-nginx-").FullName;
        var site = await File.ReadAllTextAsync(SiteFile, cancellationToken);
        foreach (var expected in ExampleUpstreams.Append(ExampleListen))
        {
            if (!site.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{SiteFile} no longer names {expected}: update NginxProcess with it.");
            }
        }
        site = site.Replace(ExampleListen, $"127.0.0.1:{port}", StringComparison.Ordinal);
        for (var i = 0; i < ExampleUpstreams.Length; i++)
        {
            site = site.Replace(ExampleUpstreams[i], $"127.0.0.1:{upstreamPorts[i]}", StringComparison.Ordinal);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "coupdepousse.conf"), site, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), MainConfig(folder), cancellationToken);

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -e: the error log before the configuration is read (otherwise /var/log/nginx/error.log).
        foreach (var argument in new[] { "-e", Path.Combine(folder, "error.log"), "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var nginx = new NginxProcess(process, folder, port);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await nginx.WaitUntilListeningAsync(cancellationToken);
        return nginx;
    }

    /// <summary>The instance (loopback port) that answered the last request to <paramref name="pathPrefix"/>.</summary>
    public async Task<int?> LastUpstreamPortAsync(string pathPrefix, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(AccessLogPath, cancellationToken);
        foreach (var line in lines.Reverse())
        {
            var fields = line.Split(' ');
            if (fields.Length >= 3 && fields[0].StartsWith(pathPrefix, StringComparison.Ordinal)
                && fields[^1].Split(", ").Last() is var upstream && upstream.Contains(':', StringComparison.Ordinal))
            {
                return int.Parse(upstream[(upstream.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            ChildProcesses.Forget(process);
            process.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// The main context around the site file: foreground, one process (so killing it leaves no worker behind), every
    /// file in the temporary folder, and an access log that names the upstream of each request.
    /// </summary>
    private static string MainConfig(string folder) => $$"""
        daemon off;
        master_process off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 256; }
        http {
            log_format upstream '$request_uri $status $upstream_addr';
            access_log {{folder}}/access.log upstream;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            include {{folder}}/coupdepousse.conf;
        }
        """;

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}: {ErrorLog}");
            }
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        throw new TimeoutException($"nginx did not listen on {Port}: {ErrorLog}");
    }
}
