using Microsoft.Extensions.Options;

namespace CoupDePousse.App.Features.Administration.Backups;

/// <summary>
/// The daily backup on <see cref="TimeProvider"/>'s clock: a run at start (which backs up only if a slot was missed
/// while the app was down), then one at each <see cref="BackupOptions.DailyAt"/>; a failed run is recorded and the next
/// slot runs again. Nothing on PostgreSQL.
/// </summary>
public sealed class BackupHostedService(BackupJob job, TimeProvider clock, IOptions<BackupOptions> options, ILogger<BackupHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await job.IsSqliteAsync(stoppingToken))
                {
                    return;
                }

                var run = await job.RunAsync(BackupTrigger.Scheduled, null, stoppingToken);
                if (run.Outcome == BackupOutcome.Busy)
                {
                    logger.LogInformation("Scheduled backup skipped: another backup was running");
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Scheduled backup failed; the next slot will run again");
            }

            var now = clock.GetUtcNow();
            try
            {
                await Task.Delay(job.Schedule.NextSlot(now) - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
