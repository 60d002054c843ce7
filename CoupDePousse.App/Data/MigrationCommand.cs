using CoupDePousse.App.Security;

namespace CoupDePousse.App.Data;

/// <summary>
/// <c>dotnet CoupDePousse.App.dll migrate</c>: applies the migrations and the startup upgrades, creates the roles and the
/// configured first administrator, then exits 0 (or 1 when anything failed). A deployment of several instances runs it
/// once before starting them with <c>Database:MigrateAtStartup=false</c>.
/// </summary>
public static class MigrationCommand
{
    public const string Verb = "migrate";
    public const int Succeeded = 0;
    public const int Failed = 1;

    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    public static async Task<int> RunMigrationAsync(this WebApplication app)
    {
        try
        {
            await app.InitializeDatabaseAsync(migrate: true);
            await app.EnsureFirstAdministratorAsync();
            await Console.Out.WriteLineAsync("migrate: the database is up to date");
            return Succeeded;
        }
        catch (Exception exception)
        {
            app.Logger.LogError(exception, "Migration failed");
            await Console.Error.WriteLineAsync($"migrate: failed ({exception.GetType().Name}), see the log");
            return Failed;
        }
    }
}
