namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>
/// <c>dotnet CoupDePousse.App.dll backup</c> (or <c>dotnet run --project CoupDePousse.App -- backup</c>): one backup of
/// the configured SQLite database now, for cron; it takes the same lease as the running app, so it never overlaps its runs.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int Busy = 2;
    public const int NotSqlite = 3;

    public static bool IsRequested(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    public static Task<int> RunBackupAsync(this WebApplication app) =>
        RunAsync(app.Services.GetRequiredService<BackupJob>(), Console.Out, Console.Error);

    public static async Task<int> RunAsync(BackupJob job, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var run = await job.RunAsync(BackupTrigger.Command, null, cancellationToken);
        switch (run.Outcome)
        {
            case BackupOutcome.Made:
                await output.WriteLineAsync(FormattableString.Invariant(
                    $"backup: {Path.Combine(await job.FolderAsync(cancellationToken), run.File!.Name)} ({run.File.Bytes} bytes, {run.Duration.TotalSeconds:F1} s, integrity_check ok)"));
                return Succeeded;
            case BackupOutcome.Busy:
                await errors.WriteLineAsync("backup: another backup is running (in the app or another command); try again later.");
                return Busy;
            case BackupOutcome.NotSqlite:
                await errors.WriteLineAsync("backup: the database is PostgreSQL; back it up with pg_dump (docs/deploy.md).");
                return NotSqlite;
            default:
                await errors.WriteLineAsync($"backup failed: {run.Failure}");
                return Failed;
        }
    }
}
