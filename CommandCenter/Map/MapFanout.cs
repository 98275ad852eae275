using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CommandCenter.Map;

/// <summary>A message on a subscriber's queue, in the order the server numbered it.</summary>
public abstract record MapMessage;

public sealed record SnapshotMessage(WireJson<MapSnapshot> Snapshot) : MapMessage;

public sealed record DeltaMessage(WireJson<MapDelta> Delta) : MapMessage;

/// <summary>Wakes a connection's idle sending loop when a fleet is waiting; sent to nobody.</summary>
internal sealed record FleetWaiting : MapMessage
{
    public static readonly FleetWaiting Instance = new();
}

/// <summary>Writes one message to one connection; completes when the connection has taken it.</summary>
public interface IMapSender
{
    Task SendAsync(string connectionId, MapMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// One bounded send queue and one sending loop per subscribed connection. A SignalR group send
/// awaits every connection of the group, so one slow screen (a stalled browser, a congested link)
/// would hold every delta back for all the others; here it only fills its own queue. A queue that
/// is full is emptied and given a fresh snapshot instead: the slow screen skips what it could not
/// take and carries on from the current picture, exactly as after a gap (docs/hub-protocol.md).
/// Callers serialise <see cref="Subscribe"/>, <see cref="Resync"/> and <see cref="Publish"/> (the
/// broadcaster's gate), so every queue holds messages in seq order.
/// <para>
/// The drone fleet travels through the same loops but not through the queues: each connection
/// holds at most one fleet waiting to be sent, and a newer one replaces it, since a fleet message
/// replaces the last on the screen anyway. A slow screen therefore gets the latest fleet when it
/// reads again, neither a backlog of old ones nor a snapshot, and never holds the others back.
/// </para>
/// </summary>
public sealed class MapFanout(IMapSender sender, int queueLength, ILogger<MapFanout> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private long _overflows;

    public int Subscribers => _feeds.Count;

    /// <summary>How many times a full queue was replaced by a snapshot since start.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    /// <summary>Adds a connection (or restarts its queue) with the snapshot it starts from.</summary>
    public void Subscribe(string connectionId, SnapshotMessage snapshot) =>
        _feeds.GetOrAdd(connectionId, id => new Feed(id, queueLength, sender, logger)).Replace(snapshot);

    /// <summary>Replaces whatever a connection has not yet been sent with a snapshot.</summary>
    public void Resync(string connectionId, SnapshotMessage snapshot)
    {
        if (_feeds.TryGetValue(connectionId, out var feed))
        {
            feed.Replace(snapshot);
        }
    }

    public void ResyncAll(SnapshotMessage snapshot)
    {
        foreach (var feed in _feeds.Values)
        {
            feed.Replace(snapshot);
        }
    }

    /// <summary>Queues a delta for every connection; a full queue gets <paramref name="snapshot"/> (built at most once) instead.</summary>
    public void Publish(DeltaMessage delta, Func<SnapshotMessage> snapshot)
    {
        SnapshotMessage? fresh = null;
        foreach (var feed in _feeds.Values)
        {
            if (!feed.TryEnqueue(delta))
            {
                feed.Replace(fresh ??= snapshot());
                Interlocked.Increment(ref _overflows);
            }
        }
    }

    /// <summary>Offers the fleet to every connection, replacing any fleet one has not been sent yet.</summary>
    public void PublishFleet(MapMessage fleet)
    {
        foreach (var feed in _feeds.Values)
        {
            feed.OfferFleet(fleet);
        }
    }

    /// <summary>Offers the fleet to one connection (a screen that just subscribed).</summary>
    public void SendFleet(string connectionId, MapMessage fleet)
    {
        if (_feeds.TryGetValue(connectionId, out var feed))
        {
            feed.OfferFleet(fleet);
        }
    }

    public async Task UnsubscribeAsync(string connectionId)
    {
        if (_feeds.TryRemove(connectionId, out var feed))
        {
            await feed.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _feeds.Keys.ToList())
        {
            await UnsubscribeAsync(id);
        }
    }

    private sealed class Feed
    {
        private readonly string _connectionId;
        private readonly Channel<MapMessage> _queue;
        private readonly IMapSender _sender;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _pump;
        private MapMessage? _fleet;

        public Feed(string connectionId, int capacity, IMapSender sender, ILogger logger)
        {
            _connectionId = connectionId;
            _sender = sender;
            _logger = logger;
            // Not SingleReader: Replace() empties the queue from the publishing thread while the pump
            // reads. Not SingleWriter: the map's and the fleet's broadcasters both write.
            _queue = Channel.CreateBounded<MapMessage>(capacity);
            _pump = Task.Run(PumpAsync);
        }

        public bool TryEnqueue(MapMessage message) => _queue.Writer.TryWrite(message);

        public void OfferFleet(MapMessage fleet)
        {
            // Whenever a fleet waits, the queue holds a message the loop will read (this marker, or
            // what filled the queue, or a snapshot that replaced both) and the loop then takes the fleet.
            if (Interlocked.Exchange(ref _fleet, fleet) is null)
            {
                _queue.Writer.TryWrite(FleetWaiting.Instance);
            }
        }

        public void Replace(SnapshotMessage snapshot)
        {
            while (_queue.Reader.TryRead(out _))
            {
            }

            _queue.Writer.TryWrite(snapshot);
        }

        public async Task StopAsync()
        {
            _queue.Writer.TryComplete();
            await _stop.CancelAsync();
            await _pump;
            _stop.Dispose();
        }

        private async Task PumpAsync()
        {
            try
            {
                await foreach (var message in _queue.Reader.ReadAllAsync(_stop.Token))
                {
                    if (message is not FleetWaiting)
                    {
                        await SendAsync(message);
                    }

                    if (Interlocked.Exchange(ref _fleet, null) is { } fleet)
                    {
                        await SendAsync(fleet);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        private async Task SendAsync(MapMessage message)
        {
            try
            {
                await _sender.SendAsync(_connectionId, message, _stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The connection is going away; its disconnect removes this feed.
                _logger.LogDebug(ex, "Could not send a map message to {ConnectionId}.", _connectionId);
            }
        }
    }
}
