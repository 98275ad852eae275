using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Search;

namespace Twin.Data.Store.Providers;

/// <summary>
/// The embedded SQLite file: WAL with synchronous=FULL on every connection
/// (<see cref="SqlitePragmas"/>), BEGIN IMMEDIATE for writes so the file's single write lock
/// orders every writer, FTS5 trigrams plus a character-pair index for search.
/// </summary>
internal sealed class SqliteDialect(TwinStoreOptions options) : StoreDialect
{
    private readonly string _connectionString = TwinStore.BuildConnectionString(Path.GetFullPath(options.DatabasePath), options.BusyTimeout);
    private readonly int _timeoutSeconds = TwinStore.TimeoutSeconds(options.BusyTimeout);

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public string ConnectionString => _connectionString;

    public override void Configure(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(_connectionString, sqlite => sqlite.CommandTimeout(_timeoutSeconds)).AddInterceptors(SqlitePragmas.OnOpen);

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await SqlitePragmas.ApplyAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // EF's connections get the pragmas from the interceptor already.
    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    // BEGIN IMMEDIATE: take the write lock up front rather than fail half-way on an upgrade.
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    // Deferred: a read snapshot of the WAL without taking the write lock from the pipeline.
    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override void ReleasePools()
    {
        // Pooled connections would otherwise keep the file (and its -wal/-shm) open after the store is gone.
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    public override DialectSql Sql => Statements;

    private static readonly DialectSql Statements = new()
    {
        // rowid follows insertion, and a sensor row is inserted when the sensor is registered.
        SensorsInRegistrationOrder = "SELECT * FROM sensors ORDER BY rowid",
        NumberAfterDash = "CAST(substr({0}, instr({0}, '-') + 1) AS INTEGER)",
        Position = "instr({0}, {1})",
        Least = "MIN({0}, {1})",
        Greatest = "MAX({0}, {1})",
        DeleteSome = "DELETE FROM {0} WHERE rowid IN (SELECT rowid FROM {0} WHERE {1} LIMIT @limit)",

        // BEGIN IMMEDIATE already holds the file's one write lock: the chain's order.
        LockAuditChain = string.Empty,
        CountSearchTriggers = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({string.Join(", ", SearchIndexSql.TriggerNames.Select(n => $"'{n}'"))})",
        SearchTriggers = SearchIndexSql.TriggerNames.Length,
        PauseSearchIndex = [.. SearchIndexSql.DropTriggers()],
        RebuildSearchIndex = [.. SearchIndexSql.DropTriggers(), .. SearchIndexSql.Clear(), .. SearchIndexSql.Fill(), .. SearchIndexSql.Triggers()],
        TicketMatches = SearchIndexSql.TicketMatches,

        // Keys follow report time: the index reads the newest matches first and stops at the count limit.
        SearchWindows = [],
        FoldPhrase = TwinStore.LowerAscii,

        // FTS5 takes the phrase quoted; the pair index was built with SQLite's lower(), which folds ASCII only.
        MatchValue = phrase => phrase.Length >= 3 ? "\"" + phrase.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : TwinStore.LowerAscii(phrase),

        // No spatial index here (SpatiaLite would replace the bundled SQLite): a week's reports are compared in memory.
        NearPairs = null,
    };
}
