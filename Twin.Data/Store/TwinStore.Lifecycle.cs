using System.Data.Common;
using Microsoft.Data.Sqlite;
using Twin.Data.Store.Providers;
using Twin.Domain.Time;

namespace Twin.Data.Store;

/// <summary>What the store keeps of sensor readings (README, retention).</summary>
/// <param name="RawObservations">raw readings younger than this are kept (<c>Twin:Storage:RawObservationDays</c>)</param>
/// <param name="HourlyRollups">hourly rollups younger than this are kept; daily rollups are kept for good</param>
/// <param name="RowsPerTransaction">rows deleted per short transaction, so the pipeline's writes are never held up for long</param>
/// <param name="FieldPhotoImages">a field photo's image is kept this long after its upload, then only its evidence record (<c>Twin:Storage:FieldPhotoDays</c>); null keeps them</param>
/// <param name="AlarmSnapshotImages">an AI alarm's snapshot never filed as a case is kept this long after it was taken (<c>Twin:Storage:AlarmSnapshotDays</c>); a filed one lives on as its case's evidence; null keeps them</param>
public sealed record RetentionPolicy(
    TimeSpan RawObservations, TimeSpan HourlyRollups, int RowsPerTransaction = 5_000, TimeSpan? FieldPhotoImages = null, TimeSpan? AlarmSnapshotImages = null);

/// <summary>One lifecycle pass: periods summed up and rows trimmed.</summary>
public sealed record LifecycleResult(
    int HoursRolledUp, int DaysRolledUp, long RawRowsDeleted, long HourlyRowsDeleted, long FieldPhotoImagesRemoved = 0, long AlarmSnapshotImagesRemoved = 0);

public sealed partial class TwinStore
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Sums up every finished hour into hourly rollups and every Shanghai day whose hours are all
    /// summed into daily ones, then trims raw readings and hourly rollups past their keep, in
    /// small transactions, never a row that no rollup covers yet. Safe to run beside the pipeline
    /// (each transaction takes the store's write turn) and to re-run.
    /// </summary>
    public async Task<LifecycleResult> RunLifecycleAsync(DateTimeOffset now, RetentionPolicy policy, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var connection = await OpenConnectionAsync(ct);

        var hours = 0;
        var hourly = await HourlyWatermarkAsync(connection, ct);
        var finishedHour = FloorToHour(now);
        for (; hourly is { } h && h < finishedHour; hourly = h + Hour)
        {
            await InWriteTurnAsync(connection, RollUpHourSql, h, h + Hour, ct);
            hours++;
        }

        var days = 0;
        var daily = await DailyWatermarkAsync(connection, ct);
        // Shanghai keeps UTC+8 all year: a day is 24 whole UTC hours.
        for (; daily is { } d && hourly is { } coveredUntil && d.AddDays(1) <= coveredUntil; daily = d.AddDays(1))
        {
            await InWriteTurnAsync(connection, RollUpDaySql, d, d.AddDays(1), ct);
            days++;
        }

        // Only what a rollup covers goes: readings before the hourly watermark, hours before the daily one.
        var rawCutoff = Earlier(now - policy.RawObservations, hourly ?? DateTimeOffset.MinValue);
        long raw = 0;
        foreach (var sensorId in await SensorIdsAsync(connection, ct))
        {
            // Per sensor, so that each delete is a range of the (sensor_id, observed_at) index, not a scan of every reading.
            raw += await TrimAsync(connection, DeleteSql("observations", "sensor_id = @sensor AND observed_at < @cutoff"), sensorId, rawCutoff, policy.RowsPerTransaction, ct);
        }

        var hourlyCutoff = Earlier(now - policy.HourlyRollups, daily ?? DateTimeOffset.MinValue);
        var trimmedHours = await TrimAsync(connection, DeleteSql("observation_hourly", "period_start < @cutoff"), null, hourlyCutoff, policy.RowsPerTransaction, ct);

        // A field photo's evidence record (hashes, EXIF place and time) stays with its ticket; only the image goes.
        var photos = policy.FieldPhotoImages is { } keep
            ? await TrimAsync(connection, FieldPhotoImageSql, null, now - keep, policy.RowsPerTransaction, ct)
            : 0;

        // Snapshots may show passers-by: one that never became a case's evidence is not kept for good.
        var snapshots = policy.AlarmSnapshotImages is { } keepSnapshots
            ? await TrimAsync(connection, AlarmSnapshotImageSql, null, now - keepSnapshots, policy.RowsPerTransaction, ct)
            : 0;
        return new LifecycleResult(hours, days, raw, trimmedHours, photos, snapshots);
    }

    /// <summary>
    /// An online copy of the whole database (<c>VACUUM INTO</c>: one consistent read snapshot,
    /// compacted; the pipeline keeps writing meanwhile). The destination must not exist. SQLite
    /// only: a PostgreSQL server is backed up by its own tools (pg_dump, base backups).
    /// </summary>
    public async Task BackupAsync(string destination, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Provider != StorageProvider.Sqlite)
        {
            throw new InvalidOperationException("The store's own backup copies a SQLite file; back up a PostgreSQL store with pg_dump or the server's base backups.");
        }

        if (Path.GetDirectoryName(Path.GetFullPath(destination)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @destination";
        command.AddParameter("@destination", Path.GetFullPath(destination));
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Puts <paramref name="backup"/> in place of the database at <paramref name="databasePath"/>
    /// while no store has it open: the backup is checked first (a SQLite file that passes
    /// <c>quick_check</c> and holds the twin's tables), and the current file is kept beside it as
    /// <c>…before-restore-yyyyMMddHHmmss</c>. Returns where the old file went, or null if there was none.
    /// </summary>
    public static string? Restore(string backup, string databasePath, DateTimeOffset now)
    {
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException("No backup file there.", backup);
        }

        using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            if (command.ExecuteScalar() as string != "ok")
            {
                throw new InvalidDataException($"{backup} is damaged (quick_check failed).");
            }

            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('tickets', 'audit_log', '__EFMigrationsHistory')";
            if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 3)
            {
                throw new InvalidDataException($"{backup} is not a twin database.");
            }
        }

        string? kept = null;
        if (File.Exists(databasePath))
        {
            kept = $"{databasePath}.before-restore-{now.UtcDateTime:yyyyMMddHHmmss}";
            File.Move(databasePath, kept);
        }

        // A -wal or -shm left from the old file would be replayed into the restored one.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        File.Copy(backup, databasePath);

        // VACUUM INTO writes a rollback-journal file (one self-contained file); the store runs in WAL.
        using var restored = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        restored.Open();
        using var wal = restored.CreateCommand();
        wal.CommandText = SqlitePragmas.Sql;
        wal.ExecuteNonQuery();
        return kept;
    }

    private const string RollUpHourSql =
        """
        INSERT INTO observation_hourly (sensor_id, period_start, count, min, mean, max, last)
        SELECT s.id, @from, COUNT(*), MIN(o.value), AVG(o.value), MAX(o.value),
            (SELECT l.value FROM observations AS l
             WHERE l.sensor_id = s.id AND l.observed_at >= @from AND l.observed_at < @to
             ORDER BY l.observed_at DESC LIMIT 1)
        FROM sensors AS s
        JOIN observations AS o ON o.sensor_id = s.id AND o.observed_at >= @from AND o.observed_at < @to
        WHERE true
        GROUP BY s.id
        """ + ReplaceRollup;

    private const string RollUpDaySql =
        """
        INSERT INTO observation_daily (sensor_id, period_start, count, min, mean, max, last)
        SELECT h.sensor_id, @from, SUM(h.count), MIN(h.min), SUM(h.mean * h.count) / SUM(h.count), MAX(h.max),
            (SELECT l.last FROM observation_hourly AS l
             WHERE l.sensor_id = h.sensor_id AND l.period_start >= @from AND l.period_start < @to
             ORDER BY l.period_start DESC LIMIT 1)
        FROM observation_hourly AS h
        WHERE h.period_start >= @from AND h.period_start < @to
        GROUP BY h.sensor_id
        """ + ReplaceRollup;

    // A period summed again replaces its row. (SQLite needs the WHERE before an upsert's SELECT … ON CONFLICT to parse it.)
    private const string ReplaceRollup =
        """

        ON CONFLICT (sensor_id, period_start) DO UPDATE SET
            count = excluded.count, min = excluded.min, mean = excluded.mean, max = excluded.max, last = excluded.last
        """;

    /// <summary>The first hour not yet summed up: after the newest hourly rollup, else the hour of the oldest reading; null with no readings.</summary>
    private static async Task<DateTimeOffset?> HourlyWatermarkAsync(DbConnection connection, CancellationToken ct)
    {
        if (await ScalarTicksAsync(connection, "SELECT MAX(period_start) FROM observation_hourly", ct) is { } newest)
        {
            return newest + Hour;
        }

        return await ScalarTicksAsync(connection, "SELECT MIN(observed_at) FROM observations", ct) is { } oldest ? FloorToHour(oldest) : null;
    }

    /// <summary>The first Shanghai day not yet summed up, found the same way from the hourly rollups.</summary>
    private static async Task<DateTimeOffset?> DailyWatermarkAsync(DbConnection connection, CancellationToken ct)
    {
        if (await ScalarTicksAsync(connection, "SELECT MAX(period_start) FROM observation_daily", ct) is { } newest)
        {
            return ShanghaiClock.StartOfDay(newest.AddDays(1).AddHours(1));
        }

        return await ScalarTicksAsync(connection, "SELECT MIN(period_start) FROM observation_hourly", ct) is { } oldest ? ShanghaiClock.StartOfDay(oldest) : null;
    }

    private async Task InWriteTurnAsync(DbConnection connection, string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await using var transaction = _dialect.BeginWrite(connection);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.AddParameter("@from", from.UtcTicks);
            command.AddParameter("@to", to.UtcTicks);
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private const string FieldPhotoImageSql =
        "UPDATE field_photos SET image = NULL WHERE id IN (SELECT id FROM field_photos WHERE uploaded_at < @cutoff AND image IS NOT NULL LIMIT @limit)";

    private const string AlarmSnapshotImageSql =
        """
        UPDATE alarm_snapshots SET jpeg = NULL WHERE id IN (
            SELECT s.id FROM alarm_snapshots s JOIN alarms a ON a.id = s.alarm_id
            WHERE s.captured_at < @cutoff AND s.jpeg IS NOT NULL AND a.case_id IS NULL LIMIT @limit)
        """;

    private string DeleteSql(string table, string where) => string.Format(System.Globalization.CultureInfo.InvariantCulture, _dialect.Sql.DeleteSome, table, where);

    /// <summary>Runs <paramref name="sql"/> (rows older than <c>@cutoff</c>, at most <c>@limit</c>) until it touches fewer than a full turn's rows, a few thousand per write turn.</summary>
    private async Task<long> TrimAsync(
        DbConnection connection, string sql, string? sensorId, DateTimeOffset cutoff, int rowsPerTransaction, CancellationToken ct)
    {
        long deleted = 0;
        while (true)
        {
            int batch;
            await _writeGate.WaitAsync(ct);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.AddParameter("@cutoff", cutoff.UtcTicks);
                if (sensorId is not null)
                {
                    command.AddParameter("@sensor", sensorId);
                }

                command.AddParameter("@limit", rowsPerTransaction);
                batch = await command.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                _writeGate.Release();
            }

            deleted += batch;
            if (batch < rowsPerTransaction)
            {
                return deleted;
            }

            // Gives the pipeline's next batch its turn before the next delete.
            await Task.Yield();
        }
    }

    private static async Task<List<string>> SensorIdsAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM sensors";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<DateTimeOffset?> ScalarTicksAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    private static DateTimeOffset FloorToHour(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
