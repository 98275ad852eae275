using System.Diagnostics;
using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>
/// An empty database on the real PostgreSQL the store's tests use (<c>TWIN_TEST_POSTGRES</c>, else
/// the throw-away cluster of <c>scripts/start-postgres.sh</c>, started when nothing answers); the
/// app migrates it at start. Without a server the test fails and says so: CI must not pass without it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private static readonly string Server = Environment.GetEnvironmentVariable("TWIN_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : "Host=127.0.0.1;Port=55432;Username=postgres";

    private PostgresDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        if (!await AnswersAsync())
        {
            using var start = Process.Start(new ProcessStartInfo(Path.Combine(RepoPaths.Root(), "scripts", "start-postgres.sh"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await start.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }

        if (!await AnswersAsync())
        {
            throw new InvalidOperationException($"PostgreSQL is not reachable at '{Server}', so the two-node tests on PostgreSQL cannot run. "
                + "Start one with scripts/start-postgres.sh (Debian's postgresql; .ci/run installs it), or point TWIN_TEST_POSTGRES at a server.");
        }

        var name = "twin_nodes_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new PostgresDatabase(new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString());
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

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)");
    }

    private static async Task<bool> AnswersAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(Admin(timeout: 5));
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin(timeout: 15));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Admin(int timeout) => new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Timeout = timeout }.ToString();
}
