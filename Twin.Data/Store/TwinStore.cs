using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Twin.Data.Audit;
using Twin.Data.Store.Providers;

namespace Twin.Data.Store;

/// <summary>
/// The twin's store, on an embedded SQLite file or a PostgreSQL server (<see cref="StoreDialect"/>
/// holds what differs): schema migrations at start-up, one transaction per pipeline batch on a
/// dedicated write connection with prepared commands, and reads through EF on pooled connections
/// (snapshots that run beside the writer). Writes are serialised inside the store.
/// </summary>
public sealed partial class TwinStore : IAsyncDisposable
{
    private readonly DbContextOptions<TwinDbContext> _contextOptions;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly IContactProtector _personalData;
    private readonly AuditChain? _audit;
    private readonly TimeProvider _time;
    private readonly StoreDialect _dialect;
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
        _dialect = StoreDialect.For(options);
        var builder = new DbContextOptionsBuilder<TwinDbContext>();
        _dialect.Configure(builder);
        _contextOptions = builder.Options;
    }

    /// <summary>The embedded file's path; with <see cref="StorageProvider.Postgres"/> only the folder of backups and anchors is under it.</summary>
    public string DatabasePath { get; }

    public StorageProvider Provider => _dialect.Provider;

    internal StoreDialect Dialect => _dialect;

    /// <summary>
    /// With two or more nodes, the writer's fencing token (<see cref="Nodes.WriterFence"/>): checked in
    /// each batch's transaction, so a node another has replaced as the writer commits nothing more.
    /// Null on one node.
    /// </summary>
    public IWriteFence? Fence { get; set; }

    /// <summary>Creates the database directory and applies pending migrations; the file is readable by the app's account only.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => InitializeAsync(migrate: true, ct);

    /// <summary>
    /// The start-up of a store found migrated for this build (<see cref="HasPendingMigrationsAsync"/>
    /// answered false once: applied migrations stay applied): the same as <see cref="InitializeAsync(CancellationToken)"/>
    /// without asking for the migrations' lock, the slowest part of a take-over on a busy machine.
    /// </summary>
    public Task InitializeMigratedAsync(CancellationToken ct) => InitializeAsync(migrate: false, ct);

    /// <summary>Whether this build knows migrations the store has not applied; reads only.</summary>
    public async Task<bool> HasPendingMigrationsAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var db = CreateDbContext();
        return (await db.Database.GetPendingMigrationsAsync(ct)).Any();
    }

    private async Task InitializeAsync(bool migrate, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // On PostgreSQL the folder still holds the audit anchors and uploaded files beside the (unused) file path.
        if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } directory)
        {
            PrivateFiles.CreateDirectory(directory);
        }

        if (migrate)
        {
            await using var db = CreateDbContext();
            await db.Database.MigrateAsync(ct);
        }

        await MarkAuditedHistoryAsync(ct);
        await RebuildSearchIndexIfPausedAsync(ct);

        if (Provider == StorageProvider.Sqlite)
        {
            // SQLite gives its -wal and -shm files the database file's mode, so narrowing this one is enough.
            PrivateFiles.Restrict(DatabasePath);
        }
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

            _dialect.ReleasePools();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    internal TwinDbContext CreateDbContext() => new(_contextOptions);

    /// <summary>Configures a context on this store's database with its session settings, for services that need their own (accounts).</summary>
    public void Configure(DbContextOptionsBuilder builder) => _dialect.Configure(builder);

    /// <summary>A new open connection to the store's database with its session settings.</summary>
    internal Task<DbConnection> OpenConnectionAsync(CancellationToken ct) => _dialect.OpenAsync(ct);

    internal static string BuildConnectionString(string databasePath, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = TimeoutSeconds(busyTimeout),
    }.ToString();

    internal static int TimeoutSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
