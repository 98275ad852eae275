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
    private readonly Dictionary<string, DroneState> _drones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MissionState> _missions = new(StringComparer.Ordinal);
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
            IEnumerable<DroneState> shown = _drones.Values;
            if (scope.Area is { } area)
            {
                shown = areas.FleetOver(area, _drones.Values, _missions.Values).Drones;
            }

            var features = shown
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => DroneFeatures.Drone(d, d.MissionId is { } id ? _missions.GetValueOrDefault(id) : null))
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
                ? areas.FleetOver(area, _drones.Values, _missions.Values).Drones.Any(d => d.Id == droneId)
                : _drones.ContainsKey(droneId);
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
        Reload();
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
            Reload();
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            foreach (var change in changes.Events)
            {
                switch (change)
                {
                    case DroneChanged d:
                        _drones[d.Drone.Id] = d.Drone;
                        _dirty = true;
                        break;
                    case MissionChanged { Mission: var m } when m.IsActive:
                        _missions[m.Id] = m;
                        _dirty = true;
                        break;
                    case MissionChanged { Mission: var m }:
                        _missions.Remove(m.Id);
                        _dirty = true;
                        break;
                }
            }
        }

        return Task.CompletedTask;
    }

    private void Reload()
    {
        var snapshot = queries.Current;
        lock (_gate)
        {
            _drones.Clear();
            _missions.Clear();
            foreach (var drone in snapshot.Drones)
            {
                _drones[drone.Id] = drone;
            }

            foreach (var mission in snapshot.Missions)
            {
                _missions[mission.Id] = mission;
            }

            _dirty = true;
        }
    }
}
