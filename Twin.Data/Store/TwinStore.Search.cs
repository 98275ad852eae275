using System.Text;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Search;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace Twin.Data.Store;

public sealed partial class TwinStore
{
    private const int MaxPlaces = 10;

    /// <summary>
    /// Stored tickets of any age whose indexed text contains the query's phrase: FTS5 trigrams
    /// (ranked by bm25) for 3+ characters, the character-pair index for one or two; and the
    /// places, alarms and sensors whose names contain it, as far as the query's scope asks. The
    /// query must be valid (<see cref="SearchQuery.Validate"/>). Tickets, alarms and sensors outside
    /// <paramref name="scope"/> are neither listed nor counted.
    /// </summary>
    public async Task<SearchResult> SearchAsync(SearchQuery query, AccessScope scope, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (query.Validate() is { } error)
        {
            throw new ArgumentException($"Invalid search query: {error}.", nameof(query));
        }

        await using var db = CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        // One read snapshot, so that the hits, the facets and the total agree.
        await using var transaction = _dialect.BeginSnapshot(connection);
        var phrase = query.Phrase;
        var (hits, facets) = query.SearchesTickets
            ? await SearchTicketsAsync(connection, transaction, query, scope, phrase, ct)
            : ([], NoFacets());
        var places = query.SearchesPlaces ? await SearchPlacesAsync(connection, transaction, phrase, ct) : [];
        return new SearchResult(hits, facets["s"].Values.Sum(), facets["s"], facets["c"], facets["d"], places)
        {
            Alarms = query.SearchesAlarms ? await SearchAlarmsAsync(connection, transaction, query, scope, ct) : [],
            Sensors = query.SearchesSensors ? await SearchSensorsAsync(connection, transaction, query, scope, ct) : [],
        };
    }

    private static Dictionary<string, Dictionary<string, int>> NoFacets() => new(StringComparer.Ordinal)
    {
        ["s"] = new(StringComparer.Ordinal), ["c"] = new(StringComparer.Ordinal), ["d"] = new(StringComparer.Ordinal),
    };

    /// <summary>The matching tickets up to the limit, and the counts of all of them by status ("s"), channel ("c") and 街镇 ("d").</summary>
    private async Task<(List<SearchHit> Hits, Dictionary<string, Dictionary<string, int>> Facets)> SearchTicketsAsync(
        DbConnection connection, DbTransaction transaction, SearchQuery query, AccessScope scope, string phrase, CancellationToken ct)
    {
        var (matches, ranked) = _dialect.Sql.TicketCandidates(phrase);
        var filters = Filters(query) + " AND " + ScopeSql.Tickets(scope, "t");

        await using var hitsCommand = SearchCommand(connection, transaction, query, scope, phrase,
            $"""
            WITH m AS ({matches})
            SELECT t.id, t.title, t.address, t.channel, t.category_code, t.status, t.sub_district_code, t.lon, t.lat, t.reported_at, t.closed_at
            FROM m JOIN tickets t ON t.id = m.id
            WHERE {filters}
            ORDER BY {(query.Sort == SearchSort.Relevance && ranked ? "m.rank, " : string.Empty)}t.reported_at DESC, t.id
            LIMIT @limit
            """);
        var hits = new List<SearchHit>();
        await using (var reader = await hitsCommand.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new SearchHit(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Enum.Parse<TicketChannel>(reader.GetString(3)),
                    reader.GetString(4),
                    Enum.Parse<TicketStatus>(reader.GetString(5)),
                    reader.GetString(6),
                    reader.GetDouble(7),
                    reader.GetDouble(8),
                    UtcTicks.ToInstant(reader.GetInt64(9)),
                    reader.IsDBNull(10) ? null : UtcTicks.ToInstant(reader.GetInt64(10))));
            }
        }

        await using var facetsCommand = SearchCommand(connection, transaction, query, scope, phrase,
            $"""
            WITH m AS ({matches}), f AS (SELECT t.status, t.channel, t.sub_district_code FROM m JOIN tickets t ON t.id = m.id WHERE {filters})
            SELECT 's', status, COUNT(*) FROM f GROUP BY status
            UNION ALL SELECT 'c', channel, COUNT(*) FROM f GROUP BY channel
            UNION ALL SELECT 'd', sub_district_code, COUNT(*) FROM f GROUP BY sub_district_code
            """);
        var facets = NoFacets();
        await using (var reader = await facetsCommand.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                facets[reader.GetString(0)][reader.GetString(1)] = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (hits, facets);
    }

    /// <summary>Replaces the searchable places (街镇 and 居委 names) with <paramref name="places"/>, in one transaction.</summary>
    public async Task IndexPlacesAsync(IEnumerable<SearchPlace> places, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = _dialect.BeginWrite(connection);
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM search_places";
            await clear.ExecuteNonQueryAsync(ct);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO search_places (kind, code, name, sub_district_code) VALUES (@kind, @code, @name, @sd)
            ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name, sub_district_code = excluded.sub_district_code
            """;
        var kind = insert.AddParameter("@kind", null);
        var code = insert.AddParameter("@code", null);
        var name = insert.AddParameter("@name", null);
        var subDistrict = insert.AddParameter("@sd", null);
        foreach (var place in places)
        {
            kind.Value = place.Kind;
            code.Value = place.Code;
            name.Value = place.Name;
            subDistrict.Value = (object?)place.SubDistrictCode ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static string Filters(SearchQuery query)
    {
        var sql = new StringBuilder("1 = 1");
        if (query.From is not null)
        {
            sql.Append(" AND t.reported_at >= @from");
        }

        if (query.To is not null)
        {
            sql.Append(" AND t.reported_at < @to");
        }

        if (query.Channel is not null)
        {
            sql.Append(" AND t.channel = @channel");
        }

        if (query.CategoryCode is not null)
        {
            sql.Append(" AND t.category_code = @category");
        }

        if (query.Status is not null)
        {
            sql.Append(" AND t.status = @status");
        }

        if (query.SubDistrictCode is not null)
        {
            sql.Append(" AND t.sub_district_code = @sub_district");
        }

        if (query.InCorridor is { } inCorridor)
        {
            sql.Append(inCorridor ? " AND t.in_corridor" : " AND NOT t.in_corridor");
        }

        if (query.Overdue is { } overdue)
        {
            sql.Append(overdue ? " AND t.overdue_steps > 0" : " AND t.overdue_steps = 0");
        }

        return sql.ToString();
    }

    private DbCommand SearchCommand(DbConnection connection, DbTransaction transaction, SearchQuery query, AccessScope scope, string phrase, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@match", _dialect.Sql.MatchValue(phrase));
        command.AddParameter("@limit", query.Limit);
        command.AddParameter("@from", query.From is { } from ? UtcTicks.From(from) : DBNull.Value);
        command.AddParameter("@to", query.To is { } to ? UtcTicks.From(to) : DBNull.Value);
        command.AddParameter("@channel", (object?)query.Channel?.ToString() ?? DBNull.Value);
        command.AddParameter("@category", (object?)query.CategoryCode ?? DBNull.Value);
        command.AddParameter("@status", (object?)query.Status?.ToString() ?? DBNull.Value);
        command.AddParameter("@sub_district", (object?)query.SubDistrictCode ?? DBNull.Value);
        ScopeSql.Bind(command, scope);
        return command;
    }

    private async Task<IReadOnlyList<SearchPlace>> SearchPlacesAsync(DbConnection connection, DbTransaction transaction, string phrase, CancellationToken ct)
    {
        // A few hundred names: a scan is cheaper than any index.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT kind, code, name, sub_district_code FROM search_places WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, _dialect.Sql.Position, "name", "@phrase")} > 0 ORDER BY kind DESC, length(name), code LIMIT @limit";
        command.AddParameter("@phrase", phrase);
        command.AddParameter("@limit", MaxPlaces);
        var places = new List<SearchPlace>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            places.Add(new SearchPlace(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return places;
    }

    /// <summary>SQLite's lower() folds ASCII only; names are matched against it.</summary>
    internal static string LowerAscii(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
            }
        });
}
