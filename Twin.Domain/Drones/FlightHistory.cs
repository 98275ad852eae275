using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Twin.Domain.Engine;
using Twin.Domain.Geography;

namespace Twin.Domain.Drones;

/// <summary>A critical alarm in the corridor when the fleet first sees it critical: the simulator sends it the nearest able drone.</summary>
public sealed record AlarmCall(string AlarmId, DateTimeOffset At, GeoPoint Location);

/// <summary>
/// The simulated fleet's missions over a past span, worked out flight by flight from the drone
/// model's own figures (<see cref="DroneSimulator"/>: patrols out and back at cruise speed from a
/// 95 % battery, the drain in the air and the charge on the dock at its rates, home when the battery
/// left is the flight home plus the reserve, the nearest able drone sent to each critical corridor
/// alarm for three minutes on station) rather than flown second by second: a month is thousands of
/// flights, and the store keeps each mission's record, not a month of telemetry. Missions are numbered
/// M-000001… in the order they were planned, as the engine numbers them; only those ended by the
/// span's end are kept, so the fleet is docked when the twin goes live. Lost links (a minute now and
/// then) are not played: they delay a dispatch by seconds.
/// </summary>
public static class FlightHistory
{
    /// <summary>How often a flight's battery is held against the flight home: every 100 m at cruise speed.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<MissionState> Fly(
        DistrictMap district, IReadOnlyList<PatrolRoute> routes, int droneCount, IEnumerable<AlarmCall> calls, DateTimeOffset from, DateTimeOffset until)
    {
        if (droneCount == 0 || routes.Count == 0)
        {
            return [];
        }

        var ended = new List<MissionState>();
        var fleet = DroneSimulator.Definitions(routes, droneCount)
            .Select((definition, i) => new Flyer(district.Projection, definition, routes[i % routes.Count], from + DroneSimulator.LaunchDelay(i), ended))
            .ToArray();
        foreach (var call in calls.Where(c => c.At >= from && c.At < until).OrderBy(c => c.At))
        {
            var target = district.Projection.Forward(call.Location.Lon, call.Location.Lat);
            Flyer? chosen = null;
            foreach (var flyer in fleet)
            {
                if (flyer.AdvanceTo(call.At) && (chosen is null || flyer.PositionAt(call.At).Distance(target) < chosen.PositionAt(call.At).Distance(target)))
                {
                    chosen = flyer;
                }
            }

            chosen?.SendTo(call, target);
        }

        foreach (var flyer in fleet)
        {
            flyer.AdvanceTo(until);
        }

        var number = 0;
        return [.. ended.Where(m => m.UpdatedAt <= until)
            .OrderBy(m => m.PlannedAt).ThenBy(m => m.DroneId, StringComparer.Ordinal)
            .Select(m => m with { Id = $"M-{++number:D6}" })];
    }

    private enum Phase
    {
        Docked,
        Patrol,
        ToTarget,
        OnStation,
        Returning,
    }

    /// <summary>One drone's flights, moved on from one change (launch, turn back, arrival, landing) to the next.</summary>
    private sealed class Flyer(LocalProjection projection, DroneDefinition definition, PatrolRoute route, DateTimeOffset launchAfter, List<MissionState> ended)
    {
        private readonly Coordinate _home = projection.Forward(definition.Home.Lon, definition.Home.Lat);
        private readonly ImmutableArray<GeoPoint> _patrol = DroneSimulator.OutAndBack(definition.Home, route);
        private readonly Coordinate[] _path = [.. DroneSimulator.OutAndBack(definition.Home, route).Select(p => projection.Forward(p.Lon, p.Lat))];
        private Phase _phase;
        private DateTimeOffset _since = launchAfter;
        private double _battery = 100;
        private Coordinate _from = new();
        private Coordinate _to = new();
        private DateTimeOffset _next = launchAfter;
        private DateTimeOffset _notBefore = launchAfter;
        private MissionState? _mission;
        private string? _turnBack;

        /// <summary>Plays the changes due by <paramref name="at"/>; true when the drone may then be sent to an alarm (as the live simulator chooses).</summary>
        public bool AdvanceTo(DateTimeOffset at)
        {
            while (NextChange() <= at)
            {
                Change();
            }

            return _phase is not (Phase.ToTarget or Phase.OnStation) && BatteryAt(at) >= DroneSimulator.AlarmBattery;
        }

        public Coordinate PositionAt(DateTimeOffset at) => _phase switch
        {
            Phase.Docked => _home,
            Phase.OnStation => _to,
            Phase.Patrol => AlongPatrol((at - _since).TotalSeconds * DroneSimulator.CruiseSpeedMps),
            _ => _next <= _since ? _to : Between(_from, _to, Math.Clamp((at - _since) / (_next - _since), 0, 1)),
        };

        /// <summary>Pre-empts what the drone is doing (a patrol, or a flight home) and sends it to the alarm.</summary>
        public void SendTo(AlarmCall call, Coordinate target)
        {
            var position = PositionAt(call.At);
            _battery = BatteryAt(call.At);
            if (_mission is { } current)
            {
                End(current, MissionStatus.Aborted, TwinEngine.PreemptedNote, call.At);
            }

            _mission = new MissionState(
                string.Empty, definition.Id, MissionKind.AlarmFlight, MissionStatus.Flying, null, call.AlarmId, [call.Location],
                call.At, null, call.At, DroneSimulator.Actor, null);
            Fly(Phase.ToTarget, call.At, position, target);
        }

        private DateTimeOffset NextChange() => _phase == Phase.Docked
            ? Later(_notBefore, _since + TimeSpan.FromSeconds(Math.Max(0, (DroneSimulator.LaunchBattery - _battery) / DroneSimulator.ChargePerSecond)))
            : _next;

        private void Change()
        {
            var at = NextChange();
            switch (_phase)
            {
                case Phase.Docked:
                    _battery = BatteryAt(at);
                    _mission = new MissionState(
                        string.Empty, definition.Id, MissionKind.Patrol, MissionStatus.Flying, route.Id, null, _patrol, at, at, at, DroneSimulator.Actor, null);
                    _notBefore = at + DroneSimulator.ReplanAfter;
                    _phase = Phase.Patrol;
                    _since = at;
                    PlanPatrol();
                    break;
                case Phase.Patrol when _turnBack is null:
                    End(_mission!, MissionStatus.Landed, DroneSimulator.PatrolComplete, at);
                    Dock(at);
                    break;
                case Phase.Patrol:
                    var turningAt = PositionAt(at);
                    _mission = _mission! with { Note = _turnBack };
                    _battery = BatteryAt(at);
                    Fly(Phase.Returning, at, turningAt, _home);
                    break;
                case Phase.ToTarget:
                    _battery = BatteryAt(at);
                    _phase = Phase.OnStation;
                    _since = at;
                    var (stay, low) = StationTime();
                    _next = at + stay;
                    _turnBack = low;
                    break;
                case Phase.OnStation:
                    _battery = BatteryAt(at);
                    _mission = _mission! with { Note = _turnBack ?? DroneSimulator.StationOver };
                    Fly(Phase.Returning, at, _to, _home);
                    break;
                default:
                    _battery = BatteryAt(at);
                    if (_mission is { } returning)
                    {
                        End(returning, MissionStatus.Landed, null, at);
                    }

                    Dock(at);
                    break;
            }
        }

        /// <summary>The patrol's end, or the first check at which the battery left is the flight home plus the reserve.</summary>
        private void PlanPatrol()
        {
            var length = Length();
            var duration = TimeSpan.FromSeconds(length / DroneSimulator.CruiseSpeedMps);
            _next = _since + duration;
            _turnBack = null;
            for (var t = CheckEvery; t < duration; t += CheckEvery)
            {
                var home = AlongPatrol(t.TotalSeconds * DroneSimulator.CruiseSpeedMps).Distance(_home);
                var battery = _battery - DroneSimulator.DrainPerSecond * t.TotalSeconds;
                if (battery < NeededHome(home))
                {
                    _next = _since + t;
                    _turnBack = DroneSimulator.LowBatteryReason(battery, home);
                    return;
                }
            }
        }

        /// <summary>Three minutes circling the alarm, or less when the battery runs down to the flight home plus the reserve.</summary>
        private (TimeSpan Stay, string? LowBattery) StationTime()
        {
            var home = _to.Distance(_home);
            var spare = (_battery - NeededHome(home)) / DroneSimulator.DrainPerSecond;
            if (spare >= DroneSimulator.HoverTime.TotalSeconds)
            {
                return (DroneSimulator.HoverTime, null);
            }

            var stay = TimeSpan.FromSeconds(Math.Max(0, spare));
            return (stay, DroneSimulator.LowBatteryReason(_battery - DroneSimulator.DrainPerSecond * stay.TotalSeconds, home));
        }

        private static double NeededHome(double metres) =>
            DroneSimulator.ReserveBattery + metres / DroneSimulator.CruiseSpeedMps * DroneSimulator.DrainPerSecond;

        private void Fly(Phase phase, DateTimeOffset at, Coordinate from, Coordinate to)
        {
            _phase = phase;
            _since = at;
            _from = from;
            _to = to;
            _next = at + TimeSpan.FromSeconds(from.Distance(to) / DroneSimulator.CruiseSpeedMps);
        }

        private void Dock(DateTimeOffset at)
        {
            _phase = Phase.Docked;
            _mission = null;
            _since = at;
            _turnBack = null;
        }

        private void End(MissionState mission, MissionStatus status, string? note, DateTimeOffset at)
        {
            ended.Add(mission with { Status = status, UpdatedAt = at, Note = note ?? mission.Note });
            _mission = null;
        }

        private double BatteryAt(DateTimeOffset at)
        {
            var seconds = Math.Max(0, (at - _since).TotalSeconds);
            return _phase == Phase.Docked
                ? Math.Min(100, _battery + DroneSimulator.ChargePerSecond * seconds)
                : Math.Max(0, _battery - DroneSimulator.DrainPerSecond * seconds);
        }

        private double Length()
        {
            var length = 0.0;
            for (var i = 1; i < _path.Length; i++)
            {
                length += _path[i - 1].Distance(_path[i]);
            }

            return length;
        }

        private Coordinate AlongPatrol(double metres)
        {
            for (var i = 1; i < _path.Length; i++)
            {
                var (a, b) = (_path[i - 1], _path[i]);
                var leg = a.Distance(b);
                if (metres <= leg)
                {
                    return Between(a, b, leg == 0 ? 0 : metres / leg);
                }

                metres -= leg;
            }

            return _home;
        }

        private static Coordinate Between(Coordinate a, Coordinate b, double share) => new(a.X + (b.X - a.X) * share, a.Y + (b.Y - a.Y) * share);

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
