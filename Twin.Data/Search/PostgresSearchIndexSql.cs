namespace Twin.Data.Search;

/// <summary>
/// The search index on PostgreSQL: one row per ticket with its lower-cased text (the same fields the
/// SQLite index holds: de-identified title and description, address, category and 街镇 names, never
/// the reporter), the text's character pairs as an array under a GIN index, and its report time
/// under a B-tree. A phrase of two or more characters is looked up by its pairs (pg_trgm would have
/// no trigram for a two-character word such as 积水) and confirmed by LIKE on the text; one
/// character by LIKE alone. GIN returns its matches in no order, so search reads a window of report
/// time at a time, back from the newest (<see cref="SearchWindows"/>). Kept current by triggers in
/// the write's own transaction, like SQLite's.
/// </summary>
internal static class PostgresSearchIndexSql
{
    public static readonly string[] TriggerNames = ["tickets_search_upsert", "tickets_search_delete"];

    /// <summary>
    /// A week of reports first (1,400 a day at a million tickets over two years: a word in one ticket
    /// of eight passes the count limit there), then four times as long each time, then the rest.
    /// </summary>
    public static IReadOnlyList<TimeSpan> SearchWindows { get; } = [TimeSpan.FromDays(7), TimeSpan.FromDays(28), TimeSpan.FromDays(112), TimeSpan.FromDays(448)];

    /// <summary>The tables, the functions and the triggers; the initial migration runs these once.</summary>
    public static IEnumerable<string> Create()
    {
        yield return "CREATE TABLE search_names (kind text NOT NULL, code text NOT NULL, name text NOT NULL, PRIMARY KEY (kind, code))";
        yield return "CREATE TABLE search_places (kind text NOT NULL, code text NOT NULL, name text NOT NULL, sub_district_code text, PRIMARY KEY (kind, code))";
        foreach (var sql in SearchIndexSql.Names().Concat(CreateTicketIndex()))
        {
            yield return sql;
        }
    }

    /// <summary>The tickets' index (table, functions, triggers), filled from the stored tickets.</summary>
    public static IEnumerable<string> CreateTicketIndex()
    {
        // Every pair of neighbouring characters, once each; IMMUTABLE so that a query's pairs are computed once, at planning.
        yield return
            """
            CREATE FUNCTION search_pairs(txt text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            $fn$ SELECT coalesce(array_agg(DISTINCT substr(txt, i, 2)), '{}') FROM generate_series(1, length(txt) - 1) AS i $fn$
            """;
        yield return "CREATE TABLE ticket_search (ticket_id text PRIMARY KEY, txt text NOT NULL, pairs text[] NOT NULL, reported_at bigint NOT NULL)";
        yield return
            $"""
            CREATE FUNCTION tickets_search_index() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE
                txt text;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM ticket_search WHERE ticket_id = OLD.id;
                    RETURN OLD;
                END IF;
                txt := {SearchIndexSql.Text("NEW")};
                INSERT INTO ticket_search (ticket_id, txt, pairs, reported_at) VALUES (NEW.id, txt, search_pairs(txt), NEW.reported_at)
                ON CONFLICT (ticket_id) DO UPDATE SET txt = excluded.txt, pairs = excluded.pairs, reported_at = excluded.reported_at;
                RETURN NEW;
            END
            $fn$
            """;
        foreach (var sql in Fill().Concat(Triggers()))
        {
            yield return sql;
        }
    }

    /// <summary>Drops the tickets' index, whichever shape it has (session 11's held trigrams of the text alone).</summary>
    public static IEnumerable<string> DropTicketIndex() =>
    [
        .. DropTriggers(),
        "DROP FUNCTION IF EXISTS tickets_search_index()",
        "DROP TABLE IF EXISTS ticket_search",
        "DROP FUNCTION IF EXISTS search_pairs(text)",
    ];

    public static IEnumerable<string> Triggers()
    {
        yield return
            """
            CREATE TRIGGER tickets_search_upsert AFTER INSERT OR UPDATE OF title, description, address, category_code, sub_district_code, reported_at
            ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_search_index()
            """;
        yield return "CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_search_index()";
    }

    public static IEnumerable<string> DropTriggers() => TriggerNames.Select(n => $"DROP TRIGGER IF EXISTS {n} ON tickets");

    /// <summary>Indexes every stored ticket afresh in one statement, its indexes built after the rows (far faster than row by row).</summary>
    public static IEnumerable<string> Rebuild() => [.. DropTriggers(), "DROP INDEX IF EXISTS ix_ticket_search_pairs", "DROP INDEX IF EXISTS ix_ticket_search_reported_at", "TRUNCATE ticket_search", .. Fill(), .. Triggers()];

    public static IEnumerable<string> Drop() =>
    [
        .. DropTicketIndex(),
        "DROP TABLE IF EXISTS search_places",
        "DROP TABLE IF EXISTS search_names",
    ];

    /// <summary>
    /// The tickets containing the phrase within [<c>@window_from</c>, <c>@window_to</c>): by the GIN
    /// index on its character pairs (two or more characters), confirmed on the text; newest first.
    /// </summary>
    public static TicketMatchSql TicketMatches(string phrase) => new(
        "FROM ticket_search s JOIN tickets t ON t.id = s.ticket_id WHERE "
        + (phrase.Length >= 2 ? "s.pairs @> search_pairs(@phrase) AND " : string.Empty)
        + "s.txt LIKE '%' || @match || '%' AND s.reported_at >= @window_from AND s.reported_at < @window_to",
        "s.reported_at DESC, s.ticket_id",
        "t.id");

    /// <summary>The phrase as a LIKE pattern's literal part: lower-cased, its wildcards and escape character escaped.</summary>
    public static string MatchValue(string phrase) =>
        phrase.ToLowerInvariant()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static IEnumerable<string> Fill() =>
    [
        $"INSERT INTO ticket_search (ticket_id, txt, pairs, reported_at) SELECT id, txt, search_pairs(txt), reported_at FROM (SELECT t.id, t.reported_at, {SearchIndexSql.Text("t")} AS txt FROM tickets t) x",
        "CREATE INDEX ix_ticket_search_pairs ON ticket_search USING gin (pairs)",
        "CREATE INDEX ix_ticket_search_reported_at ON ticket_search (reported_at)",
        "ANALYZE ticket_search",
    ];
}
