using System.Diagnostics;
using Npgsql;
using Twin.Data.Store;
using Twin.Data.Store.Providers;

namespace Twin.Data.Tests.Support;

/// <summary>
/// The real PostgreSQL server the Postgres variants of the store's tests run on: the one named by
/// <c>TWIN_TEST_POSTGRES</c>, else the throw-away cluster of <c>scripts/start-postgres.sh</c>, which
/// is started when nothing answers. Each test gets its own database, copied from a template that
/// this run migrated once (so the migrations themselves are under test, at the cost of one run).
/// When no server can be reached the tests fail and say so: CI must not pass without them.
/// </summary>
internal static class PostgresServer
{
    private static readonly string Server = Environment.GetEnvironmentVariable("TWIN_TEST_POSTGRES") is { Length: > 0 } configured
        ? configured
        : "Host=127.0.0.1;Port=55432;Username=postgres";

    private static readonly string Template = $"twin_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
    private static readonly Lazy<Task> Ready = new(PrepareAsync);

    /// <summary>A new empty-but-migrated database; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await Ready.Value;
        var name = "twin_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(Admin(), $"CREATE DATABASE {name} TEMPLATE {Template}");
        return For(name);
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var admin = new NpgsqlConnection(Admin());
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    private static async Task PrepareAsync()
    {
        if (!await AnswersAsync())
        {
            StartThrowAwayCluster();
        }

        if (!await AnswersAsync())
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at '{Server}', so the store's Postgres tests cannot run. Start one with scripts/start-postgres.sh "
                + "(needs the Debian packages postgresql and postgresql-15-postgis-3; .ci/run installs them), or point TWIN_TEST_POSTGRES at a server.");
        }

        await ExecuteAsync(Admin(), $"CREATE DATABASE {Template}");
        await using (var store = new TwinStore(new TwinStoreOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = For(Template),
            DatabasePath = Path.Combine(Path.GetTempPath(), "twin-data-tests", "postgres"),
        }))
        {
            await store.InitializeAsync();
        }

        // A template must have no connections when it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(Admin());
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {Template} WITH (FORCE)";
            drop.ExecuteNonQuery();
        };
    }

    private static void StartThrowAwayCluster()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "start-postgres.sh");
        using var start = Process.Start(new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        start.WaitForExit(TimeSpan.FromSeconds(90));
    }

    private static async Task<bool> AnswersAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin()) { Timeout = 5 }.ToString());
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Admin() => For("postgres");

    private static string For(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = true }.ToString();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Twin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CityOps.Twin.sln) is not above the test's folder.");
    }
}
