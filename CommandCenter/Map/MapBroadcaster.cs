using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Map;

/// <summary>
/// Keeps the map's feature state and pushes it to the hub's (<c>Hub/TwinHub</c>) subscribers: a snapshot on
/// request, then numbered deltas. Committed change sets are coalesced so that at most one delta
/// leaves per <see cref="MapOptions.CoalesceMilliseconds"/> and a burst of observations becomes one
/// update per sensor. Snapshots and deltas are queued under one gate so a snapshot's <c>seq</c> is exact
/// and every subscriber's queue is in seq order; <see cref="MapFanout"/> sends them.
/// Every feature remembers the case, alarm or sensor it shows, so that each scope's group
/// (<see cref="AccessScope.ViewKey"/>) gets only what <see cref="AccessScope.Sees(TicketState)"/>
/// lets it see: a feature leaving a scope (a case reassigned away) reaches that group as a removal.
/// A reset (a follower's reload of the writer's commits, a rebuild) is sent as the difference from the picture
/// the screens hold (<see cref="MapChange.Between"/>); only a new day, and a screen that asks, get a snapshot.
/// </summary>
public sealed partial class MapBroadcaster : BackgroundService
{
    private readonly TimeSpan _coalesceWindow;
    private readonly MapFanout _fanout;
    private readonly ITwinQueries _queries;
    private readonly ITwinChanges _twinChanges;
    private readonly EventCatalogue _catalogue;
    private readonly DistrictMap _district;
    private readonly ILogger<MapBroadcaster> _logger;
    private readonly Channel<(TwinChangeSet Set, long At)> _changes = Channel.CreateUnbounded<(TwinChangeSet, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MapPicture _picture = new();
    private readonly ConcurrentDictionary<string, AccessScope> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotMessage> _snapshots = new(StringComparer.Ordinal);
    private readonly RecentlyChanged _recent = new();
    private long _seq;
    private DateTimeOffset _dayStart;

    public MapBroadcaster(
        MapFanout fanout,
        ITwinQueries queries,
        ITwinChanges changes,
        EventCatalogue catalogue,
        DistrictMap district,
        IOptions<TwinOptions> options,
        ILogger<MapBroadcaster> logger)
    {
        _fanout = fanout;
        _queries = queries;
        _twinChanges = changes;
        _catalogue = catalogue;
        _district = district;
        _logger = logger;
        _coalesceWindow = TimeSpan.FromMilliseconds(options.Value.Map.CoalesceMilliseconds);
    }

    public long Seq => Interlocked.Read(ref _seq);

    /// <summary>The scope whose view a group of connections is sent; null for a group no connection has joined.</summary>
    public AccessScope? ScopeOf(string group) => _groups.GetValueOrDefault(group);

    /// <summary>Starts a connection's feed with the snapshot of what <paramref name="scope"/> sees; deltas follow in its own queue.</summary>
    public Task SubscribeAsync(string connectionId, AccessScope scope, CancellationToken cancellationToken) =>
        UnderGateAsync(() =>
        {
            _groups.TryAdd(scope.ViewKey, scope);
            _fanout.Subscribe(connectionId, BuildSnapshot(scope.ViewKey), scope.ViewKey);
        }, cancellationToken);

    /// <summary>Drops what a connection has not been sent yet and sends it its group's snapshot.</summary>
    public Task ResyncAsync(string connectionId, CancellationToken cancellationToken) =>
        UnderGateAsync(() => _fanout.Resync(connectionId, BuildSnapshot), cancellationToken);

    public Task UnsubscribeAsync(string connectionId) => _fanout.UnsubscribeAsync(connectionId);

    private async Task UnderGateAsync(Action action, CancellationToken cancellationToken)
    {
        await _queries.WaitUntilReadyAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            action();
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _queries.WaitUntilReadyAsync(stoppingToken);
        await _gate.WaitAsync(stoppingToken);
        try
        {
            _picture = PictureOf(_queries.Current);
            Interlocked.Increment(ref _seq);

            // A screen that connected before this first load holds an empty snapshot at an older seq.
            _fanout.ResyncAll(BuildSnapshot);
        }
        finally
        {
            _gate.Release();
        }

        // The callback only queues: the coalescing below runs on this service's own loop.
        using var subscription = _twinChanges.Subscribe(nameof(MapBroadcaster), (changes, _) =>
        {
            _changes.Writer.TryWrite((changes, Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        });

        // At most one delta per window, timed from the last one: a change after a quiet window
        // goes out as soon as it is committed, a steady stream once per window. Waiting a whole
        // window after the first change of every burst added up to a window to every reading.
        var lastPublished = Stopwatch.GetTimestamp() - (long)(_coalesceWindow.TotalSeconds * Stopwatch.Frequency);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            var wait = _coalesceWindow - Stopwatch.GetElapsedTime(lastPublished);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stoppingToken);
            }

            lastPublished = Stopwatch.GetTimestamp();
            await PublishPendingAsync(stoppingToken);
        }
    }

    private async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        var upserts = new Dictionary<(string Layer, string Id), (MapFeature Feature, Func<AccessScope, bool> SeenBy)>();
        var removals = new HashSet<FeatureRemoval>();
        long? resetAt = null;
        long? readFrom = null;
        var wholeReset = false;
        var lastAt = 0L;
        while (_changes.Reader.TryRead(out var queued))
        {
            if (queued.Set.IsReset)
            {
                resetAt ??= queued.At;
                readFrom = queued.Set.ReadFrom is { } from ? Math.Max(from, readFrom ?? from) : readFrom;
                wholeReset |= queued.Set.ReadFrom is null;
            }

            lastAt = queued.At;
            Collect(queued.Set, upserts, removals, TicketFeature, _dayStart);
        }

        // Dated by the round's last change set: a later date only keeps a feature as the stream left it one reload longer.
        _recent.Touch(upserts.Keys.Concat(removals.Select(r => (r.Layer, r.Id))), lastAt);

        // Read after the queue: a reset's picture is the one published before it was raised, never an older one.
        var snapshot = _queries.Current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A new day: every screen starts from the day's picture (the heat layer holds today's reports only).
            if (ShanghaiClock.StartOfDay(snapshot.At) != _dayStart)
            {
                _picture = PictureOf(snapshot);
                Interlocked.Increment(ref _seq);
                _fanout.ResyncAll(BuildSnapshot);
                return;
            }

            // A reset (a follower's reload, a rebuild, or this service fell too far behind): what changed since the picture the screens hold.
            var change = resetAt is { } raised ? Reset(snapshot, raised, wholeReset ? null : readFrom, upserts, removals) : Apply(upserts, removals);
            if (change.IsEmpty)
            {
                return;
            }

            var seq = Interlocked.Increment(ref _seq);
            var all = change.Delta(seq, snapshot.At);
            _fanout.Publish(group => new DeltaMessage(new WireJson<MapDelta>(change.For(group, _groups.GetValueOrDefault(group), all, (layer, id) => Sees(group, layer, id)))), BuildSnapshot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not queue a map delta; clients will resync on the next gap.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A reset: what changed from the picture the screens hold to <paramref name="snapshot"/>'s. After a follower's
    /// reload (<paramref name="keepFrom"/>, when its read of the store began) the features the writer's stream changed
    /// since are kept as the stream left them (with this round's <paramref name="upserts"/> and <paramref name="removals"/>):
    /// the reload may have read the store before their commits, and its picture would take them back until the next.
    /// </summary>
    private MapChange Reset(TwinSnapshot snapshot, long raisedAt, long? keepFrom,
        Dictionary<(string Layer, string Id), (MapFeature Feature, Func<AccessScope, bool> SeenBy)> upserts, HashSet<FeatureRemoval> removals)
    {
        var before = _picture;
        _picture = PictureOf(snapshot);
        if (keepFrom is { } from)
        {
            _picture = MapPicture.AfterReload(before, _picture, _recent.Since(from), upserts, removals);
            _recent.ForgetBefore(from);
        }

        var change = MapChange.Between(before, _picture, _groups.Values.Where(scope => !scope.SeesAll).ToList());
        LogReset(change.Full.Count, change.SensorUpdates.Count, change.Removals.Count, Stopwatch.GetElapsedTime(raisedAt).TotalMilliseconds);
        return change;
    }

    /// <summary>Applies committed changes to the picture: sensors whose only change is their reading become <see cref="SensorUpdate"/>s.</summary>
    private MapChange Apply(
        Dictionary<(string Layer, string Id), (MapFeature Feature, Func<AccessScope, bool> SeenBy)> upserts, HashSet<FeatureRemoval> removals)
    {
        var change = new MapChange([], [], [], []);
        foreach (var ((layer, id), (feature, seenBy)) in upserts)
        {
            if (_picture.SeenBy.TryGetValue((layer, id), out var before))
            {
                change.SeenBefore[(layer, id)] = before;
            }

            var layerFeatures = _picture.Layers[layer];
            if (layer == MapLayers.Sensors && layerFeatures.TryGetValue(id, out var previous)
                && MapFeatures.SensorChange(previous, feature) is { } update)
            {
                if (!update.IsEmpty)
                {
                    change.SensorUpdates.Add(update);
                }
            }
            else
            {
                change.Full.Add((layer, feature));
            }

            _picture.Add(layer, feature, seenBy);
        }

        foreach (var removal in removals)
        {
            _picture.Layers[removal.Layer].Remove(removal.Id);
            if (_picture.SeenBy.Remove((removal.Layer, removal.Id), out var before))
            {
                change.SeenBefore[(removal.Layer, removal.Id)] = before;
            }

            change.Removals.Add(removal);
        }

        return change;
    }

    private bool Sees(string group, string layer, string id) =>
        group == MapFanout.Everything
        || (_groups.TryGetValue(group, out var scope) && _picture.SeenBy.TryGetValue((layer, id), out var seenBy) && seenBy(scope));

    private static void Collect(TwinChangeSet set, Dictionary<(string, string), (MapFeature, Func<AccessScope, bool>)> upserts, HashSet<FeatureRemoval> removals,
        Func<TicketState, MapFeature> ticketFeature, DateTimeOffset dayStart)
    {
        foreach (var sensor in set.ChangedSensors)
        {
            upserts[(MapLayers.Sensors, sensor.Definition.Id)] = (MapFeatures.Sensor(sensor), scope => scope.Sees(sensor));
        }

        foreach (var change in set.Events)
        {
            switch (change)
            {
                case TicketChanged { Ticket: var ticket } when ticket.Status.IsOpen():
                    removals.Remove(new FeatureRemoval(MapLayers.Tickets, ticket.Id));
                    upserts[(MapLayers.Tickets, ticket.Id)] = (ticketFeature(ticket), scope => scope.Sees(ticket));
                    if (ticket.Channel == TicketChannel.Hotline12345 && ticket.ReportedAt >= dayStart)
                    {
                        upserts[(MapLayers.Heat, ticket.Id)] = (MapFeatures.HotlineHeat(ticket), scope => scope.Sees(ticket));
                    }

                    break;
                case TicketChanged { Ticket: var ticket }:
                    upserts.Remove((MapLayers.Tickets, ticket.Id));
                    removals.Add(new FeatureRemoval(MapLayers.Tickets, ticket.Id));
                    break;
                case SensorRemoved { Sensor: var sensor }:
                    upserts.Remove((MapLayers.Sensors, sensor.Definition.Id));
                    removals.Add(new FeatureRemoval(MapLayers.Sensors, sensor.Definition.Id));
                    break;
                case AlarmChanged { Change: AlarmChange.Cleared, Alarm: var alarm }:
                    upserts.Remove((MapLayers.Alarms, alarm.Id));
                    removals.Add(new FeatureRemoval(MapLayers.Alarms, alarm.Id));
                    break;
                case AlarmChanged { Alarm: var alarm }:
                    removals.Remove(new FeatureRemoval(MapLayers.Alarms, alarm.Id));
                    upserts[(MapLayers.Alarms, alarm.Id)] = (MapFeatures.Alarm(alarm), scope => scope.Sees(alarm));
                    break;
            }
        }
    }

    private MapPicture PictureOf(TwinSnapshot snapshot)
    {
        var picture = new MapPicture();
        _dayStart = ShanghaiClock.StartOfDay(snapshot.At);
        foreach (var sensor in snapshot.Sensors)
        {
            picture.Add(MapLayers.Sensors, MapFeatures.Sensor(sensor), scope => scope.Sees(sensor));
        }

        foreach (var ticket in snapshot.Tickets)
        {
            if (ticket.Status.IsOpen())
            {
                picture.Add(MapLayers.Tickets, TicketFeature(ticket), scope => scope.Sees(ticket));
            }

            if (ticket.Channel == TicketChannel.Hotline12345 && ticket.ReportedAt >= _dayStart)
            {
                picture.Add(MapLayers.Heat, MapFeatures.HotlineHeat(ticket), scope => scope.Sees(ticket));
            }
        }

        foreach (var alarm in snapshot.ActiveAlarms)
        {
            picture.Add(MapLayers.Alarms, MapFeatures.Alarm(alarm), scope => scope.Sees(alarm));
        }

        return picture;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map reset told as a delta: {Full} features whole, {Readings} readings, {Removals} removals, queued {Milliseconds:F0} ms after the reset was raised.")]
    private partial void LogReset(int full, int readings, int removals, double milliseconds);

    // Under the gate. The layers change only with seq, so screens that (re)connect within one window
    // share one serialised snapshot: after a restart every wall reconnects at once, and building
    // each its own (the whole picture, hundreds of KB of JSON) held the gate, and with it every
    // delta, for seconds.
    private SnapshotMessage BuildSnapshot(string group)
    {
        if (_snapshots.TryGetValue(group, out var last) && last.Snapshot.Value.Seq == Seq)
        {
            return last;
        }

        return _snapshots[group] = new SnapshotMessage(new WireJson<MapSnapshot>(new MapSnapshot(
            Seq,
            _queries.Current.At,
            _picture.Layers.ToDictionary(l => l.Key, l => new FeatureCollection(l.Value.Values.Where(f => Sees(group, l.Key, f.Id)).ToList())))));
    }

    private MapFeature TicketFeature(TicketState ticket) => MapFeatures.Ticket(
        ticket,
        _catalogue.Find(ticket.CategoryCode)?.NameZh ?? ticket.CategoryCode,
        _district.FindSubDistrict(ticket.SubDistrictCode)?.Name ?? ticket.SubDistrictCode);

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
