using System.Security.Cryptography;
using CommandCenter.Live;
using Twin.Domain.Drones;
using Twin.Domain.Engine;

namespace CommandCenter.Drones;

/// <summary>
/// What officers and drones ask of the fleet, for the HTTP API, the hub and the console alike:
/// every change goes through the single-writer pipeline and is answered once it is on disk.
/// </summary>
public sealed class DroneDesk(TwinRuntime runtime, DroneFeeds feeds)
{
    public async Task<InputResult> RegisterAsync(DroneDefinition drone, CancellationToken ct) =>
        await runtime.Pipeline.SubmitAsync(new RegisterDroneCommand(drone), ct);

    public async Task<TelemetryAck> ReportAsync(DroneTelemetryMessage message, CancellationToken ct)
    {
        var (telemetry, problem) = message.ToTelemetry();
        if (telemetry is not { } report)
        {
            return new TelemetryAck(false, problem);
        }

        var result = await runtime.Pipeline.SubmitAsync(new RecordDroneTelemetryCommand(report), ct);
        return new TelemetryAck(result.Accepted, result.Reason);
    }

    public async Task<(InputResult Result, string? MissionId)> SendAsync(string droneId, MissionKind kind, string targetId, string actor, CancellationToken ct)
    {
        var result = await runtime.Pipeline.SubmitAsync(
            new PlanMissionCommand(new MissionPlan(droneId, kind, actor, TargetId: targetId, Preempt: true)), ct);
        return (result, result.Accepted ? runtime.Pipeline.Current.Drones.FirstOrDefault(d => d.Id == droneId)?.MissionId : null);
    }

    public async Task<InputResult> ChangeMissionAsync(string missionId, MissionStatus to, string actor, string? note, CancellationToken ct) =>
        await runtime.Pipeline.SubmitAsync(new ChangeMissionStatusCommand(missionId, to, actor, note), ct);

    /// <summary>Captures what the drone's feed shows now and attaches it to the ticket.</summary>
    public async Task<(InputResult Result, string? EvidenceId)> CaptureAsync(string droneId, string ticketId, string actor, CancellationToken ct)
    {
        if (feeds.RenderNow(droneId) is not { } frame)
        {
            return (InputResult.Refused($"Unknown drone '{droneId}'."), null);
        }

        var id = $"E-{runtime.Clock.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var result = await runtime.Pipeline.SubmitAsync(new AttachEvidenceCommand(id, ticketId, droneId, frame, actor), ct);
        return (result, result.Accepted ? id : null);
    }
}
