using System.Collections.Concurrent;
using System.Diagnostics;
using CommandCenter.Map;
using Twin.Data.Pipeline;

namespace Twin.LoadTest.Hub;

/// <summary>
/// Where an event's time goes inside the server, on the same clock as the subscribers' receipts:
/// <see cref="Committed"/> when the pipeline has written it to disk and raised it, and
/// <see cref="Sending"/> when the delta carrying it is first handed to a connection's send (after
/// the broadcaster's coalescing window and its queue), and <see cref="AllSent"/> when every
/// connection's send of that delta has completed (SignalR has written it to each transport).
/// Received − AllSent is the sockets and the client; AllSent − Sending is the per-connection sending
/// loops; Sending − Committed is the broadcaster; Committed is queueing, the engine and the fsync.
/// </summary>
public sealed class StageProbe
{
    private long _lastSeqSent;
    private long[] _lastCommitted = [];
    private long[] _lastSent = [];
    private long[] _lastAllSent = [];
    private readonly ConcurrentDictionary<long, int> _sends = new();
    private readonly Lock _allSentGate = new();

    /// <summary>The load's events; set once before the load starts.</summary>
    public EventLog? Log
    {
        get;
        set
        {
            field = value;
            _lastCommitted = new long[value?.SensorCount ?? 0];
            _lastSent = new long[value?.SensorCount ?? 0];
            _lastAllSent = new long[value?.SensorCount ?? 0];
            Array.Fill(_lastCommitted, -1);
            Array.Fill(_lastSent, -1);
            Array.Fill(_lastAllSent, -1);
        }
    }

    public LatencyHistogram Committed { get; set; } = new();

    public LatencyHistogram Sending { get; set; } = new();

    public LatencyHistogram AllSent { get; set; } = new();

    /// <summary>The connections a delta goes to in the current cell.</summary>
    public int Connections { get; set; }

    public void Reset()
    {
        Committed = new LatencyHistogram();
        Sending = new LatencyHistogram();
        AllSent = new LatencyHistogram();
        _sends.Clear();
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

    /// <summary>Counts a delta's readings once, when the last of the cell's connections has been sent it.</summary>
    public void OnSent(MapMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (Log is not { } log || message is not DeltaMessage { Delta.Value: var delta }
            || _sends.AddOrUpdate(delta.Seq, 1, (_, sent) => sent + 1) != Connections)
        {
            return;
        }

        _sends.TryRemove(delta.Seq, out _);
        lock (_allSentGate)
        {
            foreach (var update in delta.SensorUpdates)
            {
                if (update.ObservedAt is { } at)
                {
                    Count(log, at, now, _lastAllSent, AllSent);
                }
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
        public async Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken)
        {
            probe.OnSending(message);
            await inner.SendAsync(connectionId, message, cancellationToken);
            probe.OnSent(message);
        }
    }
}
