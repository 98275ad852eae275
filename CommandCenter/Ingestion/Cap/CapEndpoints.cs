using CommandCenter.Ingestion.Common;

namespace CommandCenter.Ingestion.Cap;

/// <summary>OASIS CAP 1.2 alerts at <c>POST /api/alerts/cap</c>.</summary>
public static class CapEndpoints
{
    public const string Path = "/api/alerts/cap";

    public static IEndpointRouteBuilder MapCap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (HttpContext context, CapHandler handler, CancellationToken ct) => handler.HandleAsync(context, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.Cap)
            .WithTags("CAP 1.2")
            .DocumentBody("An OASIS CAP 1.2 <alert> document.", "application/cap+xml", "application/xml", "text/xml")
            .WithSummary("Take a CAP 1.2 Alert, Update or Cancel into the twin's alarms.")
            .WithDescription(
                "Status Actual or Exercise. Alert → 201 with the alarm id; Update → replaces the alarms of the referenced messages (201); " +
                "Cancel → clears them (200). A message already received (same sender and identifier) → 200 with its alarm, nothing raised. " +
                "Severity: Extreme→critical, Severe→major, Moderate→minor, Minor/Unknown→info; Immediate+Observed raises one level, " +
                "Past or Unlikely gives info. The area (polygons and circles, WGS-84, or GCJ-02 with ?datum=gcj02) must reach Putuo; " +
                "it is drawn on the wall. Errors are RFC 9457 problem details. Max body 64 KB.")
            .Produces<System.Text.Json.Nodes.JsonObject>(201).Produces<System.Text.Json.Nodes.JsonObject>(200)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429);
        return endpoints;
    }
}
