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
/// </summary>
public sealed class MapBroadcaster : BackgroundService
{
    private readonly TimeSpan _coalesceWindow;
    private readonly MapFanout _fanout;
    private readonly ITwinQueries _queries;
    private readonly ITwinChanges _twinChanges;
    private readonly EventCatalogue _catalogue;
    private readonly DistrictMap _district;
    private readonly ILogger<MapBroadcaster> _logger;
    private readonly Channel<TwinChangeSet> _changes = Channel.CreateUnbounded<TwinChangeSet>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, MapFeature>> _layers =
        MapLayers.Live.ToDictionary(l => l, _ => new Dictionary<string, MapFeature>(StringComparer.Ordinal));
    private readonly Dictionary<(string Layer, string Id), Func<AccessScope, bool>> _seenBy = [];
    private readonly ConcurrentDictionary<string, AccessScope> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotMessage> _snapshots = new(StringComparer.Ordinal);
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
            Reload(_queries.Current);

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
            _changes.Writer.TryWrite(changes);
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
        var snapshot = _queries.Current;
        var reset = false;
        while (_changes.Reader.TryRead(out var set))
        {
            reset |= set.IsReset;
            Collect(set, upserts, removals, TicketFeature, _dayStart);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A new day, or a reset (the engine was rebuilt, or this service fell too far behind): start from the picture.
            if (reset || ShanghaiClock.StartOfDay(snapshot.At) != _dayStart)
            {
                Reload(snapshot);
                _fanout.ResyncAll(BuildSnapshot);
                return;
            }

            if (upserts.Count == 0 && removals.Count == 0)
            {
                return;
            }

            var full = new List<(string Layer, MapFeature Feature)>(upserts.Count);
            var sensorUpdates = new List<SensorUpdate>();
            var seenBefore = new Dictionary<(string Layer, string Id), Func<AccessScope, bool>>();
            foreach (var ((layer, id), (feature, seenBy)) in upserts)
            {
                if (_seenBy.TryGetValue((layer, id), out var before))
                {
                    seenBefore[(layer, id)] = before;
                }

                _seenBy[(layer, id)] = seenBy;
                var layerFeatures = _layers[layer];
                if (layer == MapLayers.Sensors && layerFeatures.TryGetValue(id, out var previous)
                    && MapFeatures.SensorChange(previous, feature) is { } update)
                {
                    if (!update.IsEmpty)
                    {
                        sensorUpdates.Add(update);
                    }
                }
                else
                {
                    full.Add((layer, feature));
                }

                layerFeatures[id] = feature;
            }

            foreach (var removal in removals)
            {
                _layers[removal.Layer].Remove(removal.Id);
                if (_seenBy.Remove((removal.Layer, removal.Id), out var before))
                {
                    seenBefore[(removal.Layer, removal.Id)] = before;
                }
            }

            if (full.Count == 0 && sensorUpdates.Count == 0 && removals.Count == 0)
            {
                return;
            }

            var seq = Interlocked.Increment(ref _seq);
            _fanout.Publish(group => DeltaFor(group, new MapDelta(seq, snapshot.At, full.Select(f => f.Feature).ToList(), removals.ToList(), sensorUpdates), full, seenBefore), BuildSnapshot);
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
    /// The delta a group sees: the upserts it may see; as removals, the features it saw before this
    /// change and no longer sees (a case that left its scope) or that are gone; and the readings of
    /// sensors it holds. A feature the group never saw reaches it in no form, not even its id.
    /// </summary>
    private DeltaMessage DeltaFor(string group, MapDelta all, List<(string Layer, MapFeature Feature)> full,
        Dictionary<(string Layer, string Id), Func<AccessScope, bool>> seenBefore)
    {
        if (group == MapFanout.Everything)
        {
            return new DeltaMessage(new WireJson<MapDelta>(all));
        }

        var scope = _groups.GetValueOrDefault(group);
        bool SawBefore(string layer, string id) => scope is not null && seenBefore.TryGetValue((layer, id), out var saw) && saw(scope);
        var upserts = full.Where(f => Sees(group, f.Layer, f.Feature.Id)).Select(f => f.Feature).ToList();
        var removals = full.Where(f => !Sees(group, f.Layer, f.Feature.Id) && SawBefore(f.Layer, f.Feature.Id)).Select(f => new FeatureRemoval(f.Layer, f.Feature.Id))
            .Concat(all.Removals.Where(r => SawBefore(r.Layer, r.Id))).ToList();
        var readings = all.SensorUpdates.Where(u => Sees(group, MapLayers.Sensors, u.Id)).ToList();
        return new DeltaMessage(new WireJson<MapDelta>(all with { Upserts = upserts, Removals = removals, SensorUpdates = readings }));
    }

    private bool Sees(string group, string layer, string id) =>
        group == MapFanout.Everything
        || (_groups.TryGetValue(group, out var scope) && _seenBy.TryGetValue((layer, id), out var seenBy) && seenBy(scope));

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

    private void Reload(TwinSnapshot snapshot)
    {
        foreach (var layer in _layers.Values)
        {
            layer.Clear();
        }

        _seenBy.Clear();

        _dayStart = ShanghaiClock.StartOfDay(snapshot.At);
        foreach (var sensor in snapshot.Sensors)
        {
            _layers[MapLayers.Sensors][sensor.Definition.Id] = MapFeatures.Sensor(sensor);
            _seenBy[(MapLayers.Sensors, sensor.Definition.Id)] = scope => scope.Sees(sensor);
        }

        foreach (var ticket in snapshot.Tickets)
        {
            if (ticket.Status.IsOpen())
            {
                _layers[MapLayers.Tickets][ticket.Id] = TicketFeature(ticket);
                _seenBy[(MapLayers.Tickets, ticket.Id)] = scope => scope.Sees(ticket);
            }

            if (ticket.Channel == TicketChannel.Hotline12345 && ticket.ReportedAt >= _dayStart)
            {
                _layers[MapLayers.Heat][ticket.Id] = MapFeatures.HotlineHeat(ticket);
                _seenBy[(MapLayers.Heat, ticket.Id)] = scope => scope.Sees(ticket);
            }
        }

        foreach (var alarm in snapshot.ActiveAlarms)
        {
            _layers[MapLayers.Alarms][alarm.Id] = MapFeatures.Alarm(alarm);
            _seenBy[(MapLayers.Alarms, alarm.Id)] = scope => scope.Sees(alarm);
        }

        Interlocked.Increment(ref _seq);
    }

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
            _layers.ToDictionary(l => l.Key, l => new FeatureCollection(l.Value.Values.Where(f => Sees(group, l.Key, f.Id)).ToList())))));
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
