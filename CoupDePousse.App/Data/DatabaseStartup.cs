using CoupDePousse.App.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoupDePousse.App.Data;

public static class DatabaseStartup
{
    public const string PathKey = "Database:Path";
    public const string DefaultPath = "data/coupdepousse.db";
    public const string ProviderKey = "Database:Provider";
    public const string PostgresConnectionName = "Postgres";

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

    /// <summary>Applies pending migrations and makes sure every role exists; runs before the app serves requests.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            var encrypted = await MigrateAsync(context);
            if (encrypted > 0)
            {
                app.Logger.LogInformation("Encrypted {Count} confidential values written before encryption at rest.", encrypted);
            }
        }

        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
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
}
