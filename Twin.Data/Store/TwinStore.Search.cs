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
    /// Stored tickets of any age whose indexed text contains the query's phrase, and the places,
    /// alarms and sensors whose names contain it, as far as the query's scope asks. Tickets are
    /// looked up in the index (FTS5 trigrams for 3+ characters and a character-pair index for one or
    /// two on SQLite, a GIN index of character pairs on PostgreSQL), newest first; when more than
    /// <see cref="SearchQuery.CountLimit"/> match, the count stops there
    /// (<see cref="SearchResult.TotalIsLowerBound"/>). The query must be valid
    /// (<see cref="SearchQuery.Validate"/>). Tickets, alarms and sensors outside
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
        var tickets = query.SearchesTickets ? await SearchTicketsAsync(connection, transaction, query, scope, phrase, ct) : TicketMatches.None;
        var places = query.SearchesPlaces ? await SearchPlacesAsync(connection, transaction, phrase, ct) : [];
        return new SearchResult(await ReadHitsAsync(connection, transaction, tickets.Page(query), ct), tickets.Count,
            tickets.Facet(m => m.Status), tickets.Facet(m => m.Channel), tickets.Facet(m => m.SubDistrictCode), places)
        {
            TotalIsLowerBound = tickets.Capped,
            Alarms = query.SearchesAlarms ? await SearchAlarmsAsync(connection, transaction, query, scope, ct) : [],
            Sensors = query.SearchesSensors ? await SearchSensorsAsync(connection, transaction, query, scope, ct) : [],
        };
    }

    /// <summary>
    /// The matching tickets, newest first: all of them when at most <see cref="SearchQuery.CountLimit"/>
    /// pass the filters, otherwise the newest that many. The index is read newest first (on SQLite its
    /// keys follow report time and carry the ticket's filter, facet and rank columns; on PostgreSQL a window
    /// of report time at a time, back from the newest, each match joined to its ticket), and the reading
    /// stops at the first match past the limit: a common word costs about a thousand index entries, a rare
    /// one its few; only the page's tickets are read whole. The cost grows with how rarely the filters
    /// let a match through.
    /// </summary>
    private async Task<TicketMatches> SearchTicketsAsync(
        DbConnection connection, DbTransaction transaction, SearchQuery query, AccessScope scope, string phrase, CancellationToken ct)
    {
        var matches = _dialect.Sql.TicketMatches(phrase);
        var filters = Filters(query) + " AND " + ScopeSql.Tickets(scope, "t");
        // Relevance: the phrase in the title first, then in the address, then only in the description or the category's or 街镇's name.
        var rank = query.Sort == SearchSort.Time ? "0" : $"CASE WHEN {Contains("lower(t.title)")} THEN 0 WHEN {Contains("lower(t.address)")} THEN 1 ELSE 2 END";
        var sql = $"SELECT {matches.Id}, t.reported_at, t.status, t.channel, t.sub_district_code, {rank} AS rank "
            + $"{matches.From} AND {filters} ORDER BY {matches.NewestFirst} LIMIT @take";
        var rows = new List<TicketMatch>();
        foreach (var (from, to) in await SearchWindowsAsync(connection, transaction, query, ct))
        {
            await using var read = SearchCommand(connection, transaction, query, scope, phrase, sql);
            read.AddParameter("@window_from", from);
            read.AddParameter("@window_to", to);
            read.AddParameter("@take", query.CountLimit + 1 - rows.Count);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new TicketMatch(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
            }

            if (rows.Count > query.CountLimit)
            {
                break;
            }
        }

        // The index orders by report time to the second; the product shows the newest first, ties by id.
        rows.Sort((a, b) => b.ReportedAt != a.ReportedAt
            ? b.ReportedAt.CompareTo(a.ReportedAt)
            : string.CompareOrdinal(a.Id, b.Id));
        var capped = rows.Count > query.CountLimit;
        return new TicketMatches(capped ? rows[..query.CountLimit] : rows, capped);
    }

    /// <summary>
    /// The windows of report time (UTC ticks, [from, to)) the search reads, newest first: the query's
    /// whole range at once, or the engine's <see cref="Providers.DialectSql.SearchWindows"/> back from the query's
    /// end (the newest stored report without one), the rest of the range last.
    /// </summary>
    private async Task<List<(long From, long To)>> SearchWindowsAsync(DbConnection connection, DbTransaction transaction, SearchQuery query, CancellationToken ct)
    {
        var start = query.From is { } from ? UtcTicks.From(from) : DateTimeOffset.MinValue.UtcTicks;
        var end = query.To is { } to ? UtcTicks.From(to) : DateTimeOffset.MaxValue.UtcTicks;
        var windows = new List<(long From, long To)>();
        if (_dialect.Sql.SearchWindows.Count > 0 && query.To is null)
        {
            await using var newest = connection.CreateCommand();
            newest.Transaction = transaction;
            newest.CommandText = "SELECT MAX(reported_at) FROM tickets";
            if (await newest.ExecuteScalarAsync(ct) is not long last)
            {
                return windows;
            }

            end = last + 1;
        }

        foreach (var span in _dialect.Sql.SearchWindows)
        {
            if (end - start <= span.Ticks)
            {
                break;
            }

            windows.Add((end - span.Ticks, end));
            end -= span.Ticks;
        }

        windows.Add((start, end));
        return windows;
    }

    /// <summary>The page's tickets as a result list shows them, in the page's order: a few dozen read by id.</summary>
    private static async Task<IReadOnlyList<SearchHit>> ReadHitsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, title, address, channel, category_code, status, sub_district_code, lon, lat, reported_at, closed_at FROM tickets "
            + $"WHERE id IN ({string.Join(", ", ids.Select((_, i) => $"@id{i}"))})";
        for (var i = 0; i < ids.Count; i++)
        {
            command.AddParameter($"@id{i}", ids[i]);
        }

        var hits = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits[reader.GetString(0)] = ReadHit(reader);
        }

        return [.. ids.Select(id => hits[id])];
    }

    private static SearchHit ReadHit(DbDataReader reader) =>
        new(reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Enum.Parse<TicketChannel>(reader.GetString(3)),
            reader.GetString(4),
            Enum.Parse<TicketStatus>(reader.GetString(5)),
            reader.GetString(6),
            reader.GetDouble(7),
            reader.GetDouble(8),
            UtcTicks.ToInstant(reader.GetInt64(9)),
            reader.IsDBNull(10) ? null : UtcTicks.ToInstant(reader.GetInt64(10)));

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
        command.AddParameter("@phrase", _dialect.Sql.FoldPhrase(phrase));
        command.AddParameter("@count_limit", query.CountLimit + 1);
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
