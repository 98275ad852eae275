using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>
/// A fresh database on the PostgreSQL test server (<c>TWIN_TEST_POSTGRES</c>, else the cluster of
/// scripts/start-postgres.sh on 127.0.0.1:55432) for tests that start real app processes on it.
/// Without a server they fail and say so: they must not pass without one.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    private static readonly string Server = Environment.GetEnvironmentVariable("TWIN_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : "Host=127.0.0.1;Port=55432;Username=postgres";

    private TestPostgres(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var name = "twin_nodes_" + Guid.NewGuid().ToString("N");
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name}");
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"PostgreSQL is not reachable at '{Server}': start one with scripts/start-postgres.sh or set TWIN_TEST_POSTGRES.", ex);
        }

        return new TestPostgres(new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString());
    }

    /// <summary>Which of <paramref name="ids"/> are rows of <paramref name="table"/> (a fixed name from the test, never input).</summary>
    public async Task<HashSet<T>> ExistingAsync<T>(string table, IReadOnlyCollection<T> ids)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"SELECT id FROM {table} WHERE id = ANY(@ids)", connection);
        select.Parameters.AddWithValue("ids", ids.ToArray());
        var found = new HashSet<T>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetFieldValue<T>(0));
        }

        return found;
    }

    public void Dispose()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Timeout = 10 }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
