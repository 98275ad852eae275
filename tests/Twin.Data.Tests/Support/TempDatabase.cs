using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Twin.Data.Store;
using Twin.Data.Store.Providers;

namespace Twin.Data.Tests.Support;

/// <summary>
/// A real database for one test, deleted afterwards: a SQLite file in a fresh temporary directory,
/// or a fresh database on the PostgreSQL test server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "twin-data-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> _postgres;

    public TempDatabase(StorageProvider provider = StorageProvider.Sqlite)
    {
        Provider = provider;

        // The store must create the directory itself, so only the parent exists here.
        DatabasePath = Path.Combine(_directory, "db", "twin.db");
        _postgres = new(() => PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult());
    }

    public StorageProvider Provider { get; }

    public string DatabasePath { get; }

    public TwinStoreOptions Options(TimeSpan? busyTimeout = null) => new()
    {
        Provider = Provider,
        DatabasePath = DatabasePath,
        ConnectionString = Provider == StorageProvider.Postgres ? _postgres.Value : null,
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30),
    };

    public TwinStore CreateStore(TimeSpan? busyTimeout = null, Twin.Data.Audit.AuditChain? audit = null, TimeProvider? time = null) =>
        new(Options(busyTimeout), audit, time);

    /// <summary>A plain connection, for checks that must not go through the store.</summary>
    public DbConnection OpenRaw()
    {
        DbConnection connection = Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres.Value) { Pooling = false }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Holds every table locked against writers until disposed, readers still let in (as SQLite's
    /// WAL lets them past its exclusive lock): a writer waits until its command times out.
    /// </summary>
    public IDisposable HoldWriteLock()
    {
        var connection = OpenRaw();
        using var begin = connection.CreateCommand();
        begin.CommandText = Provider == StorageProvider.Postgres
            ? "BEGIN; LOCK TABLE sensors, observations, tickets, ticket_history, alarms, alarm_history, audit_log IN EXCLUSIVE MODE"
            : "BEGIN EXCLUSIVE";
        begin.ExecuteNonQuery();
        return new Lock(connection);
    }

    /// <summary>Whether <paramref name="error"/> is a writer giving up on a lock another connection holds.</summary>
    public bool IsLockTimeout(Exception error) => error switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 5, // SQLITE_BUSY
        NpgsqlException npgsql => npgsql.InnerException is TimeoutException || npgsql is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable },
        _ => false,
    };

    public void Dispose()
    {
        if (Provider == StorageProvider.Postgres)
        {
            if (_postgres.IsValueCreated)
            {
                PostgresServer.DropDatabase(_postgres.Value);
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class Lock(DbConnection connection) : IDisposable
    {
        public void Dispose()
        {
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
            connection.Dispose();
        }
    }
}
