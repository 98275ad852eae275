using System.Diagnostics;
using CommandCenter.Map;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Drones;
using Twin.Domain.Organisations;
using Twin.Domain.Time;

namespace CommandCenter.Drones;

/// <summary>
/// Pushes the fleet to every hub subscriber: at most every <see cref="Interval"/> while drones or
/// missions change, and every <see cref="Heartbeat"/> regardless, so a screen that missed a
/// message is whole again within seconds. The fleet is serialised once and offered to each
/// connection's own sending loop (<see cref="MapFanout"/>), so a slow screen does not hold it back
/// from the others and is sent only the latest fleet when it reads again.
/// </summary>
public sealed class DroneBroadcaster(
    MapFanout fanout,
    MapBroadcaster groups,
    AreaVitalSigns areas,
    ITwinQueries queries,
    ITwinChanges twinChanges,
    TwinClock clock,
    PatrolRouteCatalog routes,
    ILogger<DroneBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly FleetPicture _fleet = new();
    private bool _dirty;

    /// <summary>
    /// The fleet as the hub sends it to screens of <paramref name="scope"/>: a 街镇's see the drones
    /// over their area or flying a mission there (<see cref="AreaVitalSigns.FleetOver"/>), as their
    /// wall's drone panel does; everyone else the whole fleet.
    /// </summary>
    public DroneFleetMessage Current(AccessScope scope)
    {
        lock (_gate)
        {
            IEnumerable<DroneState> shown = _fleet.Drones;
            if (scope.Area is { } area)
            {
                shown = areas.FleetOver(area, _fleet.Drones, _fleet.Missions).Drones;
            }

            var features = shown
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => DroneFeatures.Drone(d, d.MissionId is { } id ? _fleet.Mission(id) : null))
                .ToList();
            return new DroneFleetMessage(clock.GetUtcNow(), routes.Version, new FeatureCollection(features));
        }
    }

    /// <summary>Whether screens of <paramref name="scope"/> are shown the drone (its feed and frames are theirs to watch).</summary>
    public bool Shows(AccessScope scope, string droneId)
    {
        lock (_gate)
        {
            return scope.Area is { } area
                ? areas.FleetOver(area, _fleet.Drones, _fleet.Missions).Drones.Any(d => d.Id == droneId)
                : _fleet.Has(droneId);
        }
    }

    /// <summary>Sends its group's fleet to a connection that has just subscribed to the map's feed.</summary>
    public void SendTo(string connectionId) => fanout.SendFleet(connectionId, MessageFor);

    /// <summary>A group's fleet; none for a group whose scope is unknown, so that nothing is shown to whom it should not be.</summary>
    private MapMessage MessageFor(string group)
    {
        var fleet = group == MapFanout.Everything ? Current(AccessScope.CentreOfficer)
            : groups.ScopeOf(group) is { } scope ? Current(scope)
            : new DroneFleetMessage(clock.GetUtcNow(), routes.Version, new FeatureCollection([]));
        return new DronesMessage(new WireJson<DroneFleetMessage>(fleet));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queries.WaitUntilReadyAsync(stoppingToken);

        // Subscribed first: a change committed while loading is then applied after, never lost.
        using var subscription = twinChanges.Subscribe(nameof(DroneBroadcaster), OnCommittedAsync);
        Reload(keepFrom: null);
        using var timer = new PeriodicTimer(Interval);
        var lastSent = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            bool changed;
            lock (_gate)
            {
                changed = _dirty;
                _dirty = false;
            }

            if (!changed && DateTimeOffset.UtcNow - lastSent < Heartbeat)
            {
                continue;
            }

            try
            {
                fanout.PublishFleet(MessageFor);
                lastSent = DateTimeOffset.UtcNow;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not push the fleet; the next change or heartbeat tries again.");
            }
        }
    }

    private Task OnCommittedAsync(TwinChangeSet changes, CancellationToken ct)
    {
        if (changes.IsReset)
        {
            Reload(changes.ReadFrom);
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            _dirty |= _fleet.Apply(changes.Events, Stopwatch.GetTimestamp());
        }

        return Task.CompletedTask;
    }

    /// <param name="keepFrom">After a follower's reload, when its read began (<see cref="TwinChangeSet.ReadFrom"/>).</param>
    private void Reload(long? keepFrom)
    {
        var snapshot = queries.Current;
        lock (_gate)
        {
            _fleet.Reload(snapshot.Drones, snapshot.Missions, keepFrom);
            _dirty = true;
        }
    }
}
