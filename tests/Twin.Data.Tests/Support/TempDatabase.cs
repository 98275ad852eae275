using Microsoft.Data.Sqlite;
using Twin.Data.Store;

namespace Twin.Data.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary directory, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "twin-data-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        // The store must create the directory itself, so only the parent exists here.
        DatabasePath = Path.Combine(_directory, "db", "twin.db");
    }

    public string DatabasePath { get; }

    public TwinStore CreateStore(TimeSpan? busyTimeout = null, Twin.Data.Audit.AuditChain? audit = null, TimeProvider? time = null) =>
        new(new TwinStoreOptions { DatabasePath = DatabasePath, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30) }, audit, time);

    /// <summary>A plain connection, for checks that must not go through the store.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
