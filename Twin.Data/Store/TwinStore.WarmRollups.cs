using System.Data;
using System.Data.Common;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>Hourly rows a statement: 224 parameters, as many rows as a replay's readings take (see WriteReplay).</summary>
    private const int RollupRowsPerStatement = 32;

    private const string HourlyPeriodIndex = "ix_observation_hourly_period_start";

    /// <summary>
    /// Writes a replayed past's hourly rollups (each sensor's hours in time order, one sensor after
    /// another) and the daily rollup of every Shanghai day they cover whole (days ending by
    /// <paramref name="coveredUntil"/>), summed from them as the lifecycle sums a day: one
    /// transaction, prepared inserts bound afresh for each 32 rows. The store must hold no rollups
    /// yet. The lifecycle carries on from the hour after the newest row (its watermark).
    /// Returns the hourly and daily rows written.
    /// </summary>
    /// <remarks>
    /// Sensor after sensor, the rows and the (sensor, period) key grow at one place at a time, but
    /// the index on the period alone would take each row at a random page of a 1.5-million-entry
    /// index; it is dropped and built again, sorted once, in the same transaction.
    /// </remarks>
    public async Task<(long Hours, long Days)> WriteRollupsAsync(IEnumerable<SensorHour> hours, DateTimeOffset coveredUntil, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenConnectionAsync(ct);
            await using var transaction = _dialect.BeginWrite(connection);
            Execute(connection, transaction, $"DROP INDEX {HourlyPeriodIndex}");
            await using var hourly = RollupInsert(connection, transaction, "observation_hourly", RollupRowsPerStatement);
            await using var single = RollupInsert(connection, transaction, "observation_hourly", 1);
            await using var daily = RollupInsert(connection, transaction, "observation_daily", 1);
            var pending = new SensorHour[RollupRowsPerStatement];
            var (hourRows, dayRows) = (0L, 0L);
            var day = default(SensorHour);
            foreach (var hour in hours)
            {
                pending[hourRows++ % RollupRowsPerStatement] = hour;
                if (hourRows % RollupRowsPerStatement == 0)
                {
                    Insert(hourly, pending);
                    ct.ThrowIfCancellationRequested();
                }

                if (day.SensorId == hour.SensorId && hour.Hour < day.Hour.AddDays(1))
                {
                    // The count-weighted mean, as RollUpDaySql sums a day.
                    var count = day.Count + hour.Count;
                    day = new SensorHour(
                        day.SensorId, day.Hour, count, Math.Min(day.Min, hour.Min), ((day.Mean * day.Count) + (hour.Mean * hour.Count)) / count,
                        Math.Max(day.Max, hour.Max), hour.Last);
                    continue;
                }

                dayRows += InsertWholeDay(daily, day, coveredUntil);
                day = hour with { Hour = ShanghaiClock.StartOfDay(hour.Hour) };
            }

            for (var i = hourRows - (hourRows % RollupRowsPerStatement); i < hourRows; i++)
            {
                Insert(single, pending.AsSpan((int)(i % RollupRowsPerStatement), 1));
            }

            dayRows += InsertWholeDay(daily, day, coveredUntil);
            Execute(connection, transaction, $"CREATE INDEX {HourlyPeriodIndex} ON observation_hourly (period_start)");
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

        Insert(daily, [day]);
        return 1;
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DbCommand RollupInsert(DbConnection connection, DbTransaction transaction, string table, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Enumerable.Range(0, rows).Select(i => $"(@s{i}, @p{i}, @c{i}, @n{i}, @a{i}, @x{i}, @l{i})");
        command.CommandText = $"INSERT INTO {table} (sensor_id, period_start, count, min, mean, max, last) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rows; i++)
        {
            command.AddParameter($"@s{i}", null, DbType.String);
            command.AddParameter($"@p{i}", null, DbType.Int64);
            command.AddParameter($"@c{i}", null, DbType.Int32);
            foreach (var name in new[] { "@n", "@a", "@x", "@l" })
            {
                command.AddParameter($"{name}{i}", null, DbType.Double);
            }
        }

        command.Prepare();
        return command;
    }

    private static void Insert(DbCommand command, ReadOnlySpan<SensorHour> rows)
    {
        var p = command.Parameters;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            p[(i * 7) + 0].Value = row.SensorId;
            p[(i * 7) + 1].Value = row.Hour.UtcTicks;
            p[(i * 7) + 2].Value = row.Count;
            p[(i * 7) + 3].Value = row.Min;
            p[(i * 7) + 4].Value = row.Mean;
            p[(i * 7) + 5].Value = row.Max;
            p[(i * 7) + 6].Value = row.Last;
        }

        command.ExecuteNonQuery();
    }
}
