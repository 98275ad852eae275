using CommandCenter.Map;
using Twin.Domain.Drones;
using Twin.Domain.Engine;

namespace CommandCenter.Drones;

/// <summary>
/// The fleet the hub shows: the drones and their active missions, kept from committed changes and replaced by a
/// reload. A follower's reload may have read the store before a move the writer's stream already delivered
/// (docs/two-nodes.md); the drones and missions the stream changed since the read began stay as it left them, so a
/// reload never sets a drone back along its route. Not thread-safe: <see cref="DroneBroadcaster"/> holds its lock.
/// </summary>
public sealed class FleetPicture
{
    private const string MissionsLayer = "missions";

    private readonly Dictionary<string, DroneState> _drones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MissionState> _missions = new(StringComparer.Ordinal);
    private readonly RecentlyChanged _recent = new();

    public IReadOnlyCollection<DroneState> Drones => _drones.Values;

    public IReadOnlyCollection<MissionState> Missions => _missions.Values;

    public MissionState? Mission(string id) => _missions.GetValueOrDefault(id);

    public bool Has(string droneId) => _drones.ContainsKey(droneId);

    /// <summary>Applies a change set's drone and mission events, applied at <paramref name="at"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); whether any was one.</summary>
    public bool Apply(IEnumerable<TwinEvent> events, long at)
    {
        var touched = new List<(string Layer, string Id)>();
        foreach (var change in events)
        {
            switch (change)
            {
                case DroneChanged { Drone: var drone }:
                    _drones[drone.Id] = drone;
                    touched.Add((MapLayers.Drones, drone.Id));
                    break;
                case MissionChanged { Mission: var mission }:
                    if (mission.IsActive)
                    {
                        _missions[mission.Id] = mission;
                    }
                    else
                    {
                        _missions.Remove(mission.Id);
                    }

                    touched.Add((MissionsLayer, mission.Id));
                    break;
            }
        }

        _recent.Touch(touched, at);
        return touched.Count > 0;
    }

    /// <summary>
    /// Takes a reloaded fleet: its drones and active missions. After a follower's reload, <paramref name="keepFrom"/> is when its
    /// read of the store began: what changed since keeps the state applied, including a mission that ended.
    /// </summary>
    public void Reload(IEnumerable<DroneState> drones, IEnumerable<MissionState> missions, long? keepFrom)
    {
        var kept = keepFrom is { } from ? _recent.Since(from).ToHashSet() : [];
        var keptDrones = kept.Where(k => k.Layer == MapLayers.Drones && _drones.ContainsKey(k.Id)).Select(k => _drones[k.Id]).ToList();
        var keptMissions = kept.Where(k => k.Layer == MissionsLayer && _missions.ContainsKey(k.Id)).Select(k => _missions[k.Id]).ToList();
        _drones.Clear();
        _missions.Clear();
        foreach (var drone in drones.Where(d => !kept.Contains((MapLayers.Drones, d.Id))).Concat(keptDrones))
        {
            _drones[drone.Id] = drone;
        }

        foreach (var mission in missions.Where(m => !kept.Contains((MissionsLayer, m.Id))).Concat(keptMissions))
        {
            _missions[mission.Id] = mission;
        }

        if (keepFrom is { } forget)
        {
            _recent.ForgetBefore(forget);
        }
    }
}
