namespace Twin.Data.Search;

/// <summary>
/// The search index on PostgreSQL: one row of lower-cased text per ticket (the same fields the
/// SQLite index holds: de-identified title and description, address, category and 街镇 names, never
/// the reporter) under a pg_trgm GIN index, which answers substring matches of 3+ characters; a
/// shorter word is matched by the same LIKE over the table without the index (pg_trgm has no
/// trigram to look up), so 1–2 character Chinese words still find every ticket (a common word's
/// scan stops at the search's count limit; a rare one's reads the whole table). Kept current by
/// triggers in the write's own transaction, like SQLite's.
/// </summary>
internal static class PostgresSearchIndexSql
{
    public static readonly string[] TriggerNames = ["tickets_search_upsert", "tickets_search_delete"];

    /// <summary>The tables, the function and the triggers; the migration runs these once.</summary>
    public static IEnumerable<string> Create()
    {
        yield return "CREATE EXTENSION IF NOT EXISTS pg_trgm";
        yield return "CREATE TABLE search_names (kind text NOT NULL, code text NOT NULL, name text NOT NULL, PRIMARY KEY (kind, code))";
        yield return "CREATE TABLE search_places (kind text NOT NULL, code text NOT NULL, name text NOT NULL, sub_district_code text, PRIMARY KEY (kind, code))";
        yield return "CREATE TABLE ticket_search (ticket_id text PRIMARY KEY, txt text NOT NULL)";
        yield return "CREATE INDEX ix_ticket_search_txt ON ticket_search USING gin (txt gin_trgm_ops)";
        foreach (var sql in SearchIndexSql.Names())
        {
            yield return sql;
        }

        yield return
            $"""
            CREATE FUNCTION tickets_search_index() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM ticket_search WHERE ticket_id = OLD.id;
                    RETURN OLD;
                END IF;
                INSERT INTO ticket_search (ticket_id, txt) VALUES (NEW.id, {SearchIndexSql.Text("NEW")})
                ON CONFLICT (ticket_id) DO UPDATE SET txt = excluded.txt;
                RETURN NEW;
            END
            $fn$
            """;
        foreach (var sql in Triggers())
        {
            yield return sql;
        }
    }

    public static IEnumerable<string> Triggers()
    {
        yield return
            """
            CREATE TRIGGER tickets_search_upsert AFTER INSERT OR UPDATE OF title, description, address, category_code, sub_district_code
            ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_search_index()
            """;
        yield return "CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_search_index()";
    }

    public static IEnumerable<string> DropTriggers() => TriggerNames.Select(n => $"DROP TRIGGER IF EXISTS {n} ON tickets");

    /// <summary>Indexes every stored ticket in one statement; the index must be empty.</summary>
    public static IEnumerable<string> Rebuild() =>
    [
        .. DropTriggers(),
        "DELETE FROM ticket_search",
        $"INSERT INTO ticket_search (ticket_id, txt) SELECT t.id, {SearchIndexSql.Text("t")} FROM tickets t",
        .. Triggers(),
    ];

    public static IEnumerable<string> Drop() =>
    [
        .. DropTriggers(),
        "DROP FUNCTION IF EXISTS tickets_search_index()",
        "DROP TABLE IF EXISTS ticket_search",
        "DROP TABLE IF EXISTS search_places",
        "DROP TABLE IF EXISTS search_names",
    ];

    /// <summary>The phrase as a LIKE pattern's literal part: lower-cased, its wildcards and escape character escaped.</summary>
    public static string MatchValue(string phrase) =>
        phrase.ToLowerInvariant()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
