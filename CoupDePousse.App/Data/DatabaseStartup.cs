using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoupDePousse.App.Data;

public static class DatabaseStartup
{
    public const string PathKey = "Database:Path";
    public const string DefaultPath = "data/coupdepousse.db";
    public const string ProviderKey = "Database:Provider";
    public const string PostgresConnectionName = "Postgres";
    public const string MigrateAtStartupKey = "Database:MigrateAtStartup";

    /// <summary>The PostgreSQL advisory lock that serializes the instances' startup upgrades ("CoupDePo" in ASCII).</summary>
    public const long StartupLockKey = 0x436F7570_44655061;

    /// <summary>Whether the app migrates as it starts (the default, for one machine); several instances set it false and run <c>migrate</c> first.</summary>
    public static bool MigratesAtStartup(IConfiguration configuration) => configuration.GetValue(MigrateAtStartupKey, true);

    /// <summary>
    /// SQLite file from <c>Database:Path</c> (relative to the content root) by default, or PostgreSQL when
    /// <c>Database:Provider</c> is <c>Postgres</c> (connection string <c>ConnectionStrings:Postgres</c>);
    /// a factory for short-lived contexts, and a scoped context for Identity's stores.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NotificationsWritten>();
        if (string.Equals(configuration[ProviderKey], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString(PostgresConnectionName)
                ?? throw new InvalidOperationException($"Database:Provider is Postgres but ConnectionStrings:{PostgresConnectionName} is not set.");
            services.AddDbContextFactory<PostgresAppDbContext>((provider, options) =>
                options.UseNpgsql(connectionString).AddInterceptors(provider.GetRequiredService<NotificationsWritten>()));
            services.AddSingleton<IDbContextFactory<AppDbContext>>(provider =>
                new AppDbContextFactory<PostgresAppDbContext>(provider.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<AppDbContext>((provider, options) =>
            {
                var environment = provider.GetRequiredService<IHostEnvironment>();
                options.UseSqlite(BuildConnectionString(configuration, environment.ContentRootPath))
                    .AddInterceptors(new SqlitePragmaInterceptor(), provider.GetRequiredService<NotificationsWritten>());
            });
        }

        // Identity's stores want a scoped context: take it from the same factory.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Creates the SQLite file 0600 in a folder created 0700 (SQLite gives its journal and WAL files the file's mode).</summary>
    public static string BuildConnectionString(IConfiguration configuration, string contentRootPath)
    {
        var path = DatabasePath(configuration, contentRootPath);
        RestrictedFiles.OwnerOnlyFolder(Path.GetDirectoryName(path)!, tightenExisting: false);
        RestrictedFiles.CreateOwnerOnlyFile(path);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    public static string DatabasePath(IConfiguration configuration, string contentRootPath)
    {
        var configuredPath = configuration[PathKey];
        return Path.GetFullPath(Path.Combine(contentRootPath, string.IsNullOrWhiteSpace(configuredPath) ? DefaultPath : configuredPath));
    }

    /// <summary>
    /// Applies pending migrations, then encrypts the confidential text they or an older version left plain (returns how
    /// many values), refreshes the cases' stored facts computed under older rules, and rebuilds HR's counts if they drifted.
    /// </summary>
    public static async Task<int> MigrateAsync(AppDbContext context, CancellationToken cancellationToken = default)
    {
        await context.Database.MigrateAsync(cancellationToken);
        var encrypted = await ConfidentialTextUpgrade.EncryptPlainTextAsync(context, cancellationToken);
        await CaseFacts.RefreshStaleAsync(context, cancellationToken);
        await CaseCounts.RebuildIfDifferentAsync(context, cancellationToken);
        return encrypted;
    }

    /// <summary>
    /// Before the app serves requests: with <paramref name="migrate"/>, applies pending migrations and the upgrades and makes
    /// sure every role exists, one instance at a time (<see cref="StartupLockAsync"/>); without, only checks that nothing is
    /// pending. False when the database is not ready (pending migrations, or unreachable): the app starts, logs why, and
    /// <c>/health/ready</c> answers 503 until an operator runs <c>migrate</c>.
    /// </summary>
    public static async Task<bool> InitializeDatabaseAsync(this WebApplication app, bool migrate)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        if (!migrate)
        {
            return await IsReadyAsync(factory, app.Logger);
        }

        await using (var context = await factory.CreateDbContextAsync())
        await using (await StartupLockAsync(context))
        {
            var encrypted = await MigrateAsync(context);
            if (encrypted > 0)
            {
                app.Logger.LogInformation("Encrypted {Count} confidential values written before encryption at rest.", encrypted);
            }

            await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }

        return true;
    }

    /// <summary>
    /// On PostgreSQL, a session-level advisory lock held on its own connection until disposed: instances starting together
    /// migrate and upgrade one after the other (EF's own migration lock covers the schema, not the data upgrades after it).
    /// Creates the database first when it does not exist. Nothing on SQLite, which one machine opens.
    /// </summary>
    public static async Task<IAsyncDisposable> StartupLockAsync(AppDbContext context, CancellationToken cancellationToken = default)
    {
        if (!context.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }

        await EnsureDatabaseExistsAsync(context, cancellationToken);
        // Unpooled: a lock must never go back to the pool with its session.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", StartupLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task EnsureDatabaseExistsAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException)
        {
            // Another instance created it meanwhile, or this is a real failure.
            if (!await creator.ExistsAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> IsReadyAsync(IDbContextFactory<AppDbContext> factory, ILogger logger)
    {
        try
        {
            await using var context = await factory.CreateDbContextAsync();
            var pending = (await context.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count == 0)
            {
                return true;
            }

            logger.LogWarning("{Count} database migrations are pending and {Setting} is false: run the migrate command; until then /health/ready answers 503.",
                pending.Count, MigrateAtStartupKey);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("The database cannot be reached ({Error}); /health/ready answers 503 until it can.", exception.GetType().Name);
        }

        return false;
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roleManager)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var result = await roleManager.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join(", ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // Closing the session releases the lock too; unlocking first hands it over without waiting for the pool.
    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", StartupLockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
