using Twin.Domain.Catalogue;
using Twin.Domain.Simulation;

namespace Twin.Data.Search;

/// <summary>
/// The search index's schema as raw SQL (FTS5 is not an EF entity). Triggers on <c>tickets</c> keep
/// it current with every write, whichever writer made it, inside the write's own transaction. Only
/// the de-identified title and description, the address and the category and 街镇 names are
/// indexed: never the encrypted reporter columns nor the masked name and phone.
/// </summary>
internal static class SearchIndexSql
{
    /// <summary>Longest text split into character pairs; descriptions are far shorter.</summary>
    private const int MaxIndexedChars = 2000;

    /// <summary>
    /// Keys a second of report time holds: a ticket's key is its report time in seconds since 1970
    /// times this, plus its place among that second's reports, so that key order is report-time
    /// order and the index alone gives the newest matches, and a time range is a range of keys.
    /// </summary>
    private const long KeysPerSecond = 4096;

    /// <summary>UTC ticks of 1970-01-01, where the keys' seconds start.</summary>
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    /// <summary>The names of the triggers, to tell whether the index is kept current.</summary>
    public static readonly string[] TriggerNames = ["tickets_search_insert", "tickets_search_update", "tickets_search_delete"];

    public static IEnumerable<string> Create()
    {
        yield return "CREATE TABLE search_names (kind TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (kind, code)) WITHOUT ROWID";

        // FTS5 and pair rows point at this stable key: a table without INTEGER PRIMARY KEY may renumber its rowids on VACUUM.
        yield return "CREATE TABLE search_keys (id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE)";
        yield return "CREATE VIRTUAL TABLE ticket_search USING fts5(title, description, address, category, subdistrict, tokenize='trigram')";

        // Trigrams cannot answer one- or two-character words (积水, 长寿), so every character pair is indexed as well.
        yield return "CREATE TABLE ticket_bigrams (gram TEXT NOT NULL, key_id INTEGER NOT NULL, PRIMARY KEY (gram, key_id)) WITHOUT ROWID";

        // Triggers cannot use WITH: the positions of a text come from this table.
        yield return "CREATE TABLE search_positions (n INTEGER PRIMARY KEY)";
        yield return $"WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {MaxIndexedChars}) INSERT INTO search_positions SELECT n FROM p";

        yield return "CREATE TABLE search_places (kind TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, sub_district_code TEXT, PRIMARY KEY (kind, code)) WITHOUT ROWID";

        foreach (var sql in Names().Concat(Triggers()).Concat(Fill()))
        {
            yield return sql;
        }
    }

    /// <summary>The category and 街镇 names the index holds beside each ticket's own text (both engines).</summary>
    public static IEnumerable<string> Names()
    {
        foreach (var category in EventCatalogue.LoadDefault().Categories)
        {
            yield return $"INSERT INTO search_names VALUES ('category', {Literal(category.Code)}, {Literal(category.NameZh)})";
        }

        foreach (var subDistrict in SubDistrictProfiles.All)
        {
            yield return $"INSERT INTO search_names VALUES ('subdistrict', {Literal(subDistrict.Code)}, {Literal(subDistrict.Name)})";
        }
    }

    /// <summary>The triggers that index every ticket write in the write's own transaction.</summary>
    public static IEnumerable<string> Triggers()
    {
        yield return InsertTrigger(NewKey("NEW"));
        yield return
            $"""
            CREATE TRIGGER tickets_search_update AFTER UPDATE OF title, description, address, category_code, sub_district_code ON tickets
            WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.address IS NOT NEW.address
              OR OLD.category_code IS NOT NEW.category_code OR OLD.sub_district_code IS NOT NEW.sub_district_code
            BEGIN {Unindex("OLD")} {Index("NEW")} END
            """;
        yield return $"CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets BEGIN {Unindex("OLD")} DELETE FROM search_keys WHERE ticket_id = OLD.id; END";
    }

    /// <summary>The insert trigger, giving each new ticket the key <paramref name="key"/> (NULL: the largest key + 1, in insertion order).</summary>
    public static string InsertTrigger(string key) =>
        $"CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets BEGIN INSERT INTO search_keys (id, ticket_id) VALUES ({key}, NEW.id); {Index("NEW")} END";

    public static IEnumerable<string> DropTriggers()
    {
        yield return "DROP TRIGGER IF EXISTS tickets_search_insert";
        yield return "DROP TRIGGER IF EXISTS tickets_search_update";
        yield return "DROP TRIGGER IF EXISTS tickets_search_delete";
    }

    /// <summary>
    /// Indexes every stored ticket in three set-wise statements (far faster than the triggers row by
    /// row: the pairs are sorted once and appended to their B-tree in order). The index must be empty.
    /// </summary>
    public static IEnumerable<string> Fill()
    {
        // A second with more than KeysPerSecond reports: the rest get keys after every other (NULL = the largest key + 1).
        var ordered = $"SELECT id, {Second} AS second, ROW_NUMBER() OVER (PARTITION BY {Second} ORDER BY reported_at, id) - 1 AS place FROM tickets";
        yield return $"INSERT INTO search_keys (id, ticket_id) SELECT second * {KeysPerSecond} + place, id FROM ({ordered}) WHERE place < {KeysPerSecond}";
        yield return $"INSERT INTO search_keys (id, ticket_id) SELECT NULL, id FROM ({ordered}) WHERE place >= {KeysPerSecond} ORDER BY second, place";
        yield return $"INSERT INTO ticket_search (rowid, title, description, address, category, subdistrict) SELECT k.id, t.title, t.description, t.address, {Names("t")} FROM tickets t JOIN search_keys k ON k.ticket_id = t.id ORDER BY k.id";

        // MATERIALIZED: flattened, the text would be rebuilt (with its name look-ups) for every one of its positions.
        yield return
            $"""
            WITH x AS MATERIALIZED (SELECT k.id, {Text("t")} AS txt FROM tickets t JOIN search_keys k ON k.ticket_id = t.id)
            INSERT OR IGNORE INTO ticket_bigrams (gram, key_id)
            SELECT substr(x.txt, p.n, 2) AS gram, x.id FROM x JOIN search_positions p ON p.n <= length(x.txt) ORDER BY gram, x.id
            """;
    }

    /// <summary>Empties the index (before <see cref="Fill"/> rebuilds it).</summary>
    public static IEnumerable<string> Clear()
    {
        yield return "DELETE FROM ticket_bigrams";
        yield return "DELETE FROM ticket_search";
        yield return "DELETE FROM search_keys";
    }

    public static IEnumerable<string> Drop()
    {
        foreach (var sql in DropTriggers())
        {
            yield return sql;
        }

        foreach (var table in new[] { "search_places", "search_positions", "ticket_bigrams", "ticket_search", "search_keys", "search_names" })
        {
            yield return $"DROP TABLE {table}";
        }
    }

    /// <summary>
    /// The lower-cased text whose character pairs are indexed (the same fields as the FTS row); on
    /// PostgreSQL the text under the trigram index; and what search reads where it walks tickets in time order.
    /// </summary>
    public static string Text(string row) =>
        $"lower({row}.title || ' ' || {row}.description || ' ' || {row}.address || ' ' || "
        + $"coalesce((SELECT name FROM search_names WHERE kind = 'category' AND code = {row}.category_code), '') || ' ' || "
        + $"coalesce((SELECT name FROM search_names WHERE kind = 'subdistrict' AND code = {row}.sub_district_code), ''))";

    /// <summary>
    /// The tickets whose indexed text contains the phrase, within the report-time window's range of
    /// keys, read newest first from the index: FTS5 trigrams for 3+ characters, the character pairs for
    /// one or two (one character: every pair that starts with it; the last character of a text is indexed alone).
    /// </summary>
    public static TicketMatchSql TicketMatches(string phrase)
    {
        const string Ticket = "JOIN tickets t ON t.id = k.ticket_id";
        var window = (string key) => $"{key} >= {KeyFrom("@window_from")} AND {key} < {KeyTo("@window_to")}";
        return phrase.Length switch
        {
            >= 3 => new($"FROM ticket_search JOIN search_keys k ON k.id = ticket_search.rowid {Ticket} WHERE ticket_search MATCH @match AND {window("ticket_search.rowid")}", "ticket_search.rowid DESC"),
            2 => new($"FROM ticket_bigrams b JOIN search_keys k ON k.id = b.key_id {Ticket} WHERE b.gram = @match AND {window("b.key_id")}", "b.key_id DESC"),
            _ => new(
                $"FROM (SELECT DISTINCT key_id FROM ticket_bigrams WHERE gram >= @match AND gram < @match || char(1114111) AND {window("key_id")}) b "
                + $"JOIN search_keys k ON k.id = b.key_id {Ticket} WHERE 1 = 1",
                "b.key_id DESC"),
        };
    }

    /// <summary>The lowest key a ticket reported at or after <paramref name="ticks"/> can have (a second early: integer division truncates).</summary>
    public static string KeyFrom(string ticks) => $"((({ticks}) - {UnixEpochTicks}) / 10000000 - 1) * {KeysPerSecond}";

    /// <summary>A key above every ticket reported before <paramref name="ticks"/>, save those past a full second (see <see cref="KeysPerSecond"/>).</summary>
    public static string KeyTo(string ticks) => $"((({ticks}) - {UnixEpochTicks}) / 10000000 + 1) * {KeysPerSecond}";

    private static readonly string Second = $"((reported_at - {UnixEpochTicks}) / 10000000)";

    /// <summary>The next free key of the ticket's second; NULL (the largest key + 1) when the second is full.</summary>
    private static string NewKey(string row) =>
        $"(SELECT CASE WHEN next < base + {KeysPerSecond} THEN next END FROM (SELECT base, coalesce((SELECT max(id) + 1 FROM search_keys WHERE id >= base AND id < base + {KeysPerSecond}), base) AS next "
        + $"FROM (SELECT (({row}.reported_at - {UnixEpochTicks}) / 10000000) * {KeysPerSecond} AS base)))";

    private static string Names(string row) =>
        $"(SELECT name FROM search_names WHERE kind = 'category' AND code = {row}.category_code), "
        + $"(SELECT name FROM search_names WHERE kind = 'subdistrict' AND code = {row}.sub_district_code)";

    private static string Key(string row) => $"(SELECT id FROM search_keys WHERE ticket_id = {row}.id)";

    private static string Index(string row) =>
        $"INSERT INTO ticket_search (rowid, title, description, address, category, subdistrict) VALUES ({Key(row)}, {row}.title, {row}.description, {row}.address, {Names(row)}); "
        + $"INSERT OR IGNORE INTO ticket_bigrams (gram, key_id) SELECT substr({Text(row)}, p.n, 2), {Key(row)} FROM search_positions p WHERE p.n <= length({Text(row)});";

    private static string Unindex(string row) =>
        $"DELETE FROM ticket_search WHERE rowid = {Key(row)}; "
        + $"DELETE FROM ticket_bigrams WHERE key_id = {Key(row)} AND gram IN (SELECT substr({Text(row)}, p.n, 2) FROM search_positions p WHERE p.n <= length({Text(row)}));";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
