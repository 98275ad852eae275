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
/// Callers serialise <see cref="Subscribe"/>, <see cref="Resync"/> and <c>Publish</c> (the
/// broadcaster's gate), so every queue holds messages in seq order.
/// <para>
/// The drone fleet travels through the same loops but not through the queues: each connection
/// holds at most one fleet waiting to be sent, and a newer one replaces it, since a fleet message
/// replaces the last on the screen anyway. A slow screen therefore gets the latest fleet when it
/// reads again, neither a backlog of old ones nor a snapshot, and never holds the others back.
/// </para>
/// <para>
/// Each connection belongs to a group: the view key of its account's scope
/// (<see cref="Twin.Domain.Organisations.AccessScope.ViewKey"/>). A group's delta and snapshot are
/// built once for all its connections, so a 街镇's wall receives only its area's changes.
/// </para>
/// </summary>
public sealed class MapFanout(IMapSender sender, int queueLength, ILogger<MapFanout> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private long _overflows;

    public int Subscribers => _feeds.Count;

    /// <summary>How many times a full queue was replaced by a snapshot since start.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    /// <summary>The group of connections that see everything (the centre's).</summary>
    public const string Everything = Twin.Domain.Organisations.Organisation.CentreId;

    /// <summary>Adds a connection of <paramref name="group"/> (or restarts its queue) with the snapshot it starts from.</summary>
    public void Subscribe(string connectionId, SnapshotMessage snapshot, string group = Everything) =>
        _feeds.GetOrAdd(connectionId, id => new Feed(id, group, queueLength, sender, logger)).Replace(snapshot);

    /// <summary>Replaces whatever a connection has not yet been sent with its group's snapshot.</summary>
    public void Resync(string connectionId, Func<string, SnapshotMessage> snapshotFor)
    {
        if (_feeds.TryGetValue(connectionId, out var feed))
        {
            feed.Replace(snapshotFor(feed.Group));
        }
    }

    public void ResyncAll(Func<string, SnapshotMessage> snapshotFor)
    {
        var built = new Dictionary<string, SnapshotMessage>(StringComparer.Ordinal);
        foreach (var feed in _feeds.Values)
        {
            feed.Replace(Built(built, feed.Group, snapshotFor));
        }
    }

    /// <summary>Queues the same delta for every connection; a full queue gets <paramref name="snapshot"/> (built at most once) instead.</summary>
    public void Publish(DeltaMessage delta, Func<SnapshotMessage> snapshot) => Publish(_ => delta, _ => snapshot());

    /// <summary>Queues each group's delta for its connections; a full queue gets its group's snapshot (built at most once per group) instead.</summary>
    public void Publish(Func<string, DeltaMessage> deltaFor, Func<string, SnapshotMessage> snapshotFor)
    {
        var deltas = new Dictionary<string, DeltaMessage>(StringComparer.Ordinal);
        var snapshots = new Dictionary<string, SnapshotMessage>(StringComparer.Ordinal);
        foreach (var feed in _feeds.Values)
        {
            if (!feed.TryEnqueue(Built(deltas, feed.Group, deltaFor)))
            {
                feed.Replace(Built(snapshots, feed.Group, snapshotFor));
                Interlocked.Increment(ref _overflows);
            }
        }
    }

    private static T Built<T>(Dictionary<string, T> built, string group, Func<string, T> build)
    {
        if (!built.TryGetValue(group, out var message))
        {
            built[group] = message = build(group);
        }

        return message;
    }

    /// <summary>Offers each group's fleet (built at most once per group) to its connections, replacing any fleet one has not been sent yet.</summary>
    public void PublishFleet(Func<string, MapMessage> fleetFor)
    {
        var fleets = new Dictionary<string, MapMessage>(StringComparer.Ordinal);
        foreach (var feed in _feeds.Values)
        {
            feed.OfferFleet(Built(fleets, feed.Group, fleetFor));
        }
    }

    /// <summary>Offers its group's fleet to one connection (a screen that just subscribed).</summary>
    public void SendFleet(string connectionId, Func<string, MapMessage> fleetFor)
    {
        if (_feeds.TryGetValue(connectionId, out var feed))
        {
            feed.OfferFleet(fleetFor(feed.Group));
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

        public Feed(string connectionId, string group, int capacity, IMapSender sender, ILogger logger)
        {
            _connectionId = connectionId;
            Group = group;
            _sender = sender;
            _logger = logger;
            // Not SingleReader: Replace() empties the queue from the publishing thread while the pump
            // reads. Not SingleWriter: the map's and the fleet's broadcasters both write.
            _queue = Channel.CreateBounded<MapMessage>(capacity);
            _pump = Task.Run(PumpAsync);
        }

        public string Group { get; }

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
