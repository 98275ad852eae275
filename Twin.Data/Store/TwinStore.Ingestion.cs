using System.Globalization;
using System.Text;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Alarms;
using Twin.Data.Sensors;
using Twin.Domain.Alarms;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

/// <summary>Reads the open ingestion APIs need: replay checks and the standards' query endpoints.</summary>
public sealed partial class TwinStore
{
    public async Task<TicketState?> FindTicketAsync(string id, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return row?.ToState();
    }

    /// <summary>Tickets whose id starts with <paramref name="idPrefix"/>, newest first, with optional filters.</summary>
    public async Task<IReadOnlyList<TicketState>> QueryTicketsAsync(
        string idPrefix,
        IReadOnlyCollection<string>? ids,
        IReadOnlyCollection<string>? categoryCodes,
        IReadOnlyCollection<TicketStatus>? statuses,
        DateTimeOffset from,
        DateTimeOffset to,
        int limit,
        CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var query = db.Tickets.AsNoTracking().Where(t => t.Id.StartsWith(idPrefix) && t.ReportedAt >= from && t.ReportedAt <= to);
        if (ids is { Count: > 0 })
        {
            query = query.Where(t => ids.Contains(t.Id));
        }

        if (categoryCodes is { Count: > 0 })
        {
            query = query.Where(t => categoryCodes.Contains(t.CategoryCode));
        }

        if (statuses is { Count: > 0 })
        {
            query = query.Where(t => statuses.Contains(t.Status));
        }

        var rows = await query.OrderByDescending(t => t.ReportedAt).ThenBy(t => t.Id).Take(limit).ToListAsync(ct);
        return rows.Select(r => r.ToState()).ToList();
    }

    /// <summary>The alarm an external message raised (active or not), or null when none was stored.</summary>
    public async Task<AlarmState?> FindAlarmBySourceAsync(AlarmSource source, string sourceId, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.Source == source && a.SourceId == sourceId, ct);
        return row?.ToState();
    }

    /// <summary>Which of <paramref name="ids"/> are stored tickets (the writer's replay check).</summary>
    public async Task<IReadOnlyList<string>> FindTicketIdsAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = CreateDbContext();
        return await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
    }

    /// <summary>The alarms stored under each of the given source ids (the writer's replay check for outside alerts, which compares their content).</summary>
    public async Task<Dictionary<string, AlarmState>> FindAlarmsBySourceAsync(AlarmSource source, IReadOnlyCollection<string> sourceIds, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (sourceIds.Count == 0)
        {
            return [];
        }

        await using var db = CreateDbContext();
        var rows = await db.Alarms.AsNoTracking()
            .Where(a => a.Source == source && sourceIds.Contains(a.SourceId))
            .ToListAsync(ct);
        return rows.GroupBy(r => r.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ToState(), StringComparer.Ordinal);
    }

    /// <summary>A sensor's stored readings at the given times (a replay finds its first copy and compares the result).</summary>
    public async Task<Dictionary<DateTimeOffset, StoredObservation>> FindObservationsAtAsync(
        string sensorId, IReadOnlyCollection<DateTimeOffset> times, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (times.Count == 0)
        {
            return [];
        }

        var (from, to) = (times.Min(), times.Max());
        var wanted = times.ToHashSet();
        await using var db = CreateDbContext();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.SensorId == sensorId && o.ObservedAt >= from && o.ObservedAt <= to)
            .Select(o => new StoredObservation(o.Id, o.SensorId, o.Value, o.ObservedAt, o.BatteryPercent))
            .ToListAsync(ct);
        return rows.Where(r => wanted.Contains(r.ObservedAt)).ToDictionary(r => r.ObservedAt);
    }

    public async Task<StoredObservation?> GetObservationAsync(long id, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        var row = await db.Observations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return row is null ? null : new StoredObservation(row.Id, row.SensorId, row.Value, row.ObservedAt, row.BatteryPercent);
    }

    /// <summary>One page of readings with the total when asked; filter and order are bound as parameters.</summary>
    public async Task<ObservationPage> QueryObservationsAsync(ObservationQuery query, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = (DbConnection)db.Database.GetDbConnection();

        // Both statements read one snapshot, so the count agrees with the page.
        await using var transaction = _dialect.BeginSnapshot(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var where = new StringBuilder("1 = 1");
        if (query.SensorId is not null)
        {
            where.Append(" AND sensor_id = @sensor");
            command.AddParameter("@sensor", query.SensorId);
        }

        if (query.Filter is not null)
        {
            where.Append(" AND ").Append(FilterSql(query.Filter, command));
        }

        long? count = null;
        if (query.Count)
        {
            command.CommandText = $"SELECT COUNT(*) FROM observations WHERE {where}";
            count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        var order = query.OrderBy.Count == 0
            ? "id"
            : string.Join(", ", query.OrderBy.Select(o => Column(o.Field) + (o.Descending ? " DESC" : " ASC")));
        command.CommandText =
            $"SELECT id, sensor_id, value, observed_at, battery_percent FROM observations WHERE {where} ORDER BY {order}, id LIMIT @top OFFSET @skip";
        command.AddParameter("@top", query.Top);
        command.AddParameter("@skip", query.Skip);
        var items = new List<StoredObservation>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(new StoredObservation(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetDouble(2),
                    UtcTicks.ToInstant(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4)));
            }
        }

        return new ObservationPage(items, count);
    }

    private static async Task<Dictionary<string, AlarmArea>> ReadAlarmAreasAsync(TwinDbContext db, List<AlarmRow> alarms, CancellationToken ct)
    {
        var ids = alarms.Where(a => a.Source == AlarmSource.Cap).Select(a => a.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.AlarmAreas.AsNoTracking().Where(a => ids.Contains(a.AlarmId)).ToListAsync(ct);
        return rows.ToDictionary(r => r.AlarmId, r => AlarmAreaJson.Read(r.Area), StringComparer.Ordinal);
    }

    private static string FilterSql(ObservationFilter filter, DbCommand command) => filter switch
    {
        ObservationFilterAnd f => $"({FilterSql(f.Left, command)} AND {FilterSql(f.Right, command)})",
        ObservationFilterOr f => $"({FilterSql(f.Left, command)} OR {FilterSql(f.Right, command)})",
        ObservationFilterNot f => $"(NOT {FilterSql(f.Inner, command)})",
        ObservationComparison c => Comparison(c, command),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private static string Comparison(ObservationComparison c, DbCommand command)
    {
        var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        // Ticks stay an integer: a conditional of long and double would widen them to a double,
        // which cannot hold them exactly, so `phenomenonTime eq T` never matched the stored T.
        command.AddParameter(name, c.Time is { } time ? (object)UtcTicks.From(time) : c.Number);
        var op = c.Operator switch
        {
            ComparisonOperator.Eq => "=",
            ComparisonOperator.Ne => "<>",
            ComparisonOperator.Gt => ">",
            ComparisonOperator.Ge => ">=",
            ComparisonOperator.Lt => "<",
            ComparisonOperator.Le => "<=",
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Operator, null),
        };
        return $"{Column(c.Field)} {op} {name}";
    }

    private static string Column(ObservationField field) => field switch
    {
        ObservationField.Id => "id",
        ObservationField.PhenomenonTime => "observed_at",
        ObservationField.Result => "value",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
