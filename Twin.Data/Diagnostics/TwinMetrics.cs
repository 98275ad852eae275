using System.Diagnostics.Metrics;

namespace Twin.Data.Diagnostics;

/// <summary>
/// The twin's own metrics, all on the meter <c>CityOps.Twin</c> (exported at <c>/metrics</c> and
/// charted by <c>deploy/grafana/cityops-twin.json</c>). Names follow OpenTelemetry's conventions;
/// the Prometheus exporter writes them with underscores and unit suffixes, e.g.
/// <c>cityops.twin.pipeline.commit.duration</c> (s) as <c>cityops_twin_pipeline_commit_duration_seconds</c>.
/// Tags hold only bounded sets (an input's kind, a source's configured name, a short reason word),
/// never an id or free text, so the number of series stays small.
/// </summary>
public sealed class TwinMetrics
{
    public const string MeterName = "CityOps.Twin";

    // Seconds: a batch commit is milliseconds on a healthy disk and the busy timeout (30 s) at worst.
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly int[] BatchBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];
    private static readonly long[] ByteBuckets = [1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216];

    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<double> _applyDuration;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _pipelineInputs;
    private readonly Counter<long> _inputs;
    private readonly Counter<long> _deltasSent;
    private readonly Counter<long> _snapshotsSent;
    private readonly Histogram<long> _snapshotSize;
    private Func<int>? _queueDepth;
    private Func<int>? _hubSubscribers;
    private Func<long>? _hubResyncs;

    public TwinMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(new MeterOptions(MeterName));
        meter.CreateObservableGauge("cityops.twin.pipeline.queue_depth", () => Observe(_queueDepth), "{input}",
            "Inputs waiting for the single writer.");
        _commitDuration = meter.CreateHistogram("cityops.twin.pipeline.commit.duration", "s",
            "Time to write one batch to the store in one transaction; outcome=failed when the write failed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _applyDuration = meter.CreateHistogram("cityops.twin.engine.apply.duration", "s",
            "Time the engine took to apply one batch of inputs in memory.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _batchSize = meter.CreateHistogram("cityops.twin.pipeline.batch.size", "{input}", "Inputs per written batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _pipelineInputs = meter.CreateCounter<long>("cityops.twin.pipeline.inputs", "{input}",
            "Inputs the writer handled, by kind (the command) and outcome: applied, refused (by the engine), replayed (an idempotent copy), failed (not written).");
        _inputs = meter.CreateCounter<long>("cityops.twin.inputs", "{request}",
            "Requests to the ingestion APIs by source (the API key's configured name, or unknown without a valid key), api, outcome (accepted, refused) and reason.");
        meter.CreateObservableGauge("cityops.twin.hub.subscribers", () => Observe(_hubSubscribers), "{connection}",
            "Screens subscribed to the map feed on /hubs/twin.");
        _deltasSent = meter.CreateCounter<long>("cityops.twin.hub.deltas", "{message}", "Map deltas sent to screens (one per screen).");
        _snapshotsSent = meter.CreateCounter<long>("cityops.twin.hub.snapshots", "{message}",
            "Map snapshots sent to screens: on subscribing, and instead of deltas a screen fell behind on.");
        meter.CreateObservableCounter("cityops.twin.hub.resyncs", () => Observe(_hubResyncs), "{message}",
            "Times a screen fell behind (its queue was full) and got a snapshot instead of its deltas.");
        _snapshotSize = meter.CreateHistogram("cityops.twin.hub.snapshot.size", "By", "Bytes of each map snapshot sent.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = ByteBuckets });
    }

    /// <summary>Where the queue depth is read from (the pipeline registers itself).</summary>
    public void ObserveQueueDepth(Func<int> depth) => _queueDepth = depth;

    /// <summary>Where the hub's subscriber count and its resync total are read from.</summary>
    public void ObserveHub(Func<int> subscribers, Func<long> resyncs)
    {
        _hubSubscribers = subscribers;
        _hubResyncs = resyncs;
    }

    public void BatchApplied(TimeSpan elapsed, int inputs)
    {
        _applyDuration.Record(elapsed.TotalSeconds);
        _batchSize.Record(inputs);
    }

    public void BatchWritten(TimeSpan elapsed, bool succeeded) =>
        _commitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));

    /// <param name="input">The command's kind, e.g. <c>RecordObservationCommand</c>.</param>
    /// <param name="outcome"><c>applied</c>, <c>refused</c>, <c>replayed</c> or <c>failed</c>.</param>
    public void PipelineInput(string input, string outcome) =>
        _pipelineInputs.Add(1, new KeyValuePair<string, object?>("input", input), new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="source">A configured source's name, or <c>unknown</c> when no valid key was sent.</param>
    /// <param name="api"><c>sta</c>, <c>open311</c>, <c>cap</c>, <c>drones</c>.</param>
    /// <param name="reason">A short word from a fixed set (e.g. <c>invalid</c>, <c>rate_limited</c>); <c>ok</c> when accepted.</param>
    public void Input(string source, string api, bool accepted, string reason) =>
        _inputs.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("api", api),
            new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "refused"), new KeyValuePair<string, object?>("reason", reason));

    public void DeltaSent() => _deltasSent.Add(1);

    public void SnapshotSent(int bytes)
    {
        _snapshotsSent.Add(1);
        _snapshotSize.Record(bytes);
    }

    private static IEnumerable<Measurement<int>> Observe(Func<int>? value) => value is null ? [] : [new Measurement<int>(value())];

    private static IEnumerable<Measurement<long>> Observe(Func<long>? value) => value is null ? [] : [new Measurement<long>(value())];
}
