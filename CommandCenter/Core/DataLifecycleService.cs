using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Domain.Time;

namespace CommandCenter.Core;

/// <summary>
/// Keeps the store from filling the disk: every few minutes sums up finished hours and days of
/// readings and trims raw readings and old hourly rollups in small write turns (the store's
/// rules, README "Retention"); and, on SQLite, takes a scheduled online backup, keeping the newest N.
/// </summary>
public sealed class DataLifecycleService(
    TwinStore store,
    TwinReadiness readiness,
    NodeRole role,
    TwinClock twinClock,
    TimeProvider realTime,
    IOptions<TwinStoreOptions> options,
    ILogger<DataLifecycleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await readiness.Ready.WaitAsync(stoppingToken);

        // Upkeep writes: the writer node's alone (docs/two-nodes.md).
        await role.Settled.WaitAsync(stoppingToken);
        var policy = new RetentionPolicy(
            TimeSpan.FromDays(settings.RawObservationDays), TimeSpan.FromDays(settings.HourlyRollupDays),
            FieldPhotoImages: TimeSpan.FromDays(settings.FieldPhotoDays), AlarmSnapshotImages: TimeSpan.FromDays(settings.AlarmSnapshotDays));
        var backupDue = NewestBackup(settings.Backup.DirectoryFor(store.DatabasePath)) + TimeSpan.FromHours(settings.Backup.IntervalHours);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.LifecycleMinutes), realTime);
        do
        {
            try
            {
                var result = await store.RunLifecycleAsync(twinClock.GetUtcNow(), policy, stoppingToken);
                logger.LogInformation(
                    "Store lifecycle: {Hours} hours and {Days} days summed up, {Raw} raw readings and {Hourly} hourly rollups trimmed, {Photos} field photos' and {Snapshots} alarm snapshots' images removed.",
                    result.HoursRolledUp, result.DaysRolledUp, result.RawRowsDeleted, result.HourlyRowsDeleted, result.FieldPhotoImagesRemoved,
                    result.AlarmSnapshotImagesRemoved);

                // Backups follow real time: a demo at 60× must not take one a simulated day. A
                // PostgreSQL server is backed up by its own tools (README), not file copies.
                if (settings.Backup.Enabled && store.Provider == StorageProvider.Sqlite && realTime.GetUtcNow() >= backupDue)
                {
                    var path = await BackupCommand.BackUpAsync(store, settings.Backup, realTime.GetUtcNow(), stoppingToken);
                    logger.LogInformation("Backup written to {Path}.", path);
                    backupDue = realTime.GetUtcNow().AddHours(settings.Backup.IntervalHours);
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
