using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Audit;

namespace Twin.Data.Store;

/// <summary>
/// The twin's SQLite store: schema migrations at start-up, one transaction per pipeline batch on
/// a dedicated write connection with prepared commands, and reads through EF on pooled
/// connections (WAL lets them run beside the writer). Writes are serialised inside the store.
/// </summary>
public sealed partial class TwinStore : IAsyncDisposable
{
    private readonly DbContextOptions<TwinDbContext> _contextOptions;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly IContactProtector _personalData;
    private readonly AuditChain? _audit;
    private readonly TimeProvider _time;
    private WriteCommands? _writer;
    private bool _disposed;

    /// <param name="audit">
    /// The audit chain: with it every batch appends the audit rows of its state changes in its own
    /// transaction (<see cref="BatchAudit"/>); without it (tools, tests of other things) none.
    /// </param>
    /// <param name="time">The wall clock the audit rows are stamped with.</param>
    public TwinStore(TwinStoreOptions options, AuditChain? audit = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _personalData = options.PersonalData ?? IContactProtector.Plain;
        _audit = audit;
        _time = time ?? TimeProvider.System;
        ConnectionString = BuildConnectionString(DatabasePath, options.BusyTimeout);
        _contextOptions = new DbContextOptionsBuilder<TwinDbContext>()
            .UseSqlite(ConnectionString, sqlite => sqlite.CommandTimeout(TimeoutSeconds(options.BusyTimeout)))
            .AddInterceptors(SqlitePragmas.OnOpen)
            .Options;
    }

    public string DatabasePath { get; }

    internal string ConnectionString { get; }

    /// <summary>Creates the database directory and applies pending migrations; the file is readable by the app's account only.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } directory)
        {
            PrivateFiles.CreateDirectory(directory);
        }

        await using (var db = CreateDbContext())
        {
            await db.Database.MigrateAsync(ct);
        }

        await MarkAuditedHistoryAsync(ct);
        await RebuildSearchIndexIfPausedAsync(ct);

        // SQLite gives its -wal and -shm files the database file's mode, so narrowing this one is enough.
        PrivateFiles.Restrict(DatabasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer?.Dispose();
            _writer = null;

            // Pooled connections would otherwise keep the file (and its -wal/-shm) open after the store is gone.
            using var pooled = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    internal TwinDbContext CreateDbContext() => new(_contextOptions);

    /// <summary>Configures a context on this store's file with its pragmas, for services that need their own (accounts).</summary>
    public void Configure(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(ConnectionString).AddInterceptors(SqlitePragmas.OnOpen);

    internal static string BuildConnectionString(string databasePath, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = TimeoutSeconds(busyTimeout),
    }.ToString();

    private static int TimeoutSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
