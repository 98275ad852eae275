using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Twin.Data.Pipeline;
using Twin.Data.Store;
using Twin.Data.Store.Providers;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;

namespace Twin.Benchmarks.Persistence;

/// <summary>
/// The store on SQLite and on PostgreSQL side by side, in one run, on the same data: (1) ingest
/// throughput, observation rows per second written by <see cref="TwinStore.WriteAsync"/> in the
/// pipeline's batch size; (2) acknowledgement latency, the time a <see cref="TwinPipeline.SubmitAsync"/>
/// of one reading waits for its batch's commit, with <c>--producers</c> submitting at once (p50, p99, max).
/// Each store is fresh, made by its own migrations, with the simulator's 2,000 sensors. PostgreSQL
/// is the server of <c>--postgres</c> (default: scripts/start-postgres.sh's cluster); a throw-away
/// database is created and dropped. A timed run, not a BenchmarkDotNet job.
/// </summary>
public static class StoreProvidersBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var batches = BenchArgs.Option(args, "--batches", 20);
        var batchSize = BenchArgs.Option(args, "--batch-size", 5_000);
        var submits = BenchArgs.Option(args, "--submits", 2_000);
        var producers = BenchArgs.Option(args, "--producers", 8);
        var server = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault()
            ?? Environment.GetEnvironmentVariable("TWIN_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

        Console.WriteLine($"{batches} batches of {batchSize:N0} rows; {submits:N0} acknowledged submits from {producers} producers; load average before: {BenchArgs.LoadAverage()}");
        Console.WriteLine("| provider | rows/s (WriteAsync) | ack p50 ms | ack p99 ms | ack max ms | acks/s | load after |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            var directory = Directory.CreateTempSubdirectory("twin-providers-bench-");
            var database = $"twin_bench_{Guid.NewGuid():N}";
            try
            {
                var options = new TwinStoreOptions { Provider = provider, DatabasePath = Path.Combine(directory.FullName, "twin.db") };
                if (provider == StorageProvider.Postgres)
                {
                    await AdminAsync(server, $"CREATE DATABASE {database}");
                    options.ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
                }

                var rowsPerSecond = await ThroughputAsync(options, batches, batchSize);
                var (p50, p99, max, acksPerSecond) = await AcknowledgementsAsync(options, submits, producers);
                Console.WriteLine($"| {provider} | {rowsPerSecond:N0} | {p50:F1} | {p99:F1} | {max:F1} | {acksPerSecond:N0} | {BenchArgs.LoadAverage()} |");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                NpgsqlConnection.ClearAllPools();
                if (provider == StorageProvider.Postgres)
                {
                    await AdminAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                }

                directory.Delete(recursive: true);
            }
        }

        return 0;
    }

    private static async Task<double> ThroughputAsync(TwinStoreOptions options, int batches, int batchSize)
    {
        var (engine, sensorIds) = Engine(TimeProvider.System);
        await using var store = new TwinStore(options);
        await store.InitializeAsync();
        await store.WriteAsync(new TwinBatch([], Array.Empty<TicketReport>(), [], engine.DrainChangedSensors()));

        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = new Observation[batchSize];
        var elapsed = TimeSpan.Zero;
        for (var b = 0; b < batches; b++)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                at = at.AddTicks(1);
                rows[i] = new Observation(sensorIds[i % sensorIds.Length], 40 + (i % 17), at);
            }

            var watch = Stopwatch.StartNew();
            await store.WriteAsync(new TwinBatch(rows, Array.Empty<TicketReport>(), [], []));
            elapsed += watch.Elapsed;
        }

        return batches * batchSize / elapsed.TotalSeconds;
    }

    private static async Task<(double P50, double P99, double Max, double PerSecond)> AcknowledgementsAsync(TwinStoreOptions options, int submits, int producers)
    {
        // The store already holds the sensors (the throughput run registered them): the pipeline restores them.
        // Readings go to the noise meters, for which 50 dB is a plausible value.
        var sensorIds = SensorFleet.Create(District(), new SimulatorOptions()).Where(s => s.Kind == SensorKind.Noise).Select(s => s.Id).ToArray();
        await using var store = new TwinStore(options);
        var pipeline = new TwinPipeline(new TwinEngine(District(), EventCatalogue.LoadDefault(), TimeProvider.System), store);
        await pipeline.StartupAsync();
        var running = Task.Run(() => pipeline.RunAsync());

        var latencies = new double[submits];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < submits)
            {
                var watch = Stopwatch.StartNew();
                var outcome = await pipeline.SubmitAsync(new RecordObservationCommand(new Observation(sensorIds[k % sensorIds.Length], 50, DateTimeOffset.UtcNow)));
                latencies[k] = watch.Elapsed.TotalMilliseconds;
                if (!outcome.Accepted)
                {
                    throw new InvalidOperationException($"A reading was refused: {outcome.Reason}");
                }
            }
        })));
        var perSecond = submits / total.Elapsed.TotalSeconds;
        pipeline.Complete();
        await running;
        Array.Sort(latencies);
        return (latencies[submits / 2], latencies[(int)Math.Ceiling(submits * 0.99) - 1], latencies[^1], perSecond);
    }

    private static (TwinEngine Engine, string[] SensorIds) Engine(TimeProvider time)
    {
        var district = District();
        var engine = new TwinEngine(district, EventCatalogue.LoadDefault(), time);
        var ids = new List<string>();
        foreach (var sensor in SensorFleet.Create(district, new SimulatorOptions()))
        {
            engine.RegisterSensor(sensor);
            ids.Add(sensor.Id);
        }

        return (engine, ids.ToArray());
    }

    private static DistrictMap District() => DistrictMapLoader.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "geo"), 300);

    /// <summary>Runs <paramref name="sql"/> on the server's maintenance database (the benches create and drop their databases).</summary>
    internal static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
