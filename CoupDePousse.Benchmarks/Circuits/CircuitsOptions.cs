using System.Globalization;
using CoupDePousse.App.Data.Demo;

namespace CoupDePousse.Benchmarks.Circuits;

/// <summary>The options of the circuits verb; each has a default but the app's address.</summary>
internal sealed record CircuitsOptions(
    Uri Url,
    int? ServerPid,
    int Circuits,
    int MemoryCircuits,
    TimeSpan Duration,
    TimeSpan Interval,
    TimeSpan ClickTimeout,
    TimeSpan OpenTimeout,
    int OpenInParallel,
    int RendererProcesses,
    string ChromiumPath,
    string Email,
    string Password)
{
    public const string Usage =
        """
        usage: CoupDePousse.Benchmarks circuits --url http://127.0.0.1:5099 [options]
          --pid N                 the app's process id, to sample its CPU time from /proc
          --circuits 200          dashboards clicking in the load phase
          --memory-circuits 50    dashboards opened for the memory figure
          --duration 60           seconds of clicking
          --interval 5            seconds between two clicks of one dashboard
          --click-timeout 10      seconds after which a click counts its circuit as dropped
          --open-timeout 120      seconds for one dashboard to render and turn interactive
          --open-parallel 4       dashboards opened at the same time
          --renderer-processes 4  Chromium's renderer process limit (the pages share them)
          --chromium PATH         default $CHROMIUM_PATH, else /usr/bin/chromium
          --email, --password     default the demo HR account
        The app must run in Development with Diagnostics:Memory=true (scripts/circuits.sh does it).
        """;

    public static CircuitsOptions Parse(IReadOnlyList<string> args)
    {
        Uri? url = null;
        int? pid = null;
        var circuits = 200;
        var memoryCircuits = 50;
        var duration = 60.0;
        var interval = 5.0;
        var clickTimeout = 10.0;
        var openTimeout = 120.0;
        var openInParallel = 4;
        var rendererProcesses = 4;
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } fromEnvironment ? fromEnvironment : "/usr/bin/chromium";
        var email = DemoUsers.Hr.Email;
        var password = DemoUsers.Password;

        for (var index = 0; index < args.Count; index++)
        {
            var name = args[index];
            var value = index + 1 < args.Count ? args[++index] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--url": url = Uri.TryCreate(value, UriKind.Absolute, out var parsed) ? parsed : throw new ArgumentException($"--url: not an address: {value}"); break;
                case "--pid": pid = Positive(name, value); break;
                case "--circuits": circuits = Positive(name, value); break;
                case "--memory-circuits": memoryCircuits = Positive(name, value); break;
                case "--duration": duration = Seconds(name, value); break;
                case "--interval": interval = Seconds(name, value); break;
                case "--click-timeout": clickTimeout = Seconds(name, value); break;
                case "--open-timeout": openTimeout = Seconds(name, value); break;
                case "--open-parallel": openInParallel = Positive(name, value); break;
                case "--renderer-processes": rendererProcesses = Positive(name, value); break;
                case "--chromium": chromium = value; break;
                case "--email": email = value; break;
                case "--password": password = value; break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        return new CircuitsOptions(
            url ?? throw new ArgumentException("--url is required"),
            pid,
            circuits,
            memoryCircuits,
            TimeSpan.FromSeconds(duration),
            TimeSpan.FromSeconds(interval),
            TimeSpan.FromSeconds(clickTimeout),
            TimeSpan.FromSeconds(openTimeout),
            openInParallel,
            rendererProcesses,
            chromium,
            email,
            password);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name}: a positive whole number, not {value}");

    private static double Seconds(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new ArgumentException($"{name}: a positive number of seconds, not {value}");
}
