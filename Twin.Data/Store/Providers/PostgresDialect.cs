using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Twin.Data.Search;

namespace Twin.Data.Store.Providers;

/// <summary>
/// A PostgreSQL server: its own migrations set (the <c>Twin.Data.Postgres</c> assembly), READ
/// COMMITTED writes with the audit chain's order kept by a transaction-scoped advisory lock (the
/// server has no single write lock that would order them), REPEATABLE READ snapshots for reads,
/// a character-pair GIN index for search (<see cref="PostgresSearchIndexSql"/>), and PostGIS for the reports near each other.
/// </summary>
internal sealed class PostgresDialect : StoreDialect
{
    public const string MigrationsAssembly = "Twin.Data.Postgres";

    /// <summary>The advisory lock key of the audit chain ("audit" in ASCII); any other use of advisory locks picks another.</summary>
    private const long AuditChainLock = 0x6175646974;

    private readonly string _connectionString;
    private readonly int _timeoutSeconds;

    public PostgresDialect(TwinStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        _timeoutSeconds = TwinStore.TimeoutSeconds(options.BusyTimeout);
        _connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { CommandTimeout = _timeoutSeconds }.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override void Configure(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(_connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly).CommandTimeout(_timeoutSeconds));

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    public override DbTransaction BeginSnapshot(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override void ReleasePools()
    {
        using var pooled = new NpgsqlConnection(_connectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    public override DialectSql Sql => Statements;

    private static readonly DialectSql Statements = new()
    {
        // The table has no rowid: the migration gives it an identity column that numbers rows as inserted.
        SensorsInRegistrationOrder = "SELECT * FROM sensors ORDER BY registration_order",
        NumberAfterDash = "CAST(substr({0}, strpos({0}, '-') + 1) AS bigint)",
        Position = "strpos({0}, {1})",
        Least = "LEAST({0}, {1})",
        Greatest = "GREATEST({0}, {1})",
        DeleteSome = "DELETE FROM {0} WHERE ctid IN (SELECT ctid FROM {0} WHERE {1} LIMIT @limit)",
        LockAuditChain = $"SELECT pg_advisory_xact_lock({AuditChainLock})",
        CountSearchTriggers =
            $"SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal AND tgname IN ({string.Join(", ", PostgresSearchIndexSql.TriggerNames.Select(n => $"'{n}'"))})",
        SearchTriggers = PostgresSearchIndexSql.TriggerNames.Length,
        PauseSearchIndex = [.. PostgresSearchIndexSql.DropTriggers()],
        RebuildSearchIndex = [.. PostgresSearchIndexSql.Rebuild()],
        TicketMatches = PostgresSearchIndexSql.TicketMatches,
        SearchWindows = PostgresSearchIndexSql.SearchWindows,
        FoldPhrase = phrase => phrase.ToLowerInvariant(),
        MatchValue = PostgresSearchIndexSql.MatchValue,

        // place_metres: the ticket's point in the district's local metres (migration TicketPlaces), GiST-indexed.
        NearPairs =
            """
            SELECT a.id, b.id
            FROM tickets a
            JOIN tickets b ON ST_DWithin(b.place_metres, a.place_metres, @radius) AND b.category_code = a.category_code AND b.id <> a.id
            WHERE a.reported_at >= @from AND a.reported_at < @to AND b.reported_at >= @from AND b.reported_at < @to
            """,
    };
}
