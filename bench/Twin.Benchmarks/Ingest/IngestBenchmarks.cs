using BenchmarkDotNet.Attributes;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Benchmarks.Ingest;

/// <summary>
/// Observations per second through <see cref="TwinEngine.RecordObservation"/> on one thread (the
/// host's single writer), against a bare dictionary update of the same observations.
/// Observations arrive round-robin over the sensors, in a shuffled order per round, with values in
/// the normal band: this measures ingest, not alarm handling.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int Batch = 1_000_000;
    private const int Seed = 310107;

    private static readonly (SensorKind Kind, string Unit, Thresholds Thresholds, double Typical)[] Kinds =
    [
        (SensorKind.CreekWaterLevel, "m", new Thresholds(3.8, 4.5, 0.1), 2.9),
        (SensorKind.AirQuality, "AQI", new Thresholds(150, 200, 10), 60),
        (SensorKind.Noise, "dB(A)", new Thresholds(70, 85, 3), 55),
        (SensorKind.ManholeCover, "°", new Thresholds(10, 20, 2), 1),
        (SensorKind.Lift, "m/s²", new Thresholds(5, 8, 0.5), 1.5),
        (SensorKind.SecondaryWater, "mg/L", new Thresholds(0.2, 0.1, 0.02, HighIsBad: false), 0.5),
        (SensorKind.SiteDust, "µg/m³", new Thresholds(150, 250, 10), 70),
        (SensorKind.Smoke, "%/m", new Thresholds(5, 10, 1), 0.5),
    ];

    private DistrictMap _map = null!;
    private EventCatalogue _catalogue = null!;
    private SensorDefinition[] _sensors = [];
    private Observation[] _observations = [];
    private RecordObservationCommand[] _commands = [];
    private DateTimeOffset _clock;
    private TwinEngine _engine = null!;
    private Dictionary<string, LastReading> _floor = [];

    [Params(1_000, 2_000, 10_000, 100_000)]
    public int Sensors { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _map = DistrictMapLoader.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "geo"), 300);
        _catalogue = EventCatalogue.LoadDefault();
        var random = new Random(Seed);
        var box = _map.Outline.EnvelopeInternal;
        _sensors = new SensorDefinition[Sensors];
        for (var i = 0; i < Sensors; i++)
        {
            GeoPoint location;
            do
            {
                location = new GeoPoint(box.MinX + random.NextDouble() * box.Width, box.MinY + random.NextDouble() * box.Height);
            }
            while (!_map.Contains(location));

            var (kind, unit, thresholds, _) = Kinds[i % Kinds.Length];
            _sensors[i] = new SensorDefinition($"{kind.Slug()}-{i:D6}", kind, $"测点{i}", location, unit, thresholds, TimeSpan.FromMinutes(1));
        }

        // Round r carries one observation per sensor, stamped r minutes (plus a per-sensor jitter)
        // after the start, so every sensor's timestamps increase.
        var start = new DateTimeOffset(2025, 6, 14, 2, 0, 0, TimeSpan.Zero);
        var order = Enumerable.Range(0, Sensors).ToArray();
        _observations = new Observation[Batch];
        for (var n = 0; n < Batch; n++)
        {
            var round = n / Sensors;
            if (n % Sensors == 0)
            {
                random.Shuffle(order);
            }

            var i = order[n % Sensors];
            var typical = Kinds[i % Kinds.Length].Typical;
            var at = start + TimeSpan.FromMinutes(round) + TimeSpan.FromMilliseconds(i % 60_000);
            _observations[n] = new Observation(_sensors[i].Id, typical * (0.9 + 0.2 * random.NextDouble()), at);
        }

        _commands = _observations.Select(o => new RecordObservationCommand(o)).ToArray();
        _clock = _observations.Max(o => o.ObservedAt) + TimeSpan.FromSeconds(1);
    }

    /// <summary>A new engine each iteration: the same observations would be refused the second time as not newer.</summary>
    [IterationSetup]
    public void IterationSetup()
    {
        _engine = new TwinEngine(_map, _catalogue, new FixedTimeProvider(_clock));
        foreach (var sensor in _sensors)
        {
            _engine.RegisterSensor(sensor);
        }

        _engine.DrainEvents();
        _engine.DrainChangedSensors();
        _floor = _sensors.ToDictionary(s => s.Id, _ => new LastReading(), StringComparer.Ordinal);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Dictionary lookup + store (floor)")]
    public int DictionaryFloor()
    {
        var stored = 0;
        foreach (ref readonly var o in _observations.AsSpan())
        {
            if (_floor.TryGetValue(o.SensorId, out var last) && o.ObservedAt > last.At)
            {
                last.Value = o.Value;
                last.At = o.ObservedAt;
                stored++;
            }
        }

        return stored;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "TwinEngine.RecordObservation")]
    public int EngineRecordObservation()
    {
        var accepted = 0;
        foreach (ref readonly var o in _observations.AsSpan())
        {
            if (_engine.RecordObservation(o).Accepted)
            {
                accepted++;
            }
        }

        return Checked(accepted);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "TwinEngine.Apply(RecordObservationCommand)")]
    public int EngineApplyCommand()
    {
        var accepted = 0;
        foreach (var command in _commands)
        {
            if (_engine.Apply(command).Accepted)
            {
                accepted++;
            }
        }

        return Checked(accepted);
    }

    private static int Checked(int accepted) =>
        accepted == Batch ? accepted : throw new InvalidOperationException($"Only {accepted} of {Batch} observations were accepted.");

    /// <summary>
    /// A clock standing still just after the last observation, so every timestamp is acceptable;
    /// reading it costs next to nothing, as the host's system clock does, so the engine is what gets measured.
    /// </summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class LastReading
    {
        public double Value { get; set; }

        public DateTimeOffset At { get; set; } = DateTimeOffset.MinValue;
    }
}
