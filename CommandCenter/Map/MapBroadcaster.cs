using System.Threading.Channels;
using CommandCenter.Live;
using Microsoft.AspNetCore.SignalR;
using Twin.Data.Pipeline;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Map;

/// <summary>
/// Keeps the map's feature state and pushes it to <see cref="TwinHub"/> subscribers: a snapshot on
/// request, then numbered deltas. Committed change sets are coalesced for up to
/// <see cref="CoalesceWindow"/> so that a burst of observations becomes one delta per sensor.
/// Snapshots and deltas are sent under one gate so a snapshot's <c>seq</c> is exact.
/// </summary>
public sealed class MapBroadcaster : BackgroundService
{
    private static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(100);

    private readonly IHubContext<TwinHub, ITwinClient> _hub;
    private readonly TwinRuntime _runtime;
    private readonly ILogger<MapBroadcaster> _logger;
    private readonly Channel<TwinChangeSet> _changes = Channel.CreateUnbounded<TwinChangeSet>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, MapFeature>> _layers =
        MapLayers.Live.ToDictionary(l => l, _ => new Dictionary<string, MapFeature>(StringComparer.Ordinal));
    private long _seq;
    private DateTimeOffset _dayStart;

    public MapBroadcaster(IHubContext<TwinHub, ITwinClient> hub, TwinRuntime runtime, ILogger<MapBroadcaster> logger)
    {
        _hub = hub;
        _runtime = runtime;
        _logger = logger;
    }

    public long Seq => Interlocked.Read(ref _seq);

    public async Task SendSnapshotAsync(string connectionId, CancellationToken cancellationToken)
    {
        await _runtime.Ready.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _hub.Clients.Client(connectionId).Snapshot(BuildSnapshot());
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _runtime.Ready.WaitAsync(stoppingToken);
        await _gate.WaitAsync(stoppingToken);
        try
        {
            Reload(_runtime.Pipeline.Current);

            // A screen that connected before this first load holds an empty snapshot at an older seq.
            await _hub.Clients.Group(TwinHub.MapGroup).Snapshot(BuildSnapshot());
        }
        finally
        {
            _gate.Release();
        }

        _runtime.Pipeline.Committed += OnCommitted;
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(CoalesceWindow, stoppingToken);
                await PublishPendingAsync(stoppingToken);
            }
        }
        finally
        {
            _runtime.Pipeline.Committed -= OnCommitted;
        }
    }

    private void OnCommitted(TwinChangeSet changes) => _changes.Writer.TryWrite(changes);

    private async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        var upserts = new Dictionary<(string Layer, string Id), MapFeature>();
        var removals = new HashSet<FeatureRemoval>();
        var snapshot = _runtime.Pipeline.Current;
        while (_changes.Reader.TryRead(out var set))
        {
            Collect(set, upserts, removals);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (ShanghaiClock.StartOfDay(snapshot.At) != _dayStart)
            {
                Reload(snapshot);
                await _hub.Clients.Group(TwinHub.MapGroup).Snapshot(BuildSnapshot());
                return;
            }

            if (upserts.Count == 0 && removals.Count == 0)
            {
                return;
            }

            foreach (var ((layer, id), feature) in upserts)
            {
                _layers[layer][id] = feature;
            }

            foreach (var removal in removals)
            {
                _layers[removal.Layer].Remove(removal.Id);
            }

            var seq = Interlocked.Increment(ref _seq);
            await _hub.Clients.Group(TwinHub.MapGroup).Delta(new MapDelta(seq, snapshot.At, upserts.Values.ToList(), removals.ToList()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not push a map delta; clients will resync on the next gap.");
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

    private MapSnapshot BuildSnapshot() => new(
        Seq,
        _runtime.Pipeline.Current.At,
        _layers.ToDictionary(l => l.Key, l => new FeatureCollection(l.Value.Values.ToList())));

    private MapFeature TicketFeature(TicketState ticket) => MapFeatures.Ticket(
        ticket,
        _runtime.Catalogue.Find(ticket.CategoryCode)?.NameZh ?? ticket.CategoryCode,
        _runtime.District.FindSubDistrict(ticket.SubDistrictCode)?.Name ?? ticket.SubDistrictCode);

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
