using System.Text.Json.Nodes;
using CommandCenter.Ingestion.Common;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// OGC SensorThings API 1.1, read-and-ingest subset, at <c>/sta/v1.1/</c>. Entity ids are OData
/// literals in the path: <c>Things('S-…')</c>, <c>Observations(42)</c>.
/// </summary>
public static class SensorThingsEndpoints
{
    public const string Prefix = "/sta/v1.1";

    private static readonly string[] Sets = ["Things", "Locations", "Datastreams", "Sensors", "ObservedProperties", "Observations"];

    public static IEndpointRouteBuilder MapSensorThings(this IEndpointRouteBuilder endpoints)
    {
        var g = endpoints.MapGroup(Prefix).WithTags("SensorThings API 1.1");

        Read(g, "/", c => Results.Text(ServiceRoot(c).ToJsonString(), "application/json; charset=utf-8"), "Service root with the entity sets and conformance classes.");
        Read(g, "/Things", (c, h) => h.Things(c), "Things: the twin's devices, each with its Datastreams (one per sensor).");
        Read(g, "/Things({id})", (c, h, id) => h.Thing(c, id));
        Read(g, "/Things({id})/Datastreams", (c, h, id) => h.Datastreams(c, id));
        Read(g, "/Things({id})/Locations", (c, h, id) => h.Locations(c, id));
        Read(g, "/Locations", (c, h) => h.Locations(c));
        Read(g, "/Locations({id})", (c, h, id) => h.Location(c, id));
        Read(g, "/Locations({id})/Things", (c, h, id) => h.LocationThings(c, id));
        Read(g, "/Datastreams", (c, h) => h.Datastreams(c), "Datastreams: one per sensor, with the sensor's id.");
        Read(g, "/Datastreams({id})", (c, h, id) => h.Datastream(c, id));
        Read(g, "/Datastreams({id})/Thing", (c, h, id) => h.DatastreamThing(c, id));
        Read(g, "/Datastreams({id})/Sensor", (c, h, id) => h.DatastreamSensor(c, id));
        Read(g, "/Datastreams({id})/ObservedProperty", (c, h, id) => h.DatastreamObservedProperty(c, id));
        Read(g, "/Sensors", (c, h) => h.Kinds(c, observedProperties: false), "Sensors: one per sensor kind.");
        Read(g, "/Sensors({id})", (c, h, id) => h.Kind(c, id, observedProperty: false));
        Read(g, "/Sensors({id})/Datastreams", (c, h, id) => h.KindDatastreams(c, id, observedProperty: false));
        Read(g, "/ObservedProperties", (c, h) => h.Kinds(c, observedProperties: true), "ObservedProperties: one per sensor kind.");
        Read(g, "/ObservedProperties({id})", (c, h, id) => h.Kind(c, id, observedProperty: true));
        Read(g, "/ObservedProperties({id})/Datastreams", (c, h, id) => h.KindDatastreams(c, id, observedProperty: true));

        g.MapGet("/Observations", (HttpContext c, SensorThingsHandler h, CancellationToken ct) => h.ObservationsAsync(c, null, ct))
            .IngestRead(IngestScopes.StaRead).DocumentRead()
            .WithSummary("Observations with $top, $skip, $count, $orderby, $filter (phenomenonTime, result) and $expand=Datastream.");
        g.MapGet("/Datastreams({id})/Observations", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.ObservationsAsync(c, id, ct))
            .IngestRead(IngestScopes.StaRead).DocumentRead();
        g.MapGet("/Observations({id})", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.ObservationAsync(c, id, false, ct))
            .IngestRead(IngestScopes.StaRead).DocumentRead();
        g.MapGet("/Observations({id})/Datastream", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.ObservationAsync(c, id, true, ct))
            .IngestRead(IngestScopes.StaRead).DocumentRead();

        const string postDescription =
            "201 with Location once the observation is on disk; 200 with the stored observation when the datastream already has one at that " +
            "phenomenonTime (a replay creates nothing). result is a finite number; phenomenonTime an instant with a zone. " +
            "Validation errors are RFC 9457 problem details (400); an observation the twin refuses (outside its kind's plausible range, older than Twin:Ingestion:MaxReadingAgeDays or ahead of the clock) is 422; one older than the datastream's newest is kept in the history without changing the current value. Max body 64 KB.";
        g.MapPost("/Observations", (HttpContext c, SensorThingsHandler h, CancellationToken ct) => h.CreateObservationAsync(c, null, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody("An Observation: phenomenonTime, result, Datastream {@iot.id}, optional resultTime and parameters.batteryPercent.", "application/json")
            .WithSummary("Create an Observation (Datastream by @iot.id in the body).").WithDescription(postDescription)
            .Produces<JsonObject>(201).Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(422).ProducesProblem(429);
        g.MapPost("/Datastreams({id})/Observations", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.CreateObservationAsync(c, id, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody("An Observation: phenomenonTime, result, optional resultTime and parameters.batteryPercent.", "application/json")
            .WithSummary("Create an Observation of this Datastream.").WithDescription(postDescription)
            .Produces<JsonObject>(201).Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(422);
        g.MapPost("/Things", (HttpContext c, SensorThingsHandler h, CancellationToken ct) => h.CreateThingAsync(c, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody("A Thing with one Location (GeoJSON Point, WGS-84) and 1–16 Datastreams, each with an ObservedProperty naming a sensor kind (deep insert).", "application/json")
            .WithSummary("Onboard a device: create a Thing with its Location and Datastreams (one sensor each).")
            .WithDescription(
                "The Datastream's ObservedProperty is {\"definition\": \"urn:cityops-twin:observed-property:<kind>\"} or {\"@iot.id\": \"<kind>\"}; " +
                "unitOfMeasurement.symbol, when given, must be the kind's unit; properties.reportIntervalSeconds (default 60) decides when it is stale. " +
                "A Datastream's id is its @iot.id, else the Thing's when it is the only one, else <thing>-<kind>. " +
                "Thresholds come from Twin:Sensors:Thresholds (by the Datastream's id, the Thing's for a Thing of one Datastream, else its kind) or the kind's standard ones. " +
                "201 with Location once every sensor is on disk (and on the wall); 409 when an id exists; 422 when the twin refuses any of it (outside Putuo, unknown kind, other unit), and then nothing is stored.")
            .Produces<JsonObject>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        MapCreates(g);
        foreach (var (set, type) in new[] { ("Things", "Thing"), ("Datastreams", "Datastream") })
        {
            g.MapDelete($"/{set}({{id}})", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.DeleteThingAsync(c, id, type, ct))
                .Ingest(IngestBodySize.None, IngestScopes.StaWrite)
                .WithSummary($"Delete a {type}: the sensor leaves the twin with its Observations (audited).")
                .Produces(200).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
            g.MapPatch($"/{set}({{id}})", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.UpdateThingAsync(c, id, type, ct))
                .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
                .DocumentBody($"The {type}'s new name (and, for a Datastream, properties.reportIntervalSeconds).", "application/json")
                .WithSummary($"Update a {type}: its name, or a Datastream's report interval.")
                .Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        }

        g.MapPost("/CreateObservations", (HttpContext c, SensorThingsHandler h, CancellationToken ct) => h.CreateObservationsAsync(c, ct))
            .Ingest(IngestBodySize.Batch, IngestScopes.StaWrite)
            .DocumentBody("CreateObservations: [{Datastream, components, dataArray@iot.count, dataArray}].", "application/json")
            .WithSummary("CreateObservations with dataArray: many observations in one request.")
            .WithDescription(
                "The whole body is validated first (a malformed batch stores nothing, 400). The answer (201) lists for each observation, in order, " +
                "its selfLink (new or already stored) or \"error\" when the twin refused it. Up to 10,000 observations; max body 2 MB.")
            .Produces<string[]>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(413).ProducesProblem(429);
        return endpoints;
    }

    /// <summary>The standalone creates, for an integrator who onboards entity by entity rather than by deep insert.</summary>
    private static void MapCreates(RouteGroupBuilder g)
    {
        const string datastream = "A Datastream: name, unitOfMeasurement, ObservedProperty {definition or @iot.id}, optional @iot.id and properties.reportIntervalSeconds";
        const string datastreamDescription =
            "One more sensor of an existing Thing, at the Thing's Location. Without an @iot.id its id is the Thing's and the kind's (<thing>-<kind>). " +
            "201 with Location once it is on disk (and on the wall); 409 when its id exists; 422 when the twin refuses it (unknown Thing, unknown ObservedProperty, other unit).";
        g.MapPost("/Datastreams", (HttpContext c, SensorThingsHandler h, CancellationToken ct) => h.CreateDatastreamAsync(c, null, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody(datastream + " and its Thing {@iot.id}.", "application/json")
            .WithSummary("Add a Datastream to a Thing (the Thing by @iot.id in the body).").WithDescription(datastreamDescription)
            .Produces<JsonObject>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        g.MapPost("/Things({id})/Datastreams", (HttpContext c, string id, SensorThingsHandler h, CancellationToken ct) => h.CreateDatastreamAsync(c, id, ct))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody(datastream + ".", "application/json")
            .WithSummary("Add a Datastream to this Thing.").WithDescription(datastreamDescription)
            .Produces<JsonObject>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        g.MapPost("/Sensors", (HttpContext c, SensorThingsHandler h) => h.CreateSensor(c))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody("A Sensor: name, description, encodingType, metadata, and the kind it is by @iot.id or properties.kind.", "application/json")
            .WithSummary("Name a Sensor: this server's Sensors are its sensor kinds.")
            .WithDescription("200 with Location and the kind's Sensor when it names one (nothing is created twice); 400 when a mandatory property is missing; 422 for a kind this twin does not model.")
            .Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        g.MapPost("/ObservedProperties", (HttpContext c, SensorThingsHandler h) => h.CreateObservedProperty(c))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody("An ObservedProperty: name, definition (urn:cityops-twin:observed-property:<kind>), description.", "application/json")
            .WithSummary("Name an ObservedProperty: this server's ObservedProperties are its sensor kinds.")
            .WithDescription("200 with Location and the kind's ObservedProperty when its definition is one (nothing is created twice); 400 when a mandatory property is missing; 422 for any other definition.")
            .Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        g.MapPost("/Locations", (HttpContext c, SensorThingsHandler h) => h.CreateLocation(c))
            .Ingest(IngestBodySize.Single, IngestScopes.StaWrite)
            .DocumentBody("A Location (GeoJSON Point, WGS-84) with the Things it is the place of: \"Things\": [{\"@iot.id\"}].", "application/json")
            .WithSummary("Confirm a Location of Things: this twin keeps a place only as a Thing's.")
            .WithDescription("200 with Location and the Things' Location when they are there; 422 for a Location without Things (deep insert it with its Thing) or elsewhere than its Things (a moved device is a new Thing); 400 for a malformed one.")
            .Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
    }

    private static void Read(RouteGroupBuilder g, string pattern, Func<HttpContext, SensorThingsHandler, IResult> handler, string? summary = null)
    {
        var route = g.MapGet(pattern, (HttpContext c, SensorThingsHandler h) => handler(c, h)).IngestRead(IngestScopes.StaRead).DocumentRead();
        if (summary is not null)
        {
            route.WithSummary(summary);
        }
    }

    private static void Read(RouteGroupBuilder g, string pattern, Func<HttpContext, SensorThingsHandler, string, IResult> handler) =>
        g.MapGet(pattern, (HttpContext c, string id, SensorThingsHandler h) => handler(c, h, id)).IngestRead(IngestScopes.StaRead).DocumentRead();

    private static void Read(RouteGroupBuilder g, string pattern, Func<HttpContext, IResult> handler, string summary) =>
        g.MapGet(pattern, (HttpContext c) => handler(c)).IngestRead(IngestScopes.StaRead).DocumentRead().WithSummary(summary);

    /// <summary>A read answers an entity or a collection (<c>{"value": [...]}</c>) as JSON, or 404 problem details.</summary>
    private static RouteHandlerBuilder DocumentRead(this RouteHandlerBuilder route) =>
        route.Produces<JsonObject>(200).ProducesProblem(400).ProducesProblem(404);

    private static JsonObject ServiceRoot(HttpContext c)
    {
        var root = $"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}{Prefix}";
        return new JsonObject
        {
            ["value"] = new JsonArray(Sets.Select(s => (JsonNode)new JsonObject { ["name"] = s, ["url"] = $"{root}/{s}" }).ToArray()),
            ["serverSettings"] = new JsonObject
            {
                ["conformance"] = new JsonArray(
                    "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
                    "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
                    "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete/create-entity",
                    "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array"),
            },
        };
    }
}
