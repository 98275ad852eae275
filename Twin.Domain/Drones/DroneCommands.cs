using Twin.Domain.Engine;

namespace Twin.Domain.Drones;

public sealed record RegisterDroneCommand(DroneDefinition Drone) : TwinCommand;

public sealed record RecordDroneTelemetryCommand(DroneTelemetry Telemetry) : TwinCommand;

public sealed record PlanMissionCommand(MissionPlan Plan) : TwinCommand;

public sealed record ChangeMissionStatusCommand(string MissionId, MissionStatus To, string Actor, string? Note = null) : TwinCommand;

/// <summary>Attaches a captured JPEG frame to a ticket; <see cref="EvidenceId"/> is chosen by the caller so it can link to the image at once.</summary>
public sealed record AttachEvidenceCommand(string EvidenceId, string TicketId, string DroneId, byte[] Jpeg, string Actor) : TwinCommand;

public sealed record DroneChanged(long Sequence, DateTimeOffset At, DroneState Drone, DroneTelemetry? Telemetry) : TwinEvent(Sequence, At);

public sealed record MissionChanged(long Sequence, DateTimeOffset At, MissionState Mission, MissionStatus? From) : TwinEvent(Sequence, At);

public sealed record EvidenceAttached(long Sequence, DateTimeOffset At, EvidenceFrame Evidence) : TwinEvent(Sequence, At);
