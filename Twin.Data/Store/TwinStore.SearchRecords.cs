using System.Data;
using System.Data.Common;
using Twin.Data.Search;
using Twin.Domain.Alarms;
using Twin.Domain.Organisations;
using Twin.Domain.Sensors;
using Twin.Domain.Vocabulary;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    /// <summary>
    /// The words a sensor is found by beside its name and id: its kind in Chinese and English
    /// (河道水位, noise), as SQL over the row's <c>kind</c> column.
    /// </summary>
    private static readonly string SensorKindWords =
        "CASE kind " + string.Concat(Enum.GetValues<SensorKind>().Select(k =>
            $"WHEN '{k}' THEN '{Names.Of(k).Zh} {Names.Of(k).En.ToLowerInvariant()}' ")) + "ELSE '' END";

    /// <summary>
    /// Alarms of any age whose title, kind, source or 街镇 contains the phrase, newest first. A
    /// month holds a few thousand alarms: a scan of them costs a few milliseconds, less than an
    /// index would cost every alarm write.
    /// </summary>
    private async Task<IReadOnlyList<SearchAlarmHit>> SearchAlarmsAsync(
        DbConnection connection, DbTransaction transaction, SearchQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var command = RecordCommand(connection, transaction, query, scope,
            $"""
            SELECT a.id, a.source, a.source_id, a.kind, a.severity, a.title, a.sub_district_code, a.lon, a.lat, a.raised_at, a.acknowledged_at, a.cleared_at
            FROM alarms a
            WHERE {Contains("lower(a.title || ' ' || a.kind || ' ' || a.source_id || ' ' || coalesce((SELECT name FROM search_names WHERE kind = 'subdistrict' AND code = a.sub_district_code), ''))")}
              AND (@from IS NULL OR a.raised_at >= @from) AND (@to IS NULL OR a.raised_at < @to)
              AND (@sub_district IS NULL OR a.sub_district_code = @sub_district) AND {ScopeSql.Alarms(scope, "a")}
            ORDER BY a.raised_at DESC, a.id
            LIMIT @limit
            """);
        var hits = new List<SearchAlarmHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add(new SearchAlarmHit(
                reader.GetString(0),
                Enum.Parse<AlarmSource>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                Enum.Parse<AlarmSeverity>(reader.GetString(4)),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetDouble(7),
                reader.GetDouble(8),
                UtcTicks.ToInstant(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : UtcTicks.ToInstant(reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : UtcTicks.ToInstant(reader.GetInt64(11))));
        }

        return hits;
    }

    /// <summary>Sensors whose name, id, kind or 街镇 contains the phrase (a scan: the district has a few thousand).</summary>
    private async Task<IReadOnlyList<SearchSensorHit>> SearchSensorsAsync(
        DbConnection connection, DbTransaction transaction, SearchQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var command = RecordCommand(connection, transaction, query, scope,
            $"""
            SELECT s.id, s.kind, s.name, s.unit, s.sub_district_code, s.in_corridor, s.lon, s.lat, s.last_value, s.value_state
            FROM sensors s
            WHERE {Contains($"lower(s.name || ' ' || s.id || ' ' || {SensorKindWords} || ' ' || coalesce((SELECT name FROM search_names WHERE kind = 'subdistrict' AND code = s.sub_district_code), ''))")}
              AND (@sub_district IS NULL OR s.sub_district_code = @sub_district)
              AND (@corridor IS NULL OR s.in_corridor = @corridor) AND {ScopeSql.Sensors(scope, "s")}
            ORDER BY s.id
            LIMIT @limit
            """);
        var hits = new List<SearchSensorHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add(new SearchSensorHit(
                reader.GetString(0),
                Enum.Parse<SensorKind>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetBoolean(5),
                reader.GetDouble(6),
                reader.GetDouble(7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                Enum.Parse<ValueState>(reader.GetString(9))));
        }

        return hits;
    }

    /// <summary>True where <paramref name="text"/> (SQL) holds <c>@phrase</c>.</summary>
    private string Contains(string text) => string.Format(System.Globalization.CultureInfo.InvariantCulture, _dialect.Sql.Position, text, "@phrase") + " > 0";

    private static DbCommand RecordCommand(DbConnection connection, DbTransaction transaction, SearchQuery query, AccessScope scope, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@phrase", LowerAscii(query.Phrase));
        command.AddParameter("@limit", query.Limit);
        command.AddParameter("@from", query.From is { } from ? UtcTicks.From(from) : DBNull.Value, DbType.Int64);
        command.AddParameter("@to", query.To is { } to ? UtcTicks.From(to) : DBNull.Value, DbType.Int64);
        command.AddParameter("@sub_district", (object?)query.SubDistrictCode ?? DBNull.Value, DbType.String);
        command.AddParameter("@corridor", query.InCorridor is { } corridor ? corridor : DBNull.Value, DbType.Boolean);
        ScopeSql.Bind(command, scope);
        return command;
    }
}
