using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Twin.Data.History;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;

namespace Twin.Benchmarks.Search;

/// <summary>
/// The search bench's store of N tickets on one engine: the warm start's month of simulated tickets,
/// copied with new ids a month further back each time until N are stored (the month's texts, places
/// and categories, so the words are as frequent as in the product), then indexed set-wise. Building
/// one takes many minutes, so with <c>--keep DIR</c> the SQLite file (DIR/twin.db) and the PostgreSQL
/// database (<see cref="KeptDatabase"/>) stay after the run and are used again when they hold N tickets.
/// </summary>
internal sealed class SearchScaleStore : IAsyncDisposable
{
    public const string KeptDatabase = "twin_search_scale";

    private readonly DirectoryInfo? _temporary;
    private readonly string? _dropDatabase;
    private readonly string _server;

    private SearchScaleStore(TwinStoreOptions options, DirectoryInfo? temporary, string? dropDatabase, string server)
    {
        Options = options;
        _temporary = temporary;
        _dropDatabase = dropDatabase;
        _server = server;
    }

    public TwinStoreOptions Options { get; }

    public static DateTimeOffset Now { get; } = new(2026, 12, 4, 7, 30, 0, TimeSpan.Zero);

    public static async Task<SearchScaleStore> OpenAsync(StorageProvider provider, string? keep, string server, int target)
    {
        var temporary = keep is null ? Directory.CreateTempSubdirectory("twin-search-scale-") : Directory.CreateDirectory(keep);
        var database = keep is null ? $"twin_search_{Guid.NewGuid():N}" : KeptDatabase;
        var options = new TwinStoreOptions
        {
            Provider = provider,
            DatabasePath = Path.Combine(temporary.FullName, "twin.db"),

            // The build's set-wise statements run for minutes.
            BusyTimeout = TimeSpan.FromHours(1),
        };
        if (provider == StorageProvider.Postgres)
        {
            if (keep is null || !await DatabaseExistsAsync(server, database))
            {
                await Persistence.StoreProvidersBench.AdminAsync(server, $"CREATE DATABASE {database}");
            }

            options.ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        }

        var store = new SearchScaleStore(options, keep is null ? temporary : null, keep is null && provider == StorageProvider.Postgres ? database : null, server);
        await store.BuildAsync(target);
        return store;
    }

    /// <summary>A connection for the LIKE scan, beside the store's own.</summary>
    public async Task<DbConnection> OpenScanConnectionAsync()
    {
        DbConnection connection = Options.Provider == StorageProvider.Postgres
            ? new NpgsqlConnection(Options.ConnectionString)
            : new SqliteConnection($"Data Source={Options.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> CountTicketsAsync()
    {
        await using var connection = await OpenScanConnectionAsync();
        return await ScalarAsync(connection, "SELECT COUNT(*) FROM tickets");
    }

    private async Task BuildAsync(int target)
    {
        await using var store = new TwinStore(Options);
        await store.InitializeAsync();
        var stored = await CountTicketsAsync();
        if (stored >= target)
        {
            Console.WriteLine($"{Options.Provider}: using the kept store of {stored:N0} tickets; load average {BenchArgs.LoadAverage()}");
            return;
        }

        if (stored > 0)
        {
            throw new InvalidOperationException($"The kept {Options.Provider} store holds {stored:N0} tickets, fewer than {target:N0}: delete it to build it again.");
        }

        var build = Stopwatch.StartNew();
        var month = await WarmStartAsync(store);
        await store.PauseSearchIndexAsync();
        await MultiplyAsync(month.Tickets, target);
        await store.RebuildSearchIndexAsync();
        await CompactAsync();
        Console.WriteLine($"{Options.Provider}: {await CountTicketsAsync():N0} tickets stored and indexed in {build.Elapsed.TotalSeconds:F0} s; load average {BenchArgs.LoadAverage()}");
    }

    private static async Task<WarmStartResult> WarmStartAsync(TwinStore store)
    {
        var geo = Path.Combine(AppContext.BaseDirectory, "geo");
        var map = DistrictMapLoader.LoadFromDirectory(geo, 500);
        var options = new SimulatorOptions { HistoryDays = 30 };
        var cameras = CameraLayout.Create(map, DistrictMapLoader.LoadMetroStationsFromDirectory(geo), options.Seed);
        return await new WarmStart(map, EventCatalogue.LoadDefault(), cameras, options).RunAsync(store, Now);
    }

    /// <summary>Copies the month's tickets, each copy a month further back with its own ids, until <paramref name="target"/> are stored.</summary>
    private async Task MultiplyAsync(int monthTickets, int target)
    {
        var postgres = Options.Provider == StorageProvider.Postgres;
        await using var connection = await OpenScanConnectionAsync(writable: true);
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = postgres
                ? "SELECT column_name FROM information_schema.columns WHERE table_name = 'tickets' AND table_schema = current_schema() ORDER BY ordinal_position"
                : "SELECT name FROM pragma_table_info('tickets')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var month = TimeSpan.FromDays(30).Ticks;
        string Copy(string column) => column switch
        {
            "id" or "merged_into_id" or "possible_duplicate_of" => $"{column} || '-C' || c.n",
            _ when column.EndsWith("_at", StringComparison.Ordinal) => $"{column} - c.n * {month}",
            _ => column,
        };

        var copies = (target - monthTickets + monthTickets - 1) / Math.Max(monthTickets, 1);
        var copiesTable = postgres
            ? $"(SELECT generate_series(1, {copies}) AS n) c"
            : $"(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {copies}) SELECT n FROM s) c";
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandTimeout = 0;
        insert.CommandText =
            $"""
            INSERT INTO tickets ({string.Join(", ", columns)})
            SELECT {string.Join(", ", columns.Select(Copy))} FROM {copiesTable}, (SELECT * FROM tickets ORDER BY reported_at, id) t
            ORDER BY c.n, t.reported_at, t.id
            LIMIT {Math.Max(target - monthTickets, 0)}
            """;
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>SQLite: fold the build's WAL (1.4 GB) into the file, which every read would look through; PostgreSQL: fresh planner statistics.</summary>
    private async Task CompactAsync()
    {
        await using var connection = await OpenScanConnectionAsync(writable: true);
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = Options.Provider == StorageProvider.Postgres ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<DbConnection> OpenScanConnectionAsync(bool writable)
    {
        if (!writable || Options.Provider == StorageProvider.Postgres)
        {
            return await OpenScanConnectionAsync();
        }

        var connection = new SqliteConnection($"Data Source={Options.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> DatabaseExistsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pg_database WHERE datname = @name";
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_dropDatabase is not null)
        {
            await Persistence.StoreProvidersBench.AdminAsync(_server, $"DROP DATABASE IF EXISTS {_dropDatabase} WITH (FORCE)");
        }

        _temporary?.Delete(recursive: true);
    }
}
