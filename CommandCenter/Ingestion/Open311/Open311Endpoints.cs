using CommandCenter.Ingestion.Common;

namespace CommandCenter.Ingestion.Open311;

/// <summary>Open311 GeoReport v2 at <c>/open311/v2/</c>; every answer is JSON or XML after the path's extension.</summary>
public static class Open311Endpoints
{
    public const string Prefix = "/open311/v2";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("Open311 GeoReport v2");

        group.MapGet("/services.{format}", (HttpContext context, string format, Open311Handler handler) =>
                Format(context, format) ?? handler.Services(format))
            .Ingest(IngestBodySize.None)
            .WithSummary("Service list: the event catalogue's categories.")
            .Produces<System.Text.Json.Nodes.JsonArray>(200, "application/json", "text/xml");

        group.MapGet("/services/{service_code}.{format}", (HttpContext context, string service_code, string format, Open311Handler handler) =>
                Format(context, format) ?? handler.ServiceDefinition(context, service_code, format))
            .Ingest(IngestBodySize.None)
            .WithSummary("Service definition: the attributes a request may carry (attribute[priority]).")
            .Produces<System.Text.Json.Nodes.JsonObject>(200, "application/json", "text/xml").Produces(404, contentType: "application/json");

        group.MapPost("/requests.{format}", async (HttpContext context, string format, Open311Handler handler, CancellationToken ct) =>
                Format(context, format) ?? await handler.CreateAsync(context, format, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.Open311)
            .DocumentBody("GeoReport v2 service request form: api_key, service_code, lat/long or address_string, optional datum, contact fields, attribute[priority].", "application/x-www-form-urlencoded")
            .WithSummary("Create a service request; it enters the loop as a ticket.")
            .WithDescription(
                "Form-encoded per GeoReport v2. Location: lat and long (WGS-84, or GCJ-02 with datum=gcj02) or an address_string " +
                "naming a 街道/镇. 201 when created, 200 when the same request from the same source was already received " +
                "(its service_request_id is returned again). Errors are GeoReport's [{code, description}]. Max body 64 KB.")
            .Produces<System.Text.Json.Nodes.JsonArray>(201, "application/json", "text/xml").Produces<System.Text.Json.Nodes.JsonArray>(200, "application/json", "text/xml")
            .Produces(400, contentType: "application/json").Produces(401, contentType: "application/json")
            .Produces(413, contentType: "application/json").Produces(429, contentType: "application/json");

        group.MapGet("/requests.{format}", async (HttpContext context, string format, Open311Handler handler, CancellationToken ct) =>
                Format(context, format) ?? await handler.QueryAsync(context, format, ct))
            .Ingest(IngestBodySize.None)
            .WithSummary("Service requests received here, filtered by service_request_id, service_code, start_date, end_date, status.")
            .Produces<System.Text.Json.Nodes.JsonArray>(200, "application/json", "text/xml").Produces(400, contentType: "application/json");

        group.MapGet("/requests/{service_request_id}.{format}",
                async (HttpContext context, string service_request_id, string format, Open311Handler handler, CancellationToken ct) =>
                    Format(context, format) ?? await handler.GetAsync(context, service_request_id, format, ct))
            .Ingest(IngestBodySize.None)
            .WithSummary("One service request with its status and status notes (from the ticket's history).")
            .Produces<System.Text.Json.Nodes.JsonArray>(200, "application/json", "text/xml").Produces(404, contentType: "application/json");

        return endpoints;
    }

    private static IResult? Format(HttpContext context, string format) =>
        format is "json" or "xml" ? null : IngestErrors.Error(context, 400, $"Format '{format}' is not served: use .json or .xml.");
}
