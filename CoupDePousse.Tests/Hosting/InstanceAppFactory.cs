using CoupDePousse.App.Data;
using CoupDePousse.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoupDePousse.Tests.Hosting;

/// <summary>One instance of a deployment of several: the real app in Production on a PostgreSQL database, with the key folder it is given.</summary>
public sealed class InstanceAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public InstanceAppFactory(string connectionString, string? keysPath, params (string Key, string? Value)[] extra)
    {
        ClientOptions.BaseAddress = new Uri("https://coupdepousse.test");
        ClientOptions.AllowAutoRedirect = false;
        settings = new Dictionary<string, string?>
        {
            [DatabaseStartup.ProviderKey] = "Postgres",
            ["ConnectionStrings:" + DatabaseStartup.PostgresConnectionName] = connectionString,
            [KeyRing.KeysPathKey] = keysPath,
            // The scheduled jobs are tested on their own (JobsOnceTests); here they would only add noise.
            ["Jobs:Enabled"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
    }

    /// <summary>What the instance logged, to read why it refused something.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Folders and PostgreSQL databases a test creates and removes.</summary>
public static class Deployment
{
    public static string TemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "coupdepousse-instances", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Remove(params string[] folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A new database with nothing in it, as a DBA creates it for a first deployment.</summary>
    public static async Task<string> EmptyPostgresDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = $"cdp_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return $"{Server};Database={name}";
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Server => Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)
        ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set: run ./scripts/test.sh");
}
