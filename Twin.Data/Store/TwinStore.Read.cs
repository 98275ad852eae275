using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    private const int AggregateHours = 48;

    /// <summary>Points of each drone's track restored into its trail (the engine's default trail length).</summary>
    private const int DroneTrailPoints = 60;

    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(s => s.IsOpen()).ToArray();

    /// <summary>
    /// What the engine needs to rebuild itself at <paramref name="now"/>, read in one snapshot of
    /// the database: every sensor (in registration order) with its current state; tickets that are
    /// open, reported since the start of yesterday (Asia/Shanghai), closed today (so today's
    /// closure counts survive a restart) or closed within <paramref name="keepClosedFor"/> (the
    /// 评价 window, <see cref="EvaluationWindow.Default"/> unless given); alarms active or raised since the start of yesterday;
    /// hourly sums per sensor kind over the last 48 h; and the next alarm number. What tickets and
    /// alarms keep beyond their rows (claims by people, refusing departments, duplicate
    /// explanations) is read back from their histories.
    /// </summary>
    public async Task<EngineRestoreState> LoadRestoreStateAsync(DateTimeOffset now, TimeSpan? keepClosedFor = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var todayStart = ShanghaiClock.StartOfDay(now);
        var yesterdayStart = todayStart.AddDays(-1);
        var closedSince = now - (keepClosedFor ?? EvaluationWindow.Default.Length);
        if (closedSince > todayStart)
        {
            closedSince = todayStart;
        }

        await using var db = CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = _dialect.BeginSnapshot(connection);
        await db.Database.UseTransactionAsync(transaction, ct);

        var sensors = await db.Sensors.FromSqlRaw(_dialect.Sql.SensorsInRegistrationOrder).AsNoTracking().ToListAsync(ct);

        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => OpenStatuses.Contains(t.Status) || t.ReportedAt >= yesterdayStart || t.ClosedAt >= closedSince)
            .OrderBy(t => t.ReportedAt).ThenBy(t => t.Id)
            .ToListAsync(ct);

        var alarms = await db.Alarms.AsNoTracking()
            .Where(a => a.ClearedAt == null || a.RaisedAt >= yesterdayStart)
            .OrderBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);

        var ticketIds = tickets.Select(t => t.Id).ToList();
        var histories = (await db.TicketHistory.AsNoTracking()
                .Where(h => ticketIds.Contains(h.TicketId))
                .OrderBy(h => h.Id)
                .ToListAsync(ct))
            .ToLookup(h => h.TicketId, h => h.ToTransition(), StringComparer.Ordinal);

        var activeAlarmIds = alarms.Where(a => a.ClearedAt == null).Select(a => a.Id).ToList();
        var alarmClaims = (await db.AlarmHistory.AsNoTracking()
                .Where(h => (h.Change == AlarmChange.Claimed || h.Change == AlarmChange.Assigned || h.Change == AlarmChange.FiledAsCase)
                    && h.Actor != TwinEngine.AutoFiler && activeAlarmIds.Contains(h.AlarmId))
                .OrderBy(h => h.Id)
                .ToListAsync(ct))
            .GroupBy(h => h.AlarmId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Actor, StringComparer.Ordinal);

        var areas = await ReadAlarmAreasAsync(db, alarms, ct);
        var aggregates = await ReadHourlyAggregatesAsync(connection, transaction, now, ct);
        var nextAlarmNumber = await ReadNextNumberAsync(connection, transaction, "alarms", ct);
        var fleet = await ReadFleetAsync(db, connection, transaction, DroneTrailPoints, ct);
        var emergency = await ReadEmergencyAsync(db, ct);
        var rainfall = await ReadRainfallAsync(connection, transaction, now, ct);

        return new EngineRestoreState(
            sensors.Select(s => s.ToState()).ToList(),
            tickets.Select(t => TicketHistoryFacts.Rebuild(t.ToState(), histories[t.Id])).ToList(),
            alarms.Select(a => a.ToState() with { Area = areas.GetValueOrDefault(a.Id), ClaimedBy = alarmClaims.GetValueOrDefault(a.Id) }).ToList(),
            aggregates,
            nextAlarmNumber)
        {
            Drones = fleet.Drones,
            Missions = fleet.Missions,
            NextMissionNumber = fleet.NextMissionNumber,
            Emergency = emergency,
            RainfallAggregates = rainfall,
        };
    }

    /// <summary>True when nothing has been stored yet: no sensor, no ticket, no alarm (a first run).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        return !await db.Sensors.AnyAsync(ct) && !await db.Tickets.AnyAsync(ct) && !await db.Alarms.AnyAsync(ct);
    }

    /// <summary>A ticket's transitions, oldest first.</summary>
    public async Task<IReadOnlyList<TicketTransition>> GetTicketHistoryAsync(string ticketId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == ticketId).OrderBy(h => h.Id).ToListAsync(ct);
        return rows.Select(h => h.ToTransition()).ToList();
    }

    /// <summary>
    /// The reporter's real name, phone and (when it carried personal data) statement for one ticket, decrypted; null when the ticket is
    /// unknown. Callers reveal it only to an authorised person and audit that they did.
    /// </summary>
    public async Task<Reporter?> GetReporterContactAsync(string ticketId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.ReporterName, t.ReporterPhone, t.ReporterStatement }).FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new Reporter(_personalData.Unprotect(row.ReporterName), _personalData.Unprotect(row.ReporterPhone), _personalData.Unprotect(row.ReporterStatement));
    }

    /// <summary>An alarm's changes, oldest first.</summary>
    public async Task<IReadOnlyList<AlarmHistoryEntry>> GetAlarmHistoryAsync(string alarmId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.AlarmHistory.AsNoTracking().Where(h => h.AlarmId == alarmId).OrderBy(h => h.Id).ToListAsync(ct);
        return rows.Select(h => h.ToEntry()).ToList();
    }

    /// <summary>A sensor's readings observed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in time order.</summary>
    public async Task<IReadOnlyList<Observation>> GetObservationsAsync(
        string sensorId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.SensorId == sensorId && o.ObservedAt >= fromUtc && o.ObservedAt < toUtc)
            .OrderBy(o => o.ObservedAt)
            .ToListAsync(ct);
        return rows.Select(o => o.ToObservation()).ToList();
    }

    /// <summary>Stored readings, of one sensor or of all.</summary>
    public async Task<long> CountObservationsAsync(string? sensorId = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var query = db.Observations.AsNoTracking();
        if (sensorId is not null)
        {
            query = query.Where(o => o.SensorId == sensorId);
        }

        return await query.LongCountAsync(ct);
    }

    private static async Task<IReadOnlyList<HourlyObservationAggregate>> ReadHourlyAggregatesAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken ct)
    {
        var currentHour = now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour;
        return await ReadHourlySumsAsync(
            connection, transaction, "s.kind", onlyKind: null, currentHour - (AggregateHours - 1) * TimeSpan.TicksPerHour,
            (kind, hour, sum, count) => new HourlyObservationAggregate(Enum.Parse<SensorKind>(kind), hour, sum, count), ct);
    }

    /// <summary>Hourly sums of each rain gauge over the last 25 hours (a 24 h total needs the current hour and the 24 before it).</summary>
    private static async Task<IReadOnlyList<SensorHourlyAggregate>> ReadRainfallAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken ct)
    {
        var currentHour = now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour;
        return await ReadHourlySumsAsync(
            connection, transaction, "s.id", SensorKind.RainGauge, currentHour - 24 * TimeSpan.TicksPerHour,
            (id, hour, sum, count) => new SensorHourlyAggregate(id, hour, sum, count), ct);
    }

    /// <summary>
    /// Sums and counts of readings per UTC hour since <paramref name="fromTicks"/>, grouped by
    /// <paramref name="sensorColumn"/> (a column of the sensors table, fixed in code).
    /// </summary>
    private static async Task<List<T>> ReadHourlySumsAsync<T>(
        DbConnection connection, DbTransaction transaction, string sensorColumn, SensorKind? onlyKind, long fromTicks,
        Func<string, DateTimeOffset, double, int, T> row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Driven from sensors so that each sensor's slice is a range scan of the (sensor_id, observed_at) index.
        command.CommandText =
            $"""
            SELECT {sensorColumn}, o.observed_at / @hour_ticks AS hour, SUM(o.value), COUNT(*)
            FROM sensors AS s
            JOIN observations AS o ON o.sensor_id = s.id AND o.observed_at >= @from
            WHERE @kind IS NULL OR s.kind = @kind
            GROUP BY {sensorColumn}, hour
            ORDER BY hour, {sensorColumn}
            """;
        command.AddParameter("@hour_ticks", TimeSpan.TicksPerHour);
        command.AddParameter("@from", fromTicks);
        command.AddParameter("@kind", onlyKind is { } kind ? kind.ToString() : DBNull.Value, System.Data.DbType.String);

        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(row(reader.GetString(0), UtcTicks.ToInstant(reader.GetInt64(1) * TimeSpan.TicksPerHour), reader.GetDouble(2), reader.GetInt32(3)));
        }

        return result;
    }

    /// <summary>The number after the highest of a table's numbered ids, plus one.</summary>
    private async Task<long> ReadNextNumberAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Ids are "A-00000042": the number follows the dash; max() over numbers, not over padded text.
        command.CommandText = $"SELECT COALESCE(MAX({string.Format(System.Globalization.CultureInfo.InvariantCulture, _dialect.Sql.NumberAfterDash, "id")}), 0) + 1 FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
