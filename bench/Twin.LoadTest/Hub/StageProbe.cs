using System.Diagnostics;
using CommandCenter.Map;
using Twin.Data.Pipeline;

namespace Twin.LoadTest.Hub;

/// <summary>
/// Where an event's time goes inside the server, on the same clock as the subscribers' receipts:
/// <see cref="Committed"/> when the pipeline has written it to disk and raised it, and
/// <see cref="Sending"/> when the delta carrying it is first handed to a connection's send (after
/// the broadcaster's coalescing window and its queue). Received − Sending is the transport and the
/// client; Sending − Committed is the broadcaster; Committed is queueing, the engine and the fsync.
/// </summary>
public sealed class StageProbe
{
    private long _lastSeqSent;
    private long[] _lastCommitted = [];
    private long[] _lastSent = [];

    /// <summary>The load's events; set once before the load starts.</summary>
    public EventLog? Log
    {
        get;
        set
        {
            field = value;
            _lastCommitted = new long[value?.SensorCount ?? 0];
            _lastSent = new long[value?.SensorCount ?? 0];
            Array.Fill(_lastCommitted, -1);
            Array.Fill(_lastSent, -1);
        }
    }

    public LatencyHistogram Committed { get; set; } = new();

    public LatencyHistogram Sending { get; set; } = new();

    public void Reset()
    {
        Committed = new LatencyHistogram();
        Sending = new LatencyHistogram();
    }

    public void OnCommitted(TwinChangeSet changes)
    {
        var now = Stopwatch.GetTimestamp();
        if (Log is not { } log)
        {
            return;
        }

        foreach (var sensor in changes.ChangedSensors)
        {
            if (sensor.LastObservedAt is { } at)
            {
                Count(log, at, now, _lastCommitted, Committed);
            }
        }
    }

    /// <summary>Counts a delta's readings once, on the first connection it is sent to.</summary>
    public void OnSending(MapMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (Log is not { } log || message is not DeltaMessage { Delta.Value: var delta })
        {
            return;
        }

        var last = Interlocked.Read(ref _lastSeqSent);
        if (delta.Seq <= last || Interlocked.CompareExchange(ref _lastSeqSent, delta.Seq, last) != last)
        {
            return;
        }

        foreach (var update in delta.SensorUpdates)
        {
            if (update.ObservedAt is { } at)
            {
                Count(log, at, now, _lastSent, Sending);
            }
        }

        foreach (var feature in delta.Upserts)
        {
            if (feature.Properties.GetValueOrDefault("observedAt") is DateTimeOffset at)
            {
                Count(log, at, now, _lastSent, Sending);
            }
        }
    }

    // A sensor changes again with the same reading (its health went stale): count each reading once.
    private static void Count(EventLog log, DateTimeOffset observedAt, long now, long[] lastCounted, LatencyHistogram histogram)
    {
        if (log.EventOf(observedAt) is var k and >= 0 && k > lastCounted[log.SensorOf(k)])
        {
            lastCounted[log.SensorOf(k)] = k;
            log.Received(k, now, histogram);
        }
    }

    /// <summary>The app's own sender, with <see cref="OnSending"/> called before each send.</summary>
    public sealed class ProbedSender(IMapSender inner, StageProbe probe) : IMapSender
    {
        public Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken)
        {
            probe.OnSending(message);
            return inner.SendAsync(connectionId, message, cancellationToken);
        }
    }
}
