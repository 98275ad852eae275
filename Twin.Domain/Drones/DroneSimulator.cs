using System.Collections.Immutable;
using System.Globalization;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;
using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>
/// Flies a small simulated fleet over the creek: each drone patrols its route out and back,
/// drains its battery in the air and charges on its dock, returns home when low, now and then
/// loses its link for a minute, and the nearest able drone is sent to each new critical alarm in
/// the 苏河秀带 corridor. It speaks to the twin only through commands, like a real fleet would,
/// and follows missions an officer gives its drones.
/// </summary>
public sealed class DroneSimulator
{
    public const string Actor = "无人机调度（模拟）";
    public const double CruiseSpeedMps = 10;
    public const double MaxSpeedMps = 15;
    public const string Model = "经纬 M350 RTK";

    private static readonly TimeSpan TelemetryInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan HoverTime = TimeSpan.FromMinutes(3);
    internal static readonly TimeSpan ReplanAfter = TimeSpan.FromMinutes(1);
    internal const double DrainPerSecond = 0.06;
    // The dock swaps and charges batteries (as DJI's docks do): about five minutes from low to full.
    internal const double ChargePerSecond = 0.3;
    internal const double LaunchBattery = 95;

    /// <summary>Battery kept in hand beyond what the flight home needs.</summary>
    internal const double ReserveBattery = 15;
    internal const double AlarmBattery = 40;

    internal const string PatrolComplete = "巡逻完成返航 · patrol complete";
    internal const string StationOver = "现场悬停结束返航 · time on station over";
    private const double LinkLossesPerFlightHour = 2;

    private readonly DistrictMap _district;
    private readonly OperatingArea _area;
    private readonly Random _rng;
    private readonly SimDrone[] _drones;
    private readonly HashSet<string> _alarmsSeen = new(StringComparer.Ordinal);
    private bool _started;

    public DroneSimulator(DistrictMap district, OperatingArea area, IReadOnlyList<PatrolRoute> routes, int droneCount, int seed)
    {
        if (routes.Count == 0)
        {
            throw new ArgumentException("The drone simulator needs at least one patrol route.", nameof(routes));
        }

        _district = district;
        _area = area;
        _rng = new Random(seed ^ 0x5D10E);
        _drones = Definitions(routes, droneCount).Select((definition, i) => new SimDrone(definition, i, LaunchDelay(i))).ToArray();
    }

    /// <summary>The fleet on <paramref name="routes"/>: drone i patrols route i (round again past the last), docked at its first end, or its far end for a second drone on it.</summary>
    public static IReadOnlyList<DroneDefinition> Definitions(IReadOnlyList<PatrolRoute> routes, int droneCount) =>
        [.. Enumerable.Range(0, droneCount).Select(i =>
        {
            var route = routes[i % routes.Count];
            var home = i < routes.Count ? route.Points[0] : route.Points[^1];
            return new DroneDefinition($"D-{i + 1:D2}", Model, home, MaxSpeedMps);
        })];

    /// <summary>Staggered launches so the fleet is not in lockstep, and the first is up at once.</summary>
    internal static TimeSpan LaunchDelay(int index) => TimeSpan.FromSeconds(20 * index);

    public IReadOnlyList<DroneDefinition> Fleet => [.. _drones.Select(d => d.Definition)];

    /// <summary>The commands for the twin's time (<paramref name="from"/>, <paramref name="to"/>], given what the twin shows now.</summary>
    public IEnumerable<TwinCommand> Advance(DateTimeOffset from, DateTimeOffset to, TwinSnapshot snapshot, IReadOnlyList<PatrolRoute> routes)
    {
        var commands = new List<TwinCommand>();
        var drones = snapshot.Drones.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var missions = snapshot.Missions.ToDictionary(m => m.Id, StringComparer.Ordinal);
        if (!_started)
        {
            Start(from, drones, missions, commands);
            _started = true;
            return commands;
        }

        SendToCriticalAlarms(snapshot, drones, to, commands);
        foreach (var drone in _drones)
        {
            if (drones.TryGetValue(drone.Definition.Id, out var state))
            {
                Step(drone, state, missions, from, to, routes, commands);
            }
        }

        return commands;
    }

    private void Start(DateTimeOffset now, Dictionary<string, DroneState> drones, Dictionary<string, MissionState> missions, List<TwinCommand> commands)
    {
        foreach (var drone in _drones)
        {
            drone.LaunchAfter = now + drone.LaunchDelay;
            if (!drones.TryGetValue(drone.Definition.Id, out var state))
            {
                commands.Add(new RegisterDroneCommand(drone.Definition));
                continue;
            }

            // Back from a restart: the fleet's old missions are void, and a drone still out flies home.
            drone.Position = state.Position;
            drone.Altitude = state.AltitudeMetres;
            drone.Battery = state.BatteryPercent;
            drone.LastSentAt = state.LastTelemetryAt;
            if (state.MissionId is { } missionId && missions.ContainsKey(missionId))
            {
                commands.Add(new ChangeMissionStatusCommand(missionId, MissionStatus.Aborted, Actor, "模拟器重启 · simulator restarted"));
            }

            if (state.Status != DroneStatus.Docked)
            {
                drone.Mode = Mode.FreeReturn;
            }
        }

        _alarmsSeen.UnionWith(missions.Values.Where(m => m.TargetId is not null).Select(m => m.TargetId!));
    }

    private void SendToCriticalAlarms(TwinSnapshot snapshot, Dictionary<string, DroneState> drones, DateTimeOffset now, List<TwinCommand> commands)
    {
        foreach (var alarm in snapshot.ActiveAlarms)
        {
            if (alarm.Severity != AlarmSeverity.Critical || !_alarmsSeen.Add(alarm.Id) || !_district.IsInCorridor(alarm.Location))
            {
                continue;
            }

            var chosen = _drones
                .Where(d => d.Mode is not Mode.ToTarget and not Mode.OnStation && !d.LinkDown(now) && d.Battery >= AlarmBattery
                            && drones.TryGetValue(d.Definition.Id, out var s) && s.Status != DroneStatus.LinkLost)
                .OrderBy(d => _area.DistanceMetres(d.Position, alarm.Location))
                .FirstOrDefault();
            if (chosen is not null)
            {
                commands.Add(new PlanMissionCommand(new MissionPlan(chosen.Definition.Id, MissionKind.AlarmFlight, Actor, TargetId: alarm.Id, Preempt: true)));
                chosen.PlannedAt = now;
            }
        }
    }

    private void Step(
        SimDrone drone, DroneState state, Dictionary<string, MissionState> missions, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyList<PatrolRoute> routes, List<TwinCommand> commands)
    {
        var seconds = Math.Max(0, (to - from).TotalSeconds);
        var mission = state.MissionId is { } id ? missions.GetValueOrDefault(id) : null;
        if (mission is not null && mission.Id != drone.MissionId)
        {
            Adopt(drone, mission, commands);
        }
        else if (mission is null && drone.MissionId is not null && drone.Mode != Mode.Docked)
        {
            // Aborted from outside (an officer, or a new mission pre-empted and not yet seen): go home.
            drone.MissionId = null;
            drone.Mode = Mode.FreeReturn;
        }

        switch (drone.Mode)
        {
            case Mode.Docked:
                drone.Battery = Math.Min(100, drone.Battery + ChargePerSecond * seconds);
                if (mission is null && drone.Battery >= LaunchBattery && to >= drone.LaunchAfter && (drone.PlannedAt is not { } p || to - p > ReplanAfter))
                {
                    var route = routes[drone.Index % routes.Count];
                    commands.Add(new PlanMissionCommand(new MissionPlan(
                        drone.Definition.Id, MissionKind.Patrol, Actor, route.Id, OutAndBack(drone.Definition.Home, route), ScheduledFor: to)));
                    drone.PlannedAt = to;
                    drone.CruiseAltitude = route.AltitudeMetres;
                }

                break;
            case Mode.Patrol or Mode.ToTarget or Mode.Returning or Mode.FreeReturn:
                Fly(drone, seconds, commands, to);
                break;
            case Mode.OnStation:
                Hover(drone, seconds, to, commands);
                break;
        }

        SendTelemetry(drone, state, to, seconds, commands);
    }

    private void Adopt(SimDrone drone, MissionState mission, List<TwinCommand> commands)
    {
        drone.MissionId = mission.Id;
        drone.Waypoints = mission.Kind == MissionKind.Patrol ? [.. mission.Waypoints] : [mission.Waypoints[0]];
        drone.Mode = mission.Kind == MissionKind.Patrol ? Mode.Patrol : Mode.ToTarget;
        drone.Next = 0;
        if (mission.Status == MissionStatus.Planned)
        {
            commands.Add(new ChangeMissionStatusCommand(mission.Id, MissionStatus.Flying, Actor));
        }
    }

    private void Fly(SimDrone drone, double seconds, List<TwinCommand> commands, DateTimeOffset now)
    {
        drone.Battery = Math.Max(0, drone.Battery - DrainPerSecond * seconds);
        drone.Altitude = Math.Min(drone.CruiseAltitude, drone.Altitude + 4 * seconds);
        if (drone.Mode is Mode.Patrol or Mode.ToTarget && LowBattery(drone))
        {
            GoHome(drone, commands, LowBatteryReason(drone));
        }

        var budget = CruiseSpeedMps * seconds;
        while (budget > 0)
        {
            var target = drone.Mode is Mode.Returning or Mode.FreeReturn ? drone.Definition.Home : drone.Waypoints[Math.Min(drone.Next, drone.Waypoints.Length - 1)];
            var distance = _area.DistanceMetres(drone.Position, target);
            if (distance > budget)
            {
                drone.Position = Toward(drone.Position, target, budget / distance);
                drone.Heading = Bearing(drone.Position, target, drone.Heading);
                return;
            }

            budget -= distance;
            drone.Heading = Bearing(drone.Position, target, drone.Heading);
            drone.Position = target;
            if (!Arrived(drone, commands, now))
            {
                return;
            }
        }
    }

    /// <summary>True when the drone flies on to another point within the same step.</summary>
    private bool Arrived(SimDrone drone, List<TwinCommand> commands, DateTimeOffset now)
    {
        switch (drone.Mode)
        {
            case Mode.Patrol when drone.Next < drone.Waypoints.Length - 1:
                drone.Next++;
                return true;
            case Mode.Patrol:
                GoHome(drone, commands, PatrolComplete);
                return true;
            case Mode.ToTarget:
                drone.Mode = Mode.OnStation;
                drone.StationUntil = now + HoverTime;
                drone.Station = drone.Position;
                commands.Add(new ChangeMissionStatusCommand(drone.MissionId!, MissionStatus.OnStation, Actor));
                return false;
            default:
                if (drone.Mode == Mode.Returning && drone.MissionId is { } id)
                {
                    commands.Add(new ChangeMissionStatusCommand(id, MissionStatus.Landed, Actor));
                }

                drone.Mode = Mode.Docked;
                drone.MissionId = null;
                drone.Altitude = 0;
                drone.Next = 0;
                return false;
        }
    }

    private void Hover(SimDrone drone, double seconds, DateTimeOffset now, List<TwinCommand> commands)
    {
        drone.Battery = Math.Max(0, drone.Battery - DrainPerSecond * seconds);

        // A slow circle of 40 m round the target keeps the camera on it from every side.
        drone.Orbit += seconds / 60 * 2 * Math.PI;
        var centre = _district.Projection.Forward(drone.Station.Lon, drone.Station.Lat);
        var (x, y) = (centre.X + 40 * Math.Sin(drone.Orbit), centre.Y + 40 * Math.Cos(drone.Orbit));
        var onCircle = _district.Projection.Inverse(x, y);
        drone.Position = new GeoPoint(onCircle.X, onCircle.Y);
        drone.Heading = Normalise(Math.Atan2(centre.X - x, centre.Y - y) * 180 / Math.PI);
        if (now >= drone.StationUntil || LowBattery(drone))
        {
            GoHome(drone, commands, LowBattery(drone) ? LowBatteryReason(drone) : StationOver);
        }
    }

    /// <summary>Return-to-home: what the flight home costs, plus the reserve.</summary>
    private bool LowBattery(SimDrone drone) =>
        drone.Battery < ReserveBattery + _area.DistanceMetres(drone.Position, drone.Definition.Home) / CruiseSpeedMps * DrainPerSecond;

    /// <summary>Why the drone turns back, in the figures the officer weighs: what is left against what the flight home needs.</summary>
    private string LowBatteryReason(SimDrone drone) => LowBatteryReason(drone.Battery, _area.DistanceMetres(drone.Position, drone.Definition.Home));

    internal static string LowBatteryReason(double battery, double home)
    {
        var needed = home / CruiseSpeedMps * DrainPerSecond;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"电量低返航：剩余{battery:F0}%，返航{home:F0}米需{needed:F0}%，另留{ReserveBattery:F0}%余量 · low battery: {battery:F0}% left, {needed:F0}% needed to fly {home:F0} m home plus {ReserveBattery:F0}% reserve");
    }

    private static void GoHome(SimDrone drone, List<TwinCommand> commands, string note)
    {
        if (drone.MissionId is { } id)
        {
            commands.Add(new ChangeMissionStatusCommand(id, MissionStatus.Returning, Actor, note));
            drone.Mode = Mode.Returning;
        }
        else
        {
            drone.Mode = Mode.FreeReturn;
        }
    }

    private void SendTelemetry(SimDrone drone, DroneState state, DateTimeOffset now, double seconds, List<TwinCommand> commands)
    {
        if (drone.Mode != Mode.Docked && !drone.LinkDown(now) && _rng.NextDouble() < LinkLossesPerFlightHour * seconds / 3600)
        {
            drone.LinkDownUntil = now + TimeSpan.FromSeconds(45 + _rng.Next(45));
        }

        var last = drone.LastSentAt ?? state.LastTelemetryAt;
        var docked = drone.Mode == Mode.Docked && state.Status == DroneStatus.Docked;
        var interval = docked ? TimeSpan.FromSeconds(30) : TelemetryInterval;
        if (drone.LinkDown(now) || (last is { } l && now - l < interval))
        {
            return;
        }

        var link = Math.Clamp(92 - _area.DistanceMetres(drone.Position, drone.Definition.Home) / 200 + _rng.NextDouble() * 6, 15, 100);
        commands.Add(new RecordDroneTelemetryCommand(new DroneTelemetry(
            drone.Definition.Id, now, drone.Position, drone.Altitude, drone.Heading,
            drone.Mode is Mode.Docked or Mode.OnStation ? 0 : CruiseSpeedMps, Math.Round(drone.Battery, 1), Math.Round(link))));
        drone.LastSentAt = now;
    }

    internal static ImmutableArray<GeoPoint> OutAndBack(GeoPoint home, PatrolRoute route)
    {
        var outward = route.Points[0] == home ? route.Points : route.Points.Reverse().ToImmutableArray();
        return [.. outward, .. outward.Reverse().Skip(1)];
    }

    private GeoPoint Toward(GeoPoint from, GeoPoint to, double share)
    {
        var a = _district.Projection.Forward(from.Lon, from.Lat);
        var b = _district.Projection.Forward(to.Lon, to.Lat);
        var p = _district.Projection.Inverse(a.X + (b.X - a.X) * share, a.Y + (b.Y - a.Y) * share);
        return new GeoPoint(p.X, p.Y);
    }

    private double Bearing(GeoPoint from, GeoPoint to, double fallback)
    {
        var a = _district.Projection.Forward(from.Lon, from.Lat);
        var b = _district.Projection.Forward(to.Lon, to.Lat);
        return a.Distance(b) < 0.5 ? fallback : Normalise(Math.Atan2(b.X - a.X, b.Y - a.Y) * 180 / Math.PI);
    }

    private static double Normalise(double degrees) => Math.Round((degrees % 360 + 360) % 360, 1) % 360;

    private enum Mode
    {
        Docked,
        Patrol,
        ToTarget,
        OnStation,
        Returning,

        /// <summary>Flying home with no mission (after an abort or a restart).</summary>
        FreeReturn,
    }

    private sealed class SimDrone(DroneDefinition definition, int index, TimeSpan launchDelay)
    {
        public DroneDefinition Definition { get; } = definition;

        public int Index { get; } = index;

        public TimeSpan LaunchDelay { get; } = launchDelay;

        public DateTimeOffset LaunchAfter { get; set; }

        public Mode Mode { get; set; } = Mode.Docked;

        public string? MissionId { get; set; }

        public ImmutableArray<GeoPoint> Waypoints { get; set; } = [];

        public int Next { get; set; }

        public GeoPoint Position { get; set; } = definition.Home;

        public GeoPoint Station { get; set; }

        public double Orbit { get; set; }

        public DateTimeOffset StationUntil { get; set; }

        public double Altitude { get; set; }

        public double CruiseAltitude { get; set; } = PatrolRouteFile.DefaultAltitudeMetres;

        public double Heading { get; set; }

        public double Battery { get; set; } = 100;

        public DateTimeOffset? PlannedAt { get; set; }

        public DateTimeOffset? LastSentAt { get; set; }

        public DateTimeOffset LinkDownUntil { get; set; }

        public bool LinkDown(DateTimeOffset now) => now < LinkDownUntil;
    }
}
