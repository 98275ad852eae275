using System.Data.Common;
using Twin.Data.Store.Providers;
using Twin.Domain.Sensors;
using Twin.Domain.Time;

namespace Twin.Data.Store;

/// <summary>
/// Folds a late reading into the rollups of a period the lifecycle has already summed up (the
/// hourly one, and the Shanghai day's once that is summed too), inside the batch's transaction,
/// so the rollups always agree with the raw readings they were made from. A period not summed
/// up yet needs nothing: the lifecycle will sum the reading with the rest.
/// </summary>
/// <remarks>
/// count, min, max and the mean are updated incrementally; <c>last</c> becomes the late value
/// only when no stored reading of that period is later. That test is exact because a late
/// reading is never older than the raw readings kept (the engine refuses readings older than
/// <c>MaxReadingAgeDays</c>, which may not exceed <c>RawObservationDays</c>), so no trimmed
/// reading can be later than it.
/// </remarks>
internal sealed class LateReadingRollups : IDisposable
{
    private readonly DbCommand _hourlyWatermark;
    private readonly DbCommand _dailyWatermark;
    private readonly DbCommand _foldHourly;
    private readonly DbCommand _foldDaily;
    private long? _hourlyUntil;
    private long? _dailyUntil;

    public LateReadingRollups(StoreDialect dialect, DbConnection connection)
    {
        _hourlyWatermark = Command(connection, "SELECT MAX(period_start) FROM observation_hourly");
        _dailyWatermark = Command(connection, "SELECT MAX(period_start) FROM observation_daily");
        _foldHourly = Command(connection, FoldSql(dialect, "observation_hourly"), "@sensor", "@period", "@value", "@at", "@end");
        _foldDaily = Command(connection, FoldSql(dialect, "observation_daily"), "@sensor", "@period", "@value", "@at", "@end");
    }

    /// <summary>
    /// Reads the periods summed up so far, once per batch (index lookups on period_start); false
    /// when none is, so no reading of the batch can need folding.
    /// </summary>
    public bool Begin(DbTransaction transaction)
    {
        foreach (var command in new[] { _hourlyWatermark, _dailyWatermark, _foldHourly, _foldDaily })
        {
            command.Transaction = transaction;
        }

        _hourlyUntil = _hourlyWatermark.ExecuteScalar() as long?;
        _dailyUntil = _dailyWatermark.ExecuteScalar() as long?;
        return _hourlyUntil is not null;
    }

    /// <summary>Call for each reading just inserted (not for a replay found stored).</summary>
    public void Fold(in Observation observation)
    {
        var at = observation.ObservedAt.UtcTicks;
        var hour = at - at % TimeSpan.TicksPerHour;
        if (_hourlyUntil is not { } hourly || hour > hourly)
        {
            return;
        }

        Run(_foldHourly, observation, hour, hour + TimeSpan.TicksPerHour);
        var day = ShanghaiClock.StartOfDay(observation.ObservedAt).UtcTicks;
        if (_dailyUntil is { } daily && day <= daily)
        {
            Run(_foldDaily, observation, day, day + TimeSpan.TicksPerDay);
        }
    }

    public void Dispose()
    {
        _hourlyWatermark.Dispose();
        _dailyWatermark.Dispose();
        _foldHourly.Dispose();
        _foldDaily.Dispose();
    }

    private static void Run(DbCommand command, in Observation observation, long period, long end)
    {
        var p = command.Parameters;
        p[0].Value = observation.SensorId;
        p[1].Value = period;
        p[2].Value = observation.Value;
        p[3].Value = observation.ObservedAt.UtcTicks;
        p[4].Value = end;
        command.ExecuteNonQuery();
    }

    // Columns of the stored row are named by the table (PostgreSQL finds them ambiguous beside excluded), all read before any is set.
    private static string FoldSql(StoreDialect dialect, string table)
    {
        string Of(string pattern, string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, $"{table}.{column}", $"excluded.{column}");
        return $"""
            INSERT INTO {table} (sensor_id, period_start, count, min, mean, max, last)
            VALUES (@sensor, @period, 1, @value, @value, @value, @value)
            ON CONFLICT (sensor_id, period_start) DO UPDATE SET
                count = {table}.count + 1,
                min = {Of(dialect.Sql.Least, "min")},
                max = {Of(dialect.Sql.Greatest, "max")},
                mean = ({table}.mean * {table}.count + excluded.mean) / ({table}.count + 1),
                last = CASE WHEN EXISTS (
                    SELECT 1 FROM observations
                    WHERE sensor_id = @sensor AND observed_at > @at AND observed_at < @end) THEN {table}.last ELSE excluded.last END
            """;
    }

    private static DbCommand Command(DbConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.AddParameter(name, null);
        }

        command.Prepare();
        return command;
    }
}
