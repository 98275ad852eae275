using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Twin.Domain.Drones;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

public sealed partial class TwinEngine
{
    private const int MaxEvidenceBytes = 2 * 1024 * 1024;

    private readonly Dictionary<string, DroneState> _drones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MissionState> _missions = new(StringComparer.Ordinal);
    private OperatingArea? _operatingArea;
    private long _nextMissionNumber = 1;

    /// <summary>The district plus a margin: where drones may fly and routes may lie.</summary>
    public OperatingArea OperatingArea => _operatingArea ??= new OperatingArea(_district);

    public DroneState? FindDrone(string id) => _drones.GetValueOrDefault(id);

    /// <summary>An active mission (not landed or aborted).</summary>
    public MissionState? FindMission(string id) => _missions.GetValueOrDefault(id);

    public InputResult RegisterDrone(DroneDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Id) || definition.Id.Length > 40)
        {
            return InputResult.Refused("A drone needs an id of 1–40 characters.");
        }

        if (_drones.ContainsKey(definition.Id))
        {
            return InputResult.Refused($"Drone {definition.Id} is already registered.");
        }

        if (string.IsNullOrWhiteSpace(definition.Model))
        {
            return InputResult.Refused($"Drone {definition.Id} needs a model.");
        }

        if (!definition.Home.IsValidWgs84 || !OperatingArea.Contains(definition.Home))
        {
            return InputResult.Refused($"Drone {definition.Id}: home {definition.Home} is outside the operating area.");
        }

        if (!double.IsFinite(definition.MaxSpeedMps) || definition.MaxSpeedMps is <= 0 or > 40)
        {
            return InputResult.Refused($"Drone {definition.Id}: top speed must be above 0 and at most 40 m/s.");
        }

        var drone = DroneState.Docked(definition);
        _drones[drone.Id] = drone;
        _pendingEvents.Add(new DroneChanged(NextEventSequence(), Now, drone, null));
        Version++;
        return InputResult.Ok;
    }

    public InputResult RecordDroneTelemetry(in DroneTelemetry telemetry)
    {
        if (!_drones.TryGetValue(telemetry.DroneId ?? string.Empty, out var drone))
        {
            return InputResult.Refused($"Unknown drone '{telemetry.DroneId}'.");
        }

        var now = Now;
        if (TelemetryRules.Problem(telemetry, drone, OperatingArea, now, _options.MaxClockSkew) is { } problem)
        {
            return InputResult.Refused(problem);
        }

        var updated = drone with
        {
            Status = StatusFrom(telemetry, drone.Definition),
            Position = telemetry.Position,
            AltitudeMetres = telemetry.AltitudeMetres,
            HeadingDegrees = telemetry.HeadingDegrees,
            SpeedMps = telemetry.SpeedMps,
            BatteryPercent = telemetry.BatteryPercent,
            LinkPercent = telemetry.LinkPercent,
            LastTelemetryAt = telemetry.At,
            Trail = ExtendTrail(drone.Trail, telemetry.Position),
        };
        _drones[drone.Id] = updated;
        _pendingEvents.Add(new DroneChanged(NextEventSequence(), now, updated, telemetry));
        Version++;
        return InputResult.Ok;
    }

    /// <summary>
    /// Plans a mission. A flight to a ticket or an alarm flies to its location; a patrol flies its
    /// waypoints. A drone flies one mission at a time: <see cref="MissionPlan.Preempt"/> aborts the
    /// one it has (an alarm outranks a patrol), otherwise a busy drone is refused.
    /// </summary>
    public InputResult PlanMission(MissionPlan plan)
    {
        if (!_drones.TryGetValue(plan.DroneId ?? string.Empty, out var drone))
        {
            return InputResult.Refused($"Unknown drone '{plan.DroneId}'.", new(RefusalCode.UnknownDrone, plan.DroneId));
        }

        if (string.IsNullOrWhiteSpace(plan.Actor))
        {
            return InputResult.Refused("Planning a mission needs the name of who asks for it.", new(RefusalCode.NeedsActor));
        }

        if (!Enum.IsDefined(plan.Kind))
        {
            return InputResult.Refused("Unknown mission kind.");
        }

        if (drone.Status == DroneStatus.LinkLost)
        {
            return InputResult.Refused($"Drone {drone.Id} has lost its link; it cannot take a mission.", new(RefusalCode.DroneLinkLost));
        }

        if (drone.BatteryPercent < _options.MinMissionBatteryPercent)
        {
            return InputResult.Refused($"Drone {drone.Id} has {drone.BatteryPercent:0} % battery; a mission needs at least {_options.MinMissionBatteryPercent:0} %.",
                new(RefusalCode.DroneBatteryLow, _options.MinMissionBatteryPercent.ToString("0", CultureInfo.InvariantCulture)));
        }

        var (waypoints, problem) = plan.Kind switch
        {
            MissionKind.TicketFlight => TicketTarget(plan.TargetId),
            MissionKind.AlarmFlight => AlarmTarget(plan.TargetId),
            _ => RouteWaypoints(plan),
        };
        if (problem is not null)
        {
            return InputResult.Refused(problem, new(RefusalCode.NoMissionTarget));
        }

        var now = Now;
        if (drone.MissionId is { } currentId && _missions.TryGetValue(currentId, out var current))
        {
            if (!plan.Preempt)
            {
                return InputResult.Refused($"Drone {drone.Id} is busy with mission {current.Id} ({MissionStateMachine.Name(current.Status)}).", new(RefusalCode.DroneBusy, current.Id));
            }

            EndMission(current, MissionStatus.Aborted, PreemptedNote, now);
        }

        var mission = new MissionState(
            $"M-{_nextMissionNumber++:D6}", drone.Id, plan.Kind, MissionStatus.Planned, plan.RouteId, plan.TargetId?.Trim(), waypoints,
            now, plan.ScheduledFor, now, plan.Actor.Trim(), null);
        _missions[mission.Id] = mission;
        _pendingEvents.Add(new MissionChanged(NextEventSequence(), now, mission, null));
        SetDrone(_drones[drone.Id] with { MissionId = mission.Id }, now);
        Version++;
        return InputResult.Ok;
    }

    /// <summary>The note on a mission ended because its drone was sent elsewhere.</summary>
    public const string PreemptedNote = "让位于新任务 · pre-empted by a new mission";

    /// <summary>How a ticket's timeline line about its drone turning back begins.</summary>
    public const string TurnBackNote = "无人机返航";

    public InputResult ChangeMissionStatus(string missionId, MissionStatus to, string actor, string? note)
    {
        if (!_missions.TryGetValue(missionId ?? string.Empty, out var mission))
        {
            return InputResult.Refused($"No active mission '{missionId}'.", new(RefusalCode.UnknownMission, missionId));
        }

        if (!Enum.IsDefined(to))
        {
            return InputResult.Refused($"Mission {mission.Id}: unknown state.");
        }

        if (string.IsNullOrWhiteSpace(actor))
        {
            return InputResult.Refused($"Mission {mission.Id}: a change needs the name of who makes it.", new(RefusalCode.NeedsActor));
        }

        if (MissionStateMachine.Refusal(mission.Status, to) is { } refusal)
        {
            return InputResult.Refused($"Mission {mission.Id}: {refusal}.", new(RefusalCode.MissionStateNotAllowed));
        }

        var now = Now;
        if (to is MissionStatus.Landed or MissionStatus.Aborted)
        {
            EndMission(mission, to, note, now);
        }
        else
        {
            var changed = mission with { Status = to, UpdatedAt = now, Note = note ?? mission.Note };
            _missions[mission.Id] = changed;
            _pendingEvents.Add(new MissionChanged(NextEventSequence(), now, changed, mission.Status));
            if (to == MissionStatus.Returning && !string.IsNullOrWhiteSpace(note))
            {
                NoteTurnBackOnTicket(mission, actor, note, now);
            }
        }

        Version++;
        return InputResult.Ok;
    }

    /// <summary>
    /// A drone sent to a case that turns back (for battery, or its time on station over) says so in
    /// the case's timeline, with its reason: the officer waiting for images learns why none come.
    /// </summary>
    private void NoteTurnBackOnTicket(MissionState mission, string actor, string reason, DateTimeOffset now)
    {
        if (mission.Kind != MissionKind.TicketFlight || !_tickets.TryGetValue(mission.TargetId ?? string.Empty, out var ticket) || !ticket.Status.IsOpen())
        {
            return;
        }

        var touched = ticket with { UpdatedAt = now };
        _tickets[ticket.Id] = touched;
        var line = $"{TurnBackNote} · {mission.DroneId} · {mission.Id} · {reason.Trim()}";
        _pendingEvents.Add(new TicketChanged(NextEventSequence(), now, touched, new TicketTransition(ticket.Id, null, ticket.Status, now, actor.Trim(), line)));
    }

    /// <summary>A captured frame becomes evidence on an open ticket, and a line in its timeline.</summary>
    public InputResult AttachEvidence(AttachEvidenceCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.EvidenceId) || command.EvidenceId.Length > 40)
        {
            return InputResult.Refused("Evidence needs an id of 1–40 characters.");
        }

        if (!_tickets.TryGetValue(command.TicketId ?? string.Empty, out var ticket))
        {
            return InputResult.Refused($"Unknown ticket '{command.TicketId}'.", new(RefusalCode.UnknownTicket));
        }

        if (!ticket.Status.IsOpen())
        {
            return InputResult.Refused($"Ticket {ticket.Id} is closed; evidence can only be added to an open ticket.", new(RefusalCode.TicketNotOpen));
        }

        if (!_drones.TryGetValue(command.DroneId ?? string.Empty, out var drone))
        {
            return InputResult.Refused($"Unknown drone '{command.DroneId}'.", new(RefusalCode.UnknownDrone, command.DroneId));
        }

        if (string.IsNullOrWhiteSpace(command.Actor))
        {
            return InputResult.Refused("Evidence needs the name of who captured it.", new(RefusalCode.NeedsActor));
        }

        var jpeg = command.Jpeg ?? [];
        if (!EvidenceRules.IsJpeg(jpeg, MaxEvidenceBytes))
        {
            return InputResult.Refused($"Evidence for {ticket.Id} must be one JPEG image of at most {MaxEvidenceBytes / 1024 / 1024} MB.", new(RefusalCode.EvidenceNotAnImage));
        }

        var now = Now;
        var hash = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        var distance = EvidenceRules.DistanceMetres(drone.Position, ticket.Location);
        var evidence = new EvidenceFrame(
            command.EvidenceId, ticket.Id, drone.Id, now, drone.Position, drone.AltitudeMetres, hash, command.Actor.Trim(), jpeg, distance);
        var touched = ticket with { UpdatedAt = now };
        _tickets[ticket.Id] = touched;
        var where = string.Create(
            CultureInfo.InvariantCulture,
            $"拍摄位置{drone.Position.Lon:F5},{drone.Position.Lat:F5}，距案发点{distance:F0}米{(evidence.OffStation ? "（偏离现场）" : string.Empty)}");
        var note = $"无人机图像回传 · {drone.Id} · {evidence.Id} · {where} · SHA-256 {hash[..12]}";
        _pendingEvents.Add(new TicketChanged(NextEventSequence(), now, touched, new TicketTransition(ticket.Id, null, ticket.Status, now, evidence.Actor, note)));
        _pendingEvents.Add(new EvidenceAttached(NextEventSequence(), now, evidence));
        Version++;
        return InputResult.Ok;
    }

    private void EndMission(MissionState mission, MissionStatus to, string? note, DateTimeOffset now)
    {
        _missions.Remove(mission.Id);
        var ended = mission with { Status = to, UpdatedAt = now, Note = note ?? mission.Note };
        _pendingEvents.Add(new MissionChanged(NextEventSequence(), now, ended, mission.Status));
        if (_drones.TryGetValue(mission.DroneId, out var drone) && drone.MissionId == mission.Id)
        {
            SetDrone(drone with { MissionId = null }, now);
        }
    }

    /// <summary>A drone heard from nobody for too long has lost its link: the wall must not show it as live.</summary>
    private void SweepDrones(DateTimeOffset now)
    {
        foreach (var drone in _drones.Values.ToList())
        {
            if (drone.Status == DroneStatus.Airborne && drone.LastTelemetryAt is { } last && now - last > _options.DroneLinkLostAfter)
            {
                SetDrone(drone with { Status = DroneStatus.LinkLost }, now);
            }
        }
    }

    private void SetDrone(DroneState drone, DateTimeOffset now)
    {
        _drones[drone.Id] = drone;
        _pendingEvents.Add(new DroneChanged(NextEventSequence(), now, drone, null));
    }

    private DroneStatus StatusFrom(in DroneTelemetry telemetry, DroneDefinition definition)
    {
        if (telemetry.LinkPercent < _options.DroneLinkLostBelowPercent)
        {
            return DroneStatus.LinkLost;
        }

        var atHome = OperatingArea.DistanceMetres(telemetry.Position, definition.Home) < 30;
        return atHome && telemetry.AltitudeMetres < 2 ? DroneStatus.Docked : DroneStatus.Airborne;
    }

    private ImmutableArray<GeoPoint> ExtendTrail(ImmutableArray<GeoPoint> trail, GeoPoint position)
    {
        if (!trail.IsEmpty && OperatingArea.DistanceMetres(trail[^1], position) < _options.DroneTrailSpacingMetres)
        {
            return trail;
        }

        var extended = trail.Add(position);
        return extended.Length > _options.DroneTrailPoints ? extended.RemoveAt(0) : extended;
    }

    private (ImmutableArray<GeoPoint>, string?) TicketTarget(string? ticketId) =>
        _tickets.TryGetValue(ticketId ?? string.Empty, out var ticket) && ticket.Status.IsOpen()
            ? ([ticket.Location], null)
            : ([], $"No open ticket '{ticketId}' to fly to.");

    private (ImmutableArray<GeoPoint>, string?) AlarmTarget(string? alarmId) =>
        _activeAlarms.TryGetValue(alarmId ?? string.Empty, out var alarm)
            ? OperatingArea.Contains(alarm.Location) ? ([alarm.Location], null) : ([], $"Alarm {alarmId} lies outside the operating area.")
            : ([], $"No active alarm '{alarmId}' to fly to.");

    private (ImmutableArray<GeoPoint>, string?) RouteWaypoints(MissionPlan plan)
    {
        if (string.IsNullOrWhiteSpace(plan.RouteId) || plan.Waypoints is not { Count: >= 2 } waypoints)
        {
            return ([], "A patrol needs a route id and at least two waypoints.");
        }

        foreach (var point in waypoints)
        {
            if (!point.IsValidWgs84 || !OperatingArea.Contains(point))
            {
                return ([], $"Patrol {plan.RouteId}: waypoint {point} is outside the operating area.");
            }
        }

        return ([.. waypoints], null);
    }

    private void ResetDrones(EngineRestoreState state)
    {
        _drones.Clear();
        _missions.Clear();
        foreach (var drone in state.Drones)
        {
            _drones[drone.Id] = drone;
        }

        foreach (var mission in state.Missions.Where(m => m.IsActive))
        {
            _missions[mission.Id] = mission;
        }

        _nextMissionNumber = Math.Max(1, state.NextMissionNumber);
    }
}
