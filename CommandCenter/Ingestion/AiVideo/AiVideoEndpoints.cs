using System.Text.Json;
using CommandCenter.Ingestion.Common;
using CommandCenter.Security;
using Twin.Data.Boundary;
using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Drones;
using Twin.Domain.Engine;

namespace CommandCenter.Ingestion.AiVideo;

/// <summary>
/// AI video detections from the video platform (<c>POST /api/alarms/ai-video</c>) with the camera's
/// snapshot, and the snapshot of an alarm for the console (<c>GET /api/alarms/{id}/snapshot.jpg</c>).
/// </summary>
public static class AiVideoEndpoints
{
    public const string Path = "/api/alarms/ai-video";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string SnapshotUrl(string alarmId) => $"/api/alarms/{Uri.EscapeDataString(alarmId)}/snapshot.jpg";

    public static IEndpointRouteBuilder MapAiVideo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, RaiseAsync)
            .Ingest(IngestBodySize.Batch, IngestScopes.AiVideo)
            .WithTags("AI video")
            .DocumentBody(
                "cameraId (an AI camera of the layout; the alarm is placed at it), kind (the algorithm, e.g. 高空抛物), title, " +
                "severity (info, minor, major, critical), detectedAt (ISO 8601 with a zone), snapshot (the frame as one base64 JPEG, " +
                $"at most {AlarmSnapshots.MaxBytes / 1024} KB; optional).", "application/json")
            .WithSummary("Raise an alarm from an AI video detection, with the camera's snapshot as its evidence.")
            .WithDescription(
                "201 with the alarm id and, when a snapshot came, where the console reads it. A snapshot that is not base64 → 400, " +
                "not a JPEG → 415, too big → 413; an unknown or non-AI camera → 422. Errors are RFC 9457 problem details.")
            .Produces<AiVideoRaised>(201)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429);

        return endpoints;
    }

    /// <summary>
    /// The snapshots' reading side. Mapped apart from <see cref="MapAiVideo"/>: the ingestion group
    /// allows anonymous callers (its keys are checked by its own gate), which overrode this
    /// endpoint's policy and served every snapshot to anyone.
    /// </summary>
    public static IEndpointRouteBuilder MapAlarmSnapshots(this IEndpointRouteBuilder endpoints)
    {
        // Follows the drone evidence: officers at the console see it, never the wall or a public API.
        endpoints.MapGet("/api/alarms/{alarmId}/snapshot.jpg", async (HttpContext context, string alarmId, ITwinQueries queries, CancellationToken ct) =>
                await queries.GetAlarmSnapshotAsync(alarmId, ct) is { } image
                    ? StoredImages.Jpeg(context, image)
                    : IngestErrors.Error(context, 404, $"Alarm '{alarmId}' has no snapshot (or its retention period has removed the image)."))
            .WithTags("AI video")
            .RequireAuthorization(Policies.UseConsole)
            .WithSummary("An AI alarm's snapshot; its ETag is the SHA-256 stored with it.")
            .Produces<Stream>(200, "image/jpeg").ProducesProblem(404);
        return endpoints;
    }

    private static async Task<IResult> RaiseAsync(HttpContext context, ITwinCommands commands, IReadOnlyList<Camera> cameras, CancellationToken ct)
    {
        AiVideoDetection? body;
        try
        {
            body = JsonSerializer.Deserialize<AiVideoDetection>(IngestRequest.Of(context).Body, Json);
        }
        catch (JsonException ex)
        {
            return IngestErrors.Error(context, 400, $"The body is not an AI video detection: {ex.Message}");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.CameraId) || string.IsNullOrWhiteSpace(body.Kind) || string.IsNullOrWhiteSpace(body.Title))
        {
            return IngestErrors.Error(context, 400, "cameraId, kind and title are required.");
        }

        if (!Enum.TryParse<AlarmSeverity>(body.Severity, ignoreCase: true, out var severity) || !Enum.IsDefined(severity) || int.TryParse(body.Severity, out _))
        {
            return IngestErrors.Error(context, 400, "severity must be one of info, minor, major, critical.");
        }

        if (!IsoTime.TryParse(body.DetectedAt, out var detectedAt))
        {
            return IngestErrors.Error(context, 400, "detectedAt must be an ISO 8601 time with a zone (Z or +08:00).");
        }

        if (cameras.FirstOrDefault(c => c.Id == body.CameraId) is not { Ai: true } camera)
        {
            return IngestErrors.Error(context, 422, $"'{body.CameraId}' is not an AI camera of the layout.");
        }

        byte[]? snapshot = null;
        if (body.Snapshot is { } encoded)
        {
            if (encoded.Length > (AlarmSnapshots.MaxBytes + 2) / 3 * 4)
            {
                return IngestErrors.Error(context, 413, $"The snapshot is larger than {AlarmSnapshots.MaxBytes / 1024} KB.");
            }

            try
            {
                snapshot = Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                return IngestErrors.Error(context, 400, "snapshot is not base64.");
            }

            if (!EvidenceRules.IsJpeg(snapshot, AlarmSnapshots.MaxBytes))
            {
                return IngestErrors.Error(context, 415, "snapshot must be one JPEG image.");
            }
        }

        var detection = new AiVideoEvent(camera.Id, body.Kind.Trim(), body.Title.Trim(), camera.Location, severity, detectedAt, snapshot);
        var outcome = await commands.SubmitAsync(new RaiseAiVideoAlarmCommand(detection), ct);
        return outcome is { Accepted: true, Id: { } alarmId }
            ? Results.Json(new AiVideoRaised(alarmId, snapshot is null ? null : SnapshotUrl(alarmId)), Json, statusCode: 201)
            : IngestErrors.Error(context, 422, outcome.Reason ?? "The detection was refused.");
    }
}

/// <summary>One AI video detection as the video platform sends it.</summary>
public sealed record AiVideoDetection(string? CameraId, string? Kind, string? Title, string? Severity, string? DetectedAt, string? Snapshot);

/// <summary>The alarm raised, and where its snapshot is read (null without one).</summary>
public sealed record AiVideoRaised(string Alarm, string? Snapshot);
