using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Twin.Data.Store;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;
using Twin.Domain.Tickets;

namespace Twin.Benchmarks.Persistence;

/// <summary>
/// Observation rows per second written by <see cref="TwinStore.WriteAsync"/> in the pipeline's batch
/// size (5,000, one transaction, WAL + synchronous=FULL: one fsync per batch), against a bare
/// Microsoft.Data.Sqlite loop doing the same rows into the same schema: one prepared
/// INSERT OR IGNORE re-bound per row, one transaction per batch, the same PRAGMAs. Each database is
/// created by the store's own migrations and holds the same 2,000 sensors.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
// Every invocation adds 5,000 rows, so the invocation count is fixed to keep both files at a few
// million rows (a growing index makes later inserts dearer; both sides grow alike).
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 20)]
public class PersistenceBenchmarks
{
    private const int BatchSize = 5_000;
    private const string InsertObservation =
        "INSERT OR IGNORE INTO observations (sensor_id, value, observed_at, battery_percent) VALUES ($sensor_id, $value, $observed_at, $battery_percent)";

    private readonly Observation[] _batch = new Observation[BatchSize];
    private string _directory = "";
    private TwinStore _store = null!;
    private SqliteConnection _bare = null!;
    private SqliteCommand _insert = null!;
    private string[] _sensorIds = [];
    private DateTimeOffset _next = new(2025, 6, 14, 0, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _directory = Directory.CreateTempSubdirectory("cityops-persistence-bench-").FullName;
        var district = DistrictMapLoader.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "geo"), 300);
        var engine = new TwinEngine(district, EventCatalogue.LoadDefault(), TimeProvider.System);
        foreach (var sensor in SensorFleet.Create(district, new SimulatorOptions()))
        {
            engine.RegisterSensor(sensor);
        }

        var sensors = engine.DrainChangedSensors();
        _sensorIds = sensors.Select(s => s.Definition.Id).ToArray();
        var register = new TwinBatch([], Array.Empty<TicketReport>(), [], sensors);

        _store = new TwinStore(new TwinStoreOptions { DatabasePath = Path.Combine(_directory, "ours.db") });
        await _store.InitializeAsync();
        await _store.WriteAsync(register);

        var barePath = Path.Combine(_directory, "bare.db");
        await using (var schema = new TwinStore(new TwinStoreOptions { DatabasePath = barePath }))
        {
            await schema.InitializeAsync();
            await schema.WriteAsync(register);
        }

        SqliteConnection.ClearAllPools();
        _bare = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = barePath, ForeignKeys = true, Pooling = false }.ToString());
        _bare.Open();
        using (var pragmas = _bare.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            pragmas.ExecuteNonQuery();
        }

        _insert = _bare.CreateCommand();
        _insert.CommandText = InsertObservation;
        foreach (var name in new[] { "$sensor_id", "$value", "$observed_at", "$battery_percent" })
        {
            _insert.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        _insert.Prepare();
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        _insert.Dispose();
        _bare.Dispose();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize, Description = "bare Microsoft.Data.Sqlite: prepared INSERT, 1 tx per 5,000")]
    public void Bare()
    {
        var batch = NextBatch();
        using var transaction = _bare.BeginTransaction(deferred: false);
        _insert.Transaction = transaction;
        var p = _insert.Parameters;
        foreach (ref readonly var o in batch.AsSpan())
        {
            p[0].Value = o.SensorId;
            p[1].Value = o.Value;
            p[2].Value = o.ObservedAt.UtcTicks;
            p[3].Value = o.BatteryPercent is { } b ? b : DBNull.Value;
            _insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "TwinStore.WriteAsync, batch of 5,000")]
    public Task Ours() => _store.WriteAsync(new TwinBatch(NextBatch(), Array.Empty<TicketReport>(), [], []));

    /// <summary>Fresh timestamps every call: a repeated reading would be ignored, not written.</summary>
    private Observation[] NextBatch()
    {
        for (var i = 0; i < BatchSize; i++)
        {
            _next = _next.AddTicks(1);
            _batch[i] = new Observation(_sensorIds[i % _sensorIds.Length], 1.5 + i % 7 * 0.1, _next, i % 3 == 0 ? 80 : null);
        }

        return _batch;
    }
}
