using System.Data;
using System.Data.Common;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// Writes a replayed past's hourly rollups (each sensor's hours in time order, one sensor after
    /// another) and the daily rollup of every Shanghai day they cover whole (days ending by
    /// <paramref name="coveredUntil"/>), summed from them as the lifecycle sums a day: one
    /// transaction, one prepared insert per table bound afresh for each row. The store must hold no
    /// rollups yet. The lifecycle carries on from the hour after the newest row (its watermark).
    /// Returns the hourly and daily rows written.
    /// </summary>
    public async Task<(long Hours, long Days)> WriteRollupsAsync(IEnumerable<SensorHour> hours, DateTimeOffset coveredUntil, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            await using var transaction = _dialect.BeginWrite(connection);
            await using var hourly = RollupInsert(connection, transaction, "observation_hourly");
            await using var daily = RollupInsert(connection, transaction, "observation_daily");
            var (hourRows, dayRows) = (0L, 0L);
            var day = default(SensorHour);
            foreach (var hour in hours)
            {
                Insert(hourly, hour);
                if (++hourRows % 10_000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var dayStart = ShanghaiClock.StartOfDay(hour.Hour);
                if (day.SensorId == hour.SensorId && day.Hour == dayStart)
                {
                    // The count-weighted mean, as RollUpDaySql sums a day.
                    var count = day.Count + hour.Count;
                    day = new SensorHour(
                        day.SensorId, dayStart, count, Math.Min(day.Min, hour.Min), ((day.Mean * day.Count) + (hour.Mean * hour.Count)) / count,
                        Math.Max(day.Max, hour.Max), hour.Last);
                    continue;
                }

                dayRows += InsertWholeDay(daily, day, coveredUntil);
                day = hour with { Hour = dayStart };
            }

            dayRows += InsertWholeDay(daily, day, coveredUntil);
            await transaction.CommitAsync(ct);
            return (hourRows, dayRows);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static int InsertWholeDay(DbCommand daily, SensorHour day, DateTimeOffset coveredUntil)
    {
        if (day.SensorId is null || day.Hour.AddDays(1) > coveredUntil)
        {
            return 0;
        }

        Insert(daily, day);
        return 1;
    }

    private static DbCommand RollupInsert(DbConnection connection, DbTransaction transaction, string table)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} (sensor_id, period_start, count, min, mean, max, last) VALUES (@sensor, @period, @count, @min, @mean, @max, @last)";
        command.AddParameter("@sensor", null, DbType.String);
        command.AddParameter("@period", null, DbType.Int64);
        command.AddParameter("@count", null, DbType.Int32);
        foreach (var name in new[] { "@min", "@mean", "@max", "@last" })
        {
            command.AddParameter(name, null, DbType.Double);
        }

        command.Prepare();
        return command;
    }

    private static void Insert(DbCommand command, in SensorHour row)
    {
        var p = command.Parameters;
        p[0].Value = row.SensorId;
        p[1].Value = row.Hour.UtcTicks;
        p[2].Value = row.Count;
        p[3].Value = row.Min;
        p[4].Value = row.Mean;
        p[5].Value = row.Max;
        p[6].Value = row.Last;
        command.ExecuteNonQuery();
    }
}
