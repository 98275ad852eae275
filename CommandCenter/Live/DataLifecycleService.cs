using Microsoft.Extensions.Options;
using Twin.Data.Store;

namespace CommandCenter.Live;

/// <summary>
/// Keeps the store from filling the disk: every few minutes sums up finished hours and days of
/// readings and trims raw readings and old hourly rollups in small write turns (the store's
/// rules, README "Retention"); and takes a scheduled online backup, keeping the newest N.
/// </summary>
public sealed class DataLifecycleService(TwinRuntime runtime, IOptions<TwinStoreOptions> options, ILogger<DataLifecycleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await runtime.Ready.WaitAsync(stoppingToken);
        var policy = new RetentionPolicy(TimeSpan.FromDays(settings.RawObservationDays), TimeSpan.FromDays(settings.HourlyRollupDays));
        var backupDue = NewestBackup(settings.Backup.DirectoryFor(runtime.Store.DatabasePath)) + TimeSpan.FromHours(settings.Backup.IntervalHours);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.LifecycleMinutes));
        do
        {
            try
            {
                var result = await runtime.Store.RunLifecycleAsync(runtime.Clock.GetUtcNow(), policy, stoppingToken);
                logger.LogInformation(
                    "Store lifecycle: {Hours} hours and {Days} days summed up, {Raw} raw readings and {Hourly} hourly rollups trimmed.",
                    result.HoursRolledUp, result.DaysRolledUp, result.RawRowsDeleted, result.HourlyRowsDeleted);

                // Backups follow real time: a demo at 60× must not take one a simulated day.
                if (settings.Backup.Enabled && DateTimeOffset.UtcNow >= backupDue)
                {
                    var path = await BackupCommand.BackUpAsync(runtime.Store, settings.Backup, DateTimeOffset.UtcNow, stoppingToken);
                    logger.LogInformation("Backup written to {Path}.", path);
                    backupDue = DateTimeOffset.UtcNow.AddHours(settings.Backup.IntervalHours);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass retries; nothing a rollup has not covered was deleted.
                logger.LogError(ex, "Store lifecycle pass failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>When the newest backup was written, so that a restart does not put the schedule back; MinValue with none.</summary>
    private static DateTimeOffset NewestBackup(string directory) =>
        Directory.Exists(directory) && Directory.GetFiles(directory, "cityops-twin-*.db") is { Length: > 0 } files
            ? files.Max(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero))
            : DateTimeOffset.MinValue;
}
