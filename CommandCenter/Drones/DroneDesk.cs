using System.Security.Cryptography;
using CommandCenter.Localization;
using Twin.Data.Boundary;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Time;

namespace CommandCenter.Drones;

/// <summary>
/// What officers and drones ask of the fleet, for the HTTP API, the hub and the console alike:
/// every change goes through <see cref="ITwinCommands"/> and is answered once it is on disk, with
/// the id of what it made (the mission, the evidence) in the answer.
/// </summary>
public sealed class DroneDesk(ITwinCommands commands, DroneFeeds feeds, TwinClock clock)
{
    public Task<CommandOutcome> RegisterAsync(DroneDefinition drone, CancellationToken ct) =>
        commands.SubmitAsync(new RegisterDroneCommand(drone), ct);

    public async Task<TelemetryAck> ReportAsync(DroneTelemetryMessage message, CancellationToken ct)
    {
        var (telemetry, problem) = message.ToTelemetry();
        if (telemetry is not { } report)
        {
            return new TelemetryAck(false, problem);
        }

        var result = await commands.SubmitAsync(new RecordDroneTelemetryCommand(report), ct);
        return new TelemetryAck(result.Accepted, result.Reason);
    }

    /// <summary>Sends a drone to a ticket or an alarm; the outcome's <see cref="CommandOutcome.Id"/> is the new mission.</summary>
    public Task<CommandOutcome> SendAsync(string droneId, MissionKind kind, string targetId, string actor, CancellationToken ct) =>
        commands.SubmitAsync(SendCommand(droneId, kind, targetId, actor), ct);

    public Task<CommandOutcome> ChangeMissionAsync(string missionId, MissionStatus to, string actor, string? note, CancellationToken ct) =>
        commands.SubmitAsync(new ChangeMissionStatusCommand(missionId, to, actor, note), ct);

    /// <summary>Captures what the drone's feed shows now and attaches it to the ticket; the outcome's id is the evidence.</summary>
    public async Task<CommandOutcome> CaptureAsync(string droneId, string ticketId, string actor, CancellationToken ct) =>
        CaptureCommand(droneId, ticketId, actor) is { } command
            ? await commands.SubmitAsync(command, ct)
            : CommandOutcome.Refused($"Unknown drone '{droneId}'.", why: new(RefusalCode.UnknownDrone, droneId));

    /// <summary>A mission that takes the drone off its patrol to the target.</summary>
    public static PlanMissionCommand SendCommand(string droneId, MissionKind kind, string targetId, string actor) =>
        new(new MissionPlan(droneId, kind, actor, TargetId: targetId, Preempt: true));

    /// <summary>
    /// The drone's current frame as evidence for the ticket, or null for an unknown drone. Its overlay is
    /// Chinese whatever the capturing page speaks: the evidence is one record, kept like the timeline's lines.
    /// </summary>
    public AttachEvidenceCommand? CaptureCommand(string droneId, string ticketId, string actor)
    {
        if (feeds.RenderNow(droneId, Lang.Zh) is not { } frame)
        {
            return null;
        }

        var id = $"E-{clock.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        return new AttachEvidenceCommand(id, ticketId, droneId, frame, actor);
    }
}
