using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommandCenter.Ingestion.Common;
using CommandCenter.Localization;
using CommandCenter.Security;
using Twin.Data.Boundary;
using Twin.Domain.Drones;

namespace CommandCenter.Drones;

/// <summary>
/// Every HTTP endpoint of the drone patrols, in one place (docs/drones.md). Writes that come from
/// machines (telemetry, route files) use the ingestion keys; officers' actions are left for the
/// sign-in work to authorise.
/// </summary>
public static class DroneEndpoints
{
    public const string Prefix = "/api/drones";
    public const string EvidencePrefix = "/api/evidence";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDrones(this IEndpointRouteBuilder endpoints)
    {
        // Screens read the fleet as the wall does; officers send and capture; the drones' own
        // systems (registration, telemetry, routes) authenticate with ingestion keys, not accounts.
        var drones = endpoints.MapGroup(Prefix).WithTags("Drones").RequireAuthorization(Policies.ViewWall);

        drones.MapGet("/", async (HttpContext context, DroneBroadcaster fleet, SignedInScope scopes, CancellationToken ct) =>
                Results.Json(fleet.Current(await scopes.OfAsync(context.User, ct)), Json))
            .WithSummary("The fleet as GeoJSON features: position, heading, altitude, battery, link, mission and trail.")
            .Produces<DroneFleetMessage>(200);

        drones.MapPost("/", async (HttpContext context, DroneDesk desk, CancellationToken ct) =>
            {
                DroneRegistration? registration;
                try
                {
                    registration = JsonSerializer.Deserialize<DroneRegistration>(IngestRequest.Of(context).Body, Json);
                }
                catch (JsonException ex)
                {
                    return IngestErrors.Error(context, 400, $"The body is not a drone: {ex.Message}");
                }

                if (registration?.ToDefinition() is not { Definition: { } definition })
                {
                    return IngestErrors.Error(context, 400, registration?.ToDefinition().Problem ?? "The body is empty.");
                }

                var result = await desk.RegisterAsync(definition, ct);
                return result.Accepted
                    ? Results.Json(new DroneAdded(definition.Id, definition.FeedUrl ?? $"{Prefix}/{definition.Id}/feed.mjpg"), Json, statusCode: 201)
                    : IngestErrors.Error(context, 422, result.Reason!);
            })
            .Ingest(IngestBodySize.Single, IngestScopes.Drones)
            .AllowAnonymous()
            .DocumentBody("A drone: id, model, homeLon, homeLat (WGS-84), maxSpeedMps, optional feedUrl (http/https) of its own video.", "application/json")
            .WithSummary("Add a drone to the fleet.")
            .Produces<DroneAdded>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(422);

        drones.MapPost("/telemetry", async (HttpContext context, DroneDesk desk, CancellationToken ct) =>
            {
                DroneTelemetryMessage? message;
                try
                {
                    message = JsonSerializer.Deserialize<DroneTelemetryMessage>(IngestRequest.Of(context).Body, Json);
                }
                catch (JsonException ex)
                {
                    return IngestErrors.Error(context, 400, $"The body is not a telemetry report: {ex.Message}");
                }

                if (message is null)
                {
                    return IngestErrors.Error(context, 400, "The body is empty.");
                }

                var ack = await desk.ReportAsync(message, ct);
                return ack.Accepted ? Results.Json(ack, Json) : IngestErrors.Error(context, message.ToTelemetry().Problem is null ? 422 : 400, ack.Reason!);
            })
            .Ingest(IngestBodySize.Single, IngestScopes.Drones)
            .AllowAnonymous()
            .DocumentBody("One telemetry report: droneId, at (ISO 8601 with zone), lon, lat, altitudeMetres, headingDegrees, speedMps, batteryPercent, linkPercent, optional datum (wgs84|gcj02).", "application/json")
            .WithSummary("Report a drone's position; refused reports (bad coordinates, outside the operating area, impossible jumps, out of order) answer 422 with the reason.")
            .Produces<TelemetryAck>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422).ProducesProblem(429);

        drones.MapGet("/routes", (PatrolRouteCatalog routes) => Results.Text(routes.GeoJson, "application/geo+json", Encoding.UTF8))
            .WithSummary("The patrol routes in force (GeoJSON LineStrings).")
            .Produces<JsonObject>(200, "application/geo+json");

        drones.MapPut("/routes", async (HttpContext context, PatrolRouteCatalog routes, CancellationToken ct) =>
                await routes.ReplaceAsync(IngestRequest.Of(context).BodyText, ct) is { } problem
                    ? IngestErrors.Error(context, 422, problem)
                    : Results.Json(new RoutesReplaced(routes.Routes.Length, routes.Version), Json))
            .Ingest(IngestBodySize.Batch, IngestScopes.Drones)
            .AllowAnonymous()
            .DocumentBody("A GeoJSON FeatureCollection of LineStrings with properties id, name, optional name_en and altitudeMetres (10–120), WGS-84, inside the operating area.", "application/geo+json", "application/json")
            .WithSummary("Replace the patrol routes; the file is checked whole and nothing changes when it is refused (422).")
            .Produces<RoutesReplaced>(200).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422);

        drones.MapPost("/{droneId}/missions", async (HttpContext context, string droneId, MissionRequest request, DroneDesk desk, CancellationToken ct) =>
            {
                if (!Enum.TryParse<MissionKind>(request.Kind, ignoreCase: true, out var kind) || kind == MissionKind.Patrol || string.IsNullOrWhiteSpace(request.TargetId))
                {
                    return IngestErrors.Error(context, 400, "kind must be ticketFlight or alarmFlight, with a targetId.");
                }

                var result = await desk.SendAsync(droneId, kind, request.TargetId, SignedInOfficer.NameOf(context.User), ct);
                return result.Accepted ? Results.Json(new MissionPlanned(result.Id!), Json, statusCode: 201) : IngestErrors.Error(context, 422, result.Reason!);
            })
            .RequireAuthorization(Policies.ActOnTickets)
            .WithSummary("Send a drone to a ticket or an alarm (it leaves a patrol for it).")
            .Produces<MissionPlanned>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);

        drones.MapPost("/missions/{missionId}/status", async (HttpContext context, string missionId, MissionStatusRequest request, DroneDesk desk, CancellationToken ct) =>
            {
                if (!Enum.TryParse<MissionStatus>(request.Status, ignoreCase: true, out var to))
                {
                    return IngestErrors.Error(context, 400, "status must be flying, onStation, returning, landed or aborted.");
                }

                var result = await desk.ChangeMissionAsync(missionId, to, SignedInOfficer.NameOf(context.User), request.Note, ct);
                return result.Accepted ? Results.NoContent() : IngestErrors.Error(context, 422, result.Reason!);
            })
            .RequireAuthorization(Policies.ActOnTickets)
            .WithSummary("Move a mission on: planned → flying → onStation → returning → landed, or aborted; an illegal move answers 422 with the reason.")
            .Produces(204).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);

        drones.MapGet("/{droneId}/frame.jpg", async (HttpContext context, string droneId, DroneFeeds feeds, DroneBroadcaster fleet, SignedInScope scopes) =>
                await ShownAsync(context, droneId, fleet, scopes) && feeds.RenderNow(droneId, Language.Current) is { } frame
                    ? Results.File(frame, "image/jpeg")
                    : IngestErrors.Error(context, 404, $"No drone '{droneId}'."))
            .WithSummary("One frame of the drone's view now; its overlay in the request's language (?lang=en, or the language cookie).")
            .Produces<Stream>(200, "image/jpeg").ProducesProblem(404);

        drones.MapGet("/{droneId}/feed.mjpg", StreamAsync)
            .WithSummary("The drone's live view as MJPEG (multipart/x-mixed-replace), for an <img>; its overlay in the request's language (?lang=en, or the language cookie).")
            .Produces<Stream>(200, "multipart/x-mixed-replace").ProducesProblem(404);

        drones.MapPost("/{droneId}/captures", async (HttpContext context, string droneId, CaptureRequest request, DroneDesk desk, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.TicketId))
                {
                    return IngestErrors.Error(context, 400, "ticketId is required.");
                }

                var result = await desk.CaptureAsync(droneId, request.TicketId, SignedInOfficer.NameOf(context.User), ct);
                return result.Accepted
                    ? Results.Json(new EvidenceCaptured(result.Id!, $"{EvidencePrefix}/{result.Id}.jpg"), Json, statusCode: 201)
                    : IngestErrors.Error(context, 422, result.Reason!);
            })
            .RequireAuthorization(Policies.ActOnTickets)
            .WithSummary("Capture the drone's current frame and attach it to a ticket as evidence (图像回传).")
            .Produces<EvidenceCaptured>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);

        endpoints.MapGet(EvidencePrefix + "/{evidenceId}.jpg", async (HttpContext context, string evidenceId, ITwinQueries queries, CancellationToken ct) =>
                await queries.GetEvidenceImageAsync(evidenceId, ct) is { } image
                    ? StoredImages.Jpeg(context, image)
                    : IngestErrors.Error(context, 404, $"No evidence '{evidenceId}'."))
            .WithTags("Drones")
            .RequireAuthorization(Policies.UseConsole)
            .WithSummary("A captured evidence image; its ETag is the SHA-256 stored with it.")
            .Produces<Stream>(200, "image/jpeg").ProducesProblem(404);

        return endpoints;
    }

    /// <summary>A 街镇's screens watch only the drones their fleet shows; to them any other is no drone at all.</summary>
    private static async Task<bool> ShownAsync(HttpContext context, string droneId, DroneBroadcaster fleet, SignedInScope scopes) =>
        fleet.Shows(await scopes.OfAsync(context.User, context.RequestAborted), droneId);

    private static async Task StreamAsync(HttpContext context, string droneId, DroneFeeds feeds, DroneBroadcaster fleet, SignedInScope scopes)
    {
        if (!feeds.Exists(droneId) || !await ShownAsync(context, droneId, fleet, scopes))
        {
            await IngestErrors.WriteAsync(context, 404, $"No drone '{droneId}'.");
            return;
        }

        const string boundary = "frame";
        var response = context.Response;
        response.ContentType = $"multipart/x-mixed-replace; boundary={boundary}";
        response.Headers.CacheControl = "no-store";
        await response.StartAsync(context.RequestAborted);
        try
        {
            await foreach (var frame in feeds.WatchAsync(droneId, Language.Current, context.RequestAborted))
            {
                var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {frame.Length}\r\n\r\n"));
                await response.Body.WriteAsync(header, context.RequestAborted);
                await response.Body.WriteAsync(frame, context.RequestAborted);
                await response.Body.WriteAsync("\r\n"u8.ToArray(), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    public sealed record DroneRegistration(string? Id, string? Model, double? HomeLon, double? HomeLat, double? MaxSpeedMps, string? FeedUrl)
    {
        public (DroneDefinition? Definition, string? Problem) ToDefinition()
        {
            if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Model) || HomeLon is not { } lon || HomeLat is not { } lat || MaxSpeedMps is not { } speed)
            {
                return (null, "id, model, homeLon, homeLat and maxSpeedMps are required.");
            }

            if (FeedUrl is not null && (!Uri.TryCreate(FeedUrl, UriKind.Absolute, out var feed) || feed.Scheme is not ("http" or "https")))
            {
                return (null, "feedUrl must be an absolute http or https URL.");
            }

            return (new DroneDefinition(Id.Trim(), Model.Trim(), new Twin.Domain.Geography.GeoPoint(lon, lat), speed, FeedUrl), null);
        }
    }

    public sealed record MissionRequest(string? Kind, string? TargetId);

    public sealed record MissionStatusRequest(string? Status, string? Note);

    public sealed record CaptureRequest(string? TicketId);
}

/// <summary>A drone added to the fleet: its id and where its video is.</summary>
public sealed record DroneAdded(string Id, string FeedUrl);

/// <summary>The patrol routes now in force: how many, and their version.</summary>
public sealed record RoutesReplaced(int Routes, int Version);

public sealed record MissionPlanned(string MissionId);

/// <summary>A captured frame attached to a ticket, and where to fetch it.</summary>
public sealed record EvidenceCaptured(string EvidenceId, string Url);
