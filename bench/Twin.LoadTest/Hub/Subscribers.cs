using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Twin.LoadTest.Hub;

/// <summary>What one cell's subscribers share: the posted events, the latency histogram and the sensors' numbers.</summary>
public sealed class Receipts(EventLog log, IReadOnlyDictionary<string, int> sensorIndex)
{
    public EventLog Log { get; } = log;

    public IReadOnlyDictionary<string, int> SensorIndex { get; } = sensorIndex;

    public LatencyHistogram Histogram { get; set; } = new();
}

/// <summary>A hub client that follows a numbered stream and counts what it missed.</summary>
public abstract class Subscriber(Receipts receipts) : IAsyncDisposable
{
    private long _lost;
    private long _outOfOrder;
    private long _resyncs;

    protected Receipts Receipts { get; } = receipts;

    protected HubConnection Connection { get; private set; } = null!;

    /// <summary>The last message number applied; -1 before the first snapshot.</summary>
    public long LastSeq { get; protected set; } = -1;

    public long Lost => Interlocked.Read(ref _lost);

    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    /// <summary>Snapshots received after the first: the server replaced deltas this client fell behind on.</summary>
    public long Resyncs => Interlocked.Read(ref _resyncs);

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _lost, 0);
        Interlocked.Exchange(ref _outOfOrder, 0);
        Interlocked.Exchange(ref _resyncs, 0);
    }

    protected void CountResync() => Interlocked.Increment(ref _resyncs);

    /// <summary>How long a client waits for the server's keep-alive, and the relay for its clients'.</summary>
    public static readonly TimeSpan PatientTimeout = TimeSpan.FromMinutes(5);

    public async Task ConnectAsync(Uri hubUrl, string? cookie, CancellationToken ct)
    {
        // WebSockets only, as the wall's browsers use; no negotiate round trip.
        Connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .Build();
        Connection.ServerTimeout = PatientTimeout;
        Register(Connection);
        await Connection.StartAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract void Register(HubConnection connection);

    /// <summary>Checks a message's number against the last one; false when the message must be dropped.</summary>
    protected bool Accept(long seq)
    {
        if (seq <= LastSeq)
        {
            Interlocked.Increment(ref _outOfOrder);
            return false;
        }

        if (seq != LastSeq + 1)
        {
            Interlocked.Add(ref _lost, seq - LastSeq - 1);
        }

        LastSeq = seq;
        return true;
    }

    /// <summary>False once the connection dropped (e.g. a starved client missed the server's keep-alive).</summary>
    public bool IsConnected => Connection.State == HubConnectionState.Connected;

    /// <summary>How many messages the server has numbered that this client has not applied.</summary>
    public long Behind(long serverSeq) => Math.Max(0, serverSeq - LastSeq);
}

/// <summary>
/// A screen on <c>/hubs/twin</c> following docs/hub-protocol.md: a snapshot, then deltas numbered
/// seq + 1; on a gap it asks for a snapshot and drops deltas until it arrives. Only the fields the
/// measurement needs are read (a sensor's id and <c>observedAt</c>, from a whole feature or from a
/// sensor update); the rest is skipped.
/// </summary>
public sealed class TwinSubscriber(Receipts receipts) : Subscriber(receipts)
{
    private readonly long[] _lastCounted = new long[receipts.Log.SensorCount];
    private bool _awaitingSnapshot = true;

    protected override void Register(HubConnection connection)
    {
        Array.Fill(_lastCounted, -1);
        connection.On<SnapshotHeader>("Snapshot", s =>
        {
            if (LastSeq >= 0)
            {
                CountResync();
            }

            LastSeq = s.Seq;
            _awaitingSnapshot = false;
        });
        connection.On<DeltaMessage>("Delta", OnDeltaAsync);
    }

    private async Task OnDeltaAsync(DeltaMessage delta)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        if (_awaitingSnapshot)
        {
            return;
        }

        var expected = LastSeq + 1;
        if (!Accept(delta.Seq))
        {
            return;
        }

        if (delta.Seq != expected)
        {
            // The protocol's recovery: resync from a snapshot. SendAsync, not InvokeAsync: a handler
            // that waited for a reply would block the very receive loop that delivers it.
            _awaitingSnapshot = true;
            await Connection.SendAsync("RequestSnapshot");
            return;
        }

        foreach (var feature in delta.Upserts)
        {
            if (feature.Properties is { Layer: "sensors", ObservedAt: { } observedAt })
            {
                Count(feature.Id, observedAt, receivedAt);
            }
        }

        foreach (var update in delta.SensorUpdates ?? [])
        {
            if (update.ObservedAt is { } observedAt)
            {
                Count(update.Id, observedAt, receivedAt);
            }
        }
    }

    // A sensor can reappear with the same reading (a health change); count each reading once.
    private void Count(string sensorId, DateTimeOffset observedAt, long receivedAt)
    {
        if (Receipts.SensorIndex.TryGetValue(sensorId, out var sensor)
            && Receipts.Log.EventOf(observedAt) is var k and >= 0
            && k > _lastCounted[sensor])
        {
            _lastCounted[sensor] = k;
            Receipts.Log.Received(k, receivedAt, Receipts.Histogram);
        }
    }

    private sealed record SnapshotHeader(long Seq);

    private sealed record DeltaMessage(long Seq, List<DeltaFeature> Upserts, List<SensorReading>? SensorUpdates);

    private sealed record SensorReading(string Id, DateTimeOffset? ObservedAt);

    private sealed record DeltaFeature(string Id, DeltaProperties? Properties);

    private sealed record DeltaProperties(string? Layer, DateTimeOffset? ObservedAt);
}

/// <summary>A client of the bare relay: every event arrives alone, numbered.</summary>
public sealed class RelaySubscriber(Receipts receipts) : Subscriber(receipts)
{
    protected override void Register(HubConnection connection)
    {
        // Connected before the relay numbers its first message (1).
        LastSeq = 0;
        connection.On<RelayEvent>(RelayServer.EventMethod, e =>
        {
            var receivedAt = Stopwatch.GetTimestamp();
            if (Accept(e.Seq) && Receipts.Log.EventOf(e.ObservedAt) is var k and >= 0)
            {
                Receipts.Log.Received(k, receivedAt, Receipts.Histogram);
            }
        });
    }
}

public sealed record RelayEvent(long Seq, string SensorId, DateTimeOffset ObservedAt);
