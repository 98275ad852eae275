using System.Diagnostics;
using System.Threading.Channels;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Map;

/// <summary>
/// Keeps the map's feature state and pushes it to the hub's (<c>Hub/TwinHub</c>) subscribers: a snapshot on
/// request, then numbered deltas. Committed change sets are coalesced so that at most one delta
/// leaves per <see cref="MapOptions.CoalesceMilliseconds"/> and a burst of observations becomes one
/// update per sensor. Snapshots and deltas are queued under one gate so a snapshot's <c>seq</c> is exact
/// and every subscriber's queue is in seq order; <see cref="MapFanout"/> sends them.
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
    private long _seq;
    private DateTimeOffset _dayStart;
    private SnapshotMessage? _lastSnapshot;

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

    /// <summary>Starts a connection's feed with a snapshot; deltas follow in its own queue.</summary>
    public Task SubscribeAsync(string connectionId, CancellationToken cancellationToken) =>
        UnderGateAsync(() => _fanout.Subscribe(connectionId, BuildSnapshot()), cancellationToken);

    /// <summary>Drops what a connection has not been sent yet and sends it a snapshot.</summary>
    public Task ResyncAsync(string connectionId, CancellationToken cancellationToken) =>
        UnderGateAsync(() => _fanout.Resync(connectionId, BuildSnapshot()), cancellationToken);

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
            _fanout.ResyncAll(BuildSnapshot());
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
        var upserts = new Dictionary<(string Layer, string Id), MapFeature>();
        var removals = new HashSet<FeatureRemoval>();
        var snapshot = _queries.Current;
        var reset = false;
        while (_changes.Reader.TryRead(out var set))
        {
            reset |= set.IsReset;
            Collect(set, upserts, removals);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A new day, or a reset (the engine was rebuilt, or this service fell too far behind): start from the picture.
            if (reset || ShanghaiClock.StartOfDay(snapshot.At) != _dayStart)
            {
                Reload(snapshot);
                _fanout.ResyncAll(BuildSnapshot());
                return;
            }

            if (upserts.Count == 0 && removals.Count == 0)
            {
                return;
            }

            var full = new List<MapFeature>(upserts.Count);
            var sensorUpdates = new List<SensorUpdate>();
            foreach (var ((layer, id), feature) in upserts)
            {
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
                    full.Add(feature);
                }

                layerFeatures[id] = feature;
            }

            foreach (var removal in removals)
            {
                _layers[removal.Layer].Remove(removal.Id);
            }

            if (full.Count == 0 && sensorUpdates.Count == 0 && removals.Count == 0)
            {
                return;
            }

            var seq = Interlocked.Increment(ref _seq);
            var delta = new DeltaMessage(new WireJson<MapDelta>(new MapDelta(seq, snapshot.At, full, removals.ToList(), sensorUpdates)));
            _fanout.Publish(delta, BuildSnapshot);
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

    private void Collect(TwinChangeSet set, Dictionary<(string, string), MapFeature> upserts, HashSet<FeatureRemoval> removals)
    {
        foreach (var sensor in set.ChangedSensors)
        {
            upserts[(MapLayers.Sensors, sensor.Definition.Id)] = MapFeatures.Sensor(sensor);
        }

        foreach (var change in set.Events)
        {
            switch (change)
            {
                case TicketChanged { Ticket: var ticket } when ticket.Status.IsOpen():
                    removals.Remove(new FeatureRemoval(MapLayers.Tickets, ticket.Id));
                    upserts[(MapLayers.Tickets, ticket.Id)] = TicketFeature(ticket);
                    if (ticket.Channel == TicketChannel.Hotline12345 && ticket.ReportedAt >= _dayStart)
                    {
                        upserts[(MapLayers.Heat, ticket.Id)] = MapFeatures.HotlineHeat(ticket);
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
                    upserts[(MapLayers.Alarms, alarm.Id)] = MapFeatures.Alarm(alarm);
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

        _dayStart = ShanghaiClock.StartOfDay(snapshot.At);
        foreach (var sensor in snapshot.Sensors)
        {
            _layers[MapLayers.Sensors][sensor.Definition.Id] = MapFeatures.Sensor(sensor);
        }

        foreach (var ticket in snapshot.Tickets)
        {
            if (ticket.Status.IsOpen())
            {
                _layers[MapLayers.Tickets][ticket.Id] = TicketFeature(ticket);
            }

            if (ticket.Channel == TicketChannel.Hotline12345 && ticket.ReportedAt >= _dayStart)
            {
                _layers[MapLayers.Heat][ticket.Id] = MapFeatures.HotlineHeat(ticket);
            }
        }

        foreach (var alarm in snapshot.ActiveAlarms)
        {
            _layers[MapLayers.Alarms][alarm.Id] = MapFeatures.Alarm(alarm);
        }

        Interlocked.Increment(ref _seq);
    }

    // Under the gate. The layers change only with seq, so screens that (re)connect within one window
    // share one serialised snapshot: after a restart every wall reconnects at once, and building
    // each its own (the whole picture, hundreds of KB of JSON) held the gate, and with it every
    // delta, for seconds.
    private SnapshotMessage BuildSnapshot()
    {
        if (_lastSnapshot is { } last && last.Snapshot.Value.Seq == Seq)
        {
            return last;
        }

        return _lastSnapshot = new SnapshotMessage(new WireJson<MapSnapshot>(new MapSnapshot(
            Seq,
            _queries.Current.At,
            _layers.ToDictionary(l => l.Key, l => new FeatureCollection(l.Value.Values.ToList())))));
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
