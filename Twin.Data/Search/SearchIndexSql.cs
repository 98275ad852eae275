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
        yield return $"CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets BEGIN INSERT INTO search_keys (ticket_id) VALUES (NEW.id); {Index("NEW")} END";
        yield return
            $"""
            CREATE TRIGGER tickets_search_update AFTER UPDATE OF title, description, address, category_code, sub_district_code ON tickets
            WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.address IS NOT NEW.address
              OR OLD.category_code IS NOT NEW.category_code OR OLD.sub_district_code IS NOT NEW.sub_district_code
            BEGIN {Unindex("OLD")} {Index("NEW")} END
            """;
        yield return $"CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets BEGIN {Unindex("OLD")} DELETE FROM search_keys WHERE ticket_id = OLD.id; END";
    }

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
        yield return "INSERT INTO search_keys (ticket_id) SELECT id FROM tickets ORDER BY rowid";
        yield return $"INSERT INTO ticket_search (rowid, title, description, address, category, subdistrict) SELECT k.id, t.title, t.description, t.address, {Names("t")} FROM tickets t JOIN search_keys k ON k.ticket_id = t.id";

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
