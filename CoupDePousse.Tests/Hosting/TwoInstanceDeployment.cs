using CoupDePousse.Tests.TestSupport;
using Npgsql;

namespace CoupDePousse.Tests.Hosting;

/// <summary>
/// The production shape on one machine: a fresh PostgreSQL database, two app processes sharing one key ring folder,
/// nginx in front with docs/nginx/coupdepousse.conf. Disposing stops everything it started and drops the database,
/// whether the test passed or not.
/// </summary>
public sealed class TwoInstanceDeployment : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string server;
    private readonly string databaseName = $"cdp_twoinstance_{Guid.NewGuid():N}";
    private readonly string folder = Directory.CreateTempSubdirectory("coupdepousse-two-instances-").FullName;
    private readonly List<AppProcess> instances = [];

    private TwoInstanceDeployment(string server)
    {
        this.server = server;
    }

    public IReadOnlyList<AppProcess> Instances => instances;

    public NginxProcess Nginx { get; private set; } = null!;

    /// <summary>Instance 1 first (it migrates and seeds the demo), instance 2 once 1 answers, then nginx.</summary>
    public static async Task<TwoInstanceDeployment> StartAsync(CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)
            ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set: run ./scripts/test.sh (it starts PostgreSQL).");
        var deployment = new TwoInstanceDeployment(server);
        try
        {
            foreach (var name in new[] { "one", "two" })
            {
                var instance = AppProcess.Start(deployment.Settings(name));
                deployment.instances.Add(instance);
                await instance.WaitUntilReadyAsync(ReadinessPath, StartTimeout, cancellationToken);
            }
            deployment.Nginx = await NginxProcess.StartAsync(deployment.instances.Select(i => i.Port).ToList(), cancellationToken);
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the deployment waits for before it sends traffic to an instance.</summary>
    public const string ReadinessPath = "/health/ready";

    public AppProcess InstanceOnPort(int port) => instances.Single(i => i.Port == port);

    public string Diagnostics() =>
        string.Join(Environment.NewLine + Environment.NewLine, instances.Select(i => $"--- instance on {i.Port} ---{Environment.NewLine}{i.RecentOutput}"))
        + $"{Environment.NewLine}--- nginx ---{Environment.NewLine}{Nginx?.ErrorLog}";

    public async ValueTask DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        try
        {
            await using var connection = new NpgsqlConnection($"{server};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private Dictionary<string, string> Settings(string instanceName) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = $"{server};Database={databaseName}",
        // One key ring for both: a cookie issued by one instance is read by the other.
        ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
        // Nothing of an instance's own lands in the repository's data folder (mail pickup, default paths).
        ["Database:Path"] = Path.Combine(folder, instanceName, "unused.db"),
        ["Demo:Seed"] = "true",
        ["Demo:History"] = "false",
        ["Security:Login:RequestsPerAddressPerMinute"] = "10000",
        // JSON lines as in production; EF Core's commands logged, so that the test sees the circuit's scope on them
        // and no case text in them.
        ["Logging:Console:FormatterName"] = "json",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };
}
