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
    public static readonly string[] TriggerNames = ["tickets_search_insert", "tickets_search_update", "tickets_search_state", "tickets_search_delete"];

    /// <summary>
    /// The ticket's columns each search key carries, kept current by the triggers: what search filters,
    /// counts and ranks by, so that the newest thousand matches are read from the index and their keys
    /// (in report-time order, a few pages) rather than from a thousand tickets scattered over the table.
    /// </summary>
    private static readonly (string Name, string Type)[] Carried =
    [
        ("reported_at", "INTEGER NOT NULL"), ("status", "TEXT NOT NULL"), ("channel", "TEXT NOT NULL"), ("category_code", "TEXT NOT NULL"),
        ("sub_district_code", "TEXT NOT NULL"), ("in_corridor", "INTEGER NOT NULL"), ("overdue_steps", "INTEGER NOT NULL"), ("department", "TEXT"),
        ("coordinating_departments", "TEXT NOT NULL"), ("title", "TEXT NOT NULL"), ("address", "TEXT NOT NULL"),
    ];

    private static readonly string CarriedNames = string.Join(", ", Carried.Select(c => c.Name));

    public static IEnumerable<string> Create()
    {
        yield return "CREATE TABLE search_names (kind TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (kind, code)) WITHOUT ROWID";

        yield return KeysTable("search_keys");
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

    /// <summary>
    /// The search keys' table: FTS5 and pair rows point at its stable key (a table without INTEGER
    /// PRIMARY KEY may renumber its rowids on VACUUM), and it carries the ticket's <see cref="Carried"/> columns.
    /// </summary>
    public static string KeysTable(string name) =>
        $"CREATE TABLE {name} (id INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL UNIQUE, {string.Join(", ", Carried.Select(c => $"{c.Name} {c.Type}"))})";

    /// <summary>
    /// Re-creates the search keys with the carried columns, filled from the stored tickets: the keys,
    /// and so the FTS5 and pair index pointing at them, stay as they are. The triggers must be dropped.
    /// </summary>
    public static IEnumerable<string> CarryTicketColumns()
    {
        yield return KeysTable("search_keys_carrying");
        yield return $"INSERT INTO search_keys_carrying (id, ticket_id, {CarriedNames}) SELECT k.id, k.ticket_id, {Columns("t")} FROM search_keys k JOIN tickets t ON t.id = k.ticket_id ORDER BY k.id";
        yield return "DROP TABLE search_keys";
        yield return "ALTER TABLE search_keys_carrying RENAME TO search_keys";
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
        yield return UpdateTrigger;
        yield return
            $"""
            CREATE TRIGGER tickets_search_state AFTER UPDATE OF {CarriedNames} ON tickets
            WHEN {string.Join(" OR ", Carried.Select(c => $"OLD.{c.Name} IS NOT NEW.{c.Name}"))}
            BEGIN UPDATE search_keys SET {string.Join(", ", Carried.Select(c => $"{c.Name} = NEW.{c.Name}"))} WHERE ticket_id = NEW.id; END
            """;
        yield return DeleteTrigger;
    }

    /// <summary>
    /// The insert trigger, giving each new ticket the key <paramref name="key"/> (NULL: the largest key
    /// + 1, in insertion order), with the ticket's carried columns unless <paramref name="carried"/> is false (keys before they carried them).
    /// </summary>
    public static string InsertTrigger(string key, bool carried = true) =>
        $"CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets BEGIN "
        + (carried ? $"INSERT INTO search_keys (id, ticket_id, {CarriedNames}) VALUES ({key}, NEW.id, {Columns("NEW")}); " : $"INSERT INTO search_keys (id, ticket_id) VALUES ({key}, NEW.id); ")
        + $"{Index("NEW")} END";

    /// <summary>Undoes <see cref="CarryTicketColumns"/>: the keys without the ticket's columns, and the triggers that kept such keys.</summary>
    public static IEnumerable<string> UncarryTicketColumns() =>
        [.. DropTriggers(), .. Carried.Select(c => $"ALTER TABLE search_keys DROP COLUMN {c.Name}"), InsertTrigger(NewKey("NEW"), carried: false), UpdateTrigger, DeleteTrigger];

    private static string UpdateTrigger =>
        $"""
        CREATE TRIGGER tickets_search_update AFTER UPDATE OF title, description, address, category_code, sub_district_code ON tickets
        WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.address IS NOT NEW.address
          OR OLD.category_code IS NOT NEW.category_code OR OLD.sub_district_code IS NOT NEW.sub_district_code
        BEGIN {Unindex("OLD")} {Index("NEW")} END
        """;

    private static string DeleteTrigger =>
        $"CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets BEGIN {Unindex("OLD")} DELETE FROM search_keys WHERE ticket_id = OLD.id; END";

    public static IEnumerable<string> DropTriggers()
    {
        yield return "DROP TRIGGER IF EXISTS tickets_search_insert";
        yield return "DROP TRIGGER IF EXISTS tickets_search_update";
        yield return "DROP TRIGGER IF EXISTS tickets_search_state";
        yield return "DROP TRIGGER IF EXISTS tickets_search_delete";
    }

    /// <summary>
    /// Indexes every stored ticket in three set-wise statements (far faster than the triggers row by
    /// row: the pairs are sorted once and appended to their B-tree in order). The index must be empty.
    /// </summary>
    public static IEnumerable<string> Fill()
    {
        // A second with more than KeysPerSecond reports: the rest get keys after every other (NULL = the largest key + 1).
        var ordered = $"SELECT id, {CarriedNames}, {Second} AS second, ROW_NUMBER() OVER (PARTITION BY {Second} ORDER BY reported_at, id) - 1 AS place FROM tickets";
        yield return $"INSERT INTO search_keys (id, ticket_id, {CarriedNames}) SELECT second * {KeysPerSecond} + place, id, {CarriedNames} FROM ({ordered}) WHERE place < {KeysPerSecond}";
        yield return $"INSERT INTO search_keys (id, ticket_id, {CarriedNames}) SELECT NULL, id, {CarriedNames} FROM ({ordered}) WHERE place >= {KeysPerSecond} ORDER BY second, place";
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
    /// one or two (one character: every pair that starts with it; the last character of a text is indexed
    /// alone). <c>t</c> is the search key with the ticket's carried columns: no ticket is read.
    /// </summary>
    public static TicketMatchSql TicketMatches(string phrase)
    {
        var window = (string key) => $"{key} >= {KeyFrom("@window_from")} AND {key} < {KeyTo("@window_to")}";
        return phrase.Length switch
        {
            >= 3 => new($"FROM ticket_search JOIN search_keys t ON t.id = ticket_search.rowid WHERE ticket_search MATCH @match AND {window("ticket_search.rowid")}", "ticket_search.rowid DESC", "t.ticket_id"),
            2 => new($"FROM ticket_bigrams b JOIN search_keys t ON t.id = b.key_id WHERE b.gram = @match AND {window("b.key_id")}", "b.key_id DESC", "t.ticket_id"),
            _ => new(
                $"FROM (SELECT DISTINCT key_id FROM ticket_bigrams WHERE gram >= @match AND gram < @match || char(1114111) AND {window("key_id")}) b "
                + "JOIN search_keys t ON t.id = b.key_id WHERE 1 = 1",
                "b.key_id DESC",
                "t.ticket_id"),
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

    private static string Columns(string row) => string.Join(", ", Carried.Select(c => $"{row}.{c.Name}"));

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
