using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommandCenter.Ingestion.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Data.Sensors;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// The SensorThings API 1.1 view of the twin's sensors: each sensor is one Datastream (with the
/// sensor's id); a Thing is a device with one or more of them and one Location, both with the
/// Thing's id (a device of one sensor has the sensor's id); Sensors and ObservedProperties are the
/// sensor kinds; Observations are the stored readings, ids from the observations table. Readings
/// go in through <see cref="ITwinCommands"/>, whose answer carries their ids; replays are found
/// there, inside the writer.
/// </summary>
public sealed partial class SensorThingsHandler(
    ITwinCommands commands,
    ITwinQueries queries,
    DistrictMap district,
    IOptionsMonitor<SensorThresholdOptions> thresholds)
{
    public const int MaxBatchObservations = 10_000;

    private const string Measurement = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

    // A key given twice is ambiguous (which result counts?), so it is refused rather than resolved.
    private static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    // The answer is JSON for API clients, never inlined into HTML: OData links keep their quotes and names their Chinese.
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // ---- reads of the sensor-derived entities ---------------------------------------------------

    public IResult Things(HttpContext c) => Collection(c, ThingGroups(), t => Thing(c, t), t => t.Id);

    public IResult Thing(HttpContext c, string id) => One(c, FindThing(id), t => Thing(c, t), "Thing", id);

    public IResult Locations(HttpContext c, string? thingId = null) =>
        thingId is null ? Collection(c, ThingGroups(), t => Location(c, t), t => t.Id) : Related<ThingView>(c, thingId, "Thing", t => [t], t => Location(c, t));

    public IResult Location(HttpContext c, string id) => One(c, FindThing(id), t => Location(c, t), "Location", id);

    public IResult Datastreams(HttpContext c, string? thingId = null) =>
        thingId is null ? Collection(c, Sensors(), s => Datastream(c, s)) : Related(c, thingId, "Thing", t => t.Sensors, s => Datastream(c, s));

    public IResult Datastream(HttpContext c, string id) => One(c, FindSensor(id), s => Datastream(c, s), "Datastream", id);

    public IResult DatastreamThing(HttpContext c, string id) =>
        One(c, FindSensor(id) is { } s ? FindThing(s.Definition.Thing) : null, t => Thing(c, t), "Datastream", id);

    public IResult DatastreamSensor(HttpContext c, string id) => One(c, FindSensor(id), s => SensorEntity(c, s.Definition.Kind), "Datastream", id);

    public IResult DatastreamObservedProperty(HttpContext c, string id) =>
        One(c, FindSensor(id), s => ObservedProperty(c, s.Definition.Kind), "Datastream", id);

    public IResult LocationThings(HttpContext c, string id) => Related<ThingView>(c, id, "Location", t => [t], t => Thing(c, t));

    public IResult Kinds(HttpContext c, bool observedProperties) =>
        Collection(c, Enum.GetValues<SensorKind>(), k => observedProperties ? ObservedProperty(c, k) : SensorEntity(c, k), k => k.Slug());

    public IResult Kind(HttpContext c, string id, bool observedProperty)
    {
        var kind = FindKind(id);
        return One(c, kind, k => observedProperty ? ObservedProperty(c, k!.Value) : SensorEntity(c, k!.Value),
            observedProperty ? "ObservedProperty" : "Sensor", id);
    }

    public IResult KindDatastreams(HttpContext c, string id, bool observedProperty)
    {
        if (FindKind(id) is not { } kind)
        {
            return IngestErrors.Error(c, 404, $"No {(observedProperty ? "ObservedProperty" : "Sensor")} {id}.");
        }

        return Collection(c, Sensors().Where(s => s.Definition.Kind == kind).ToList(), s => Datastream(c, s));
    }

    // ---- entities -------------------------------------------------------------------------------------

    private JsonObject Thing(HttpContext c, ThingView t)
    {
        var self = Link(c, "Things", t.Id);
        var s = t.Sensors[0];
        var properties = new JsonObject
        {
            ["kinds"] = new JsonArray(t.Sensors.Select(x => (JsonNode)x.Definition.Kind.Slug()).ToArray()),
            ["subdistrict"] = district.FindSubDistrict(s.SubDistrictCode)?.Name ?? s.SubDistrictCode,
            ["health"] = t.Sensors.Max(x => x.Health).ToString(),
            ["inCorridor"] = s.InCorridor,
        };
        if (t.Sensors.Count == 1)
        {
            properties["kind"] = s.Definition.Kind.Slug();
        }

        return new JsonObject
        {
            ["@iot.id"] = t.Id,
            ["@iot.selfLink"] = self,
            ["name"] = s.Definition.Name,
            ["description"] = string.Join(", ", t.Sensors.Select(x => $"{x.Definition.Kind.NameZh()} · {x.Definition.Kind.NameEn()}")),
            ["properties"] = properties,
            ["Locations@iot.navigationLink"] = self + "/Locations",
            ["Datastreams@iot.navigationLink"] = self + "/Datastreams",
        };
    }

    private static JsonObject Location(HttpContext c, ThingView t)
    {
        var s = t.Sensors[0];
        var self = Link(c, "Locations", t.Id);
        return new JsonObject
        {
            ["@iot.id"] = t.Id,
            ["@iot.selfLink"] = self,
            ["name"] = s.Definition.Name,
            ["description"] = "Where the device is installed (WGS-84).",
            ["encodingType"] = "application/geo+json",
            ["location"] = new JsonObject
            {
                ["type"] = "Point",
                ["coordinates"] = new JsonArray(Math.Round(s.Definition.Location.Lon, 6), Math.Round(s.Definition.Location.Lat, 6)),
            },
            ["Things@iot.navigationLink"] = self + "/Things",
        };
    }

    private static JsonObject Datastream(HttpContext c, SensorState s)
    {
        var self = Link(c, "Datastreams", s.Definition.Id);
        return new JsonObject
        {
            ["@iot.id"] = s.Definition.Id,
            ["@iot.selfLink"] = self,
            ["name"] = $"{s.Definition.Name} · {s.Definition.Kind.NameEn()}",
            ["description"] = $"{s.Definition.Kind.NameZh()}读数 · readings every {s.Definition.ReportInterval.TotalSeconds:0} s",
            ["unitOfMeasurement"] = new JsonObject { ["name"] = s.Definition.Unit, ["symbol"] = s.Definition.Unit, ["definition"] = null },
            ["observationType"] = Measurement,
            ["Thing@iot.navigationLink"] = self + "/Thing",
            ["Sensor@iot.navigationLink"] = self + "/Sensor",
            ["ObservedProperty@iot.navigationLink"] = self + "/ObservedProperty",
            ["Observations@iot.navigationLink"] = self + "/Observations",
        };
    }

    private static JsonObject SensorEntity(HttpContext c, SensorKind kind)
    {
        var self = Link(c, "Sensors", kind.Slug());
        return new JsonObject
        {
            ["@iot.id"] = kind.Slug(),
            ["@iot.selfLink"] = self,
            ["name"] = kind.NameEn(),
            ["description"] = kind.NameZh(),
            ["encodingType"] = "text/plain",
            ["metadata"] = $"{kind.NameEn()} device of the Putuo perception network",
            ["Datastreams@iot.navigationLink"] = self + "/Datastreams",
        };
    }

    private static JsonObject ObservedProperty(HttpContext c, SensorKind kind)
    {
        var self = Link(c, "ObservedProperties", kind.Slug());
        return new JsonObject
        {
            ["@iot.id"] = kind.Slug(),
            ["@iot.selfLink"] = self,
            ["name"] = kind.NameEn(),
            ["definition"] = DefinitionOf(kind),
            ["description"] = kind.NameZh(),
            ["Datastreams@iot.navigationLink"] = self + "/Datastreams",
        };
    }

    private JsonObject ObservationEntity(HttpContext c, StoredObservation o, bool expandDatastream)
    {
        var self = ObservationLink(c, o.Id);
        var entity = new JsonObject
        {
            ["@iot.id"] = o.Id,
            ["@iot.selfLink"] = self,
            ["phenomenonTime"] = o.ObservedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["resultTime"] = null,
            ["result"] = o.Value,
            ["Datastream@iot.navigationLink"] = self + "/Datastream",
        };
        if (o.BatteryPercent is { } battery)
        {
            entity["parameters"] = new JsonObject { ["batteryPercent"] = battery };
        }

        if (expandDatastream && FindSensor(o.SensorId) is { } sensor)
        {
            entity["Datastream"] = Datastream(c, sensor);
        }

        return entity;
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    private IReadOnlyList<SensorState> Sensors() => queries.Current.Sensors;

    private SensorState? FindSensor(string id)
    {
        var key = Unquote(id);
        return Sensors().FirstOrDefault(s => s.Definition.Id == key);
    }

    /// <summary>The twin's devices: its sensors grouped by Thing, in the order their first sensor was registered.</summary>
    private List<ThingView> ThingGroups() =>
        Sensors().GroupBy(s => s.Definition.Thing, StringComparer.Ordinal).Select(g => new ThingView(g.Key, g.ToList())).ToList();

    private ThingView? FindThing(string id)
    {
        var key = Unquote(id);
        var sensors = Sensors().Where(s => s.Definition.Thing == key).ToList();
        return sensors.Count == 0 ? null : new ThingView(key, sensors);
    }

    private static SensorKind? FindKind(string id) => SensorKinds.TryParse(Unquote(id), out var kind) ? kind : null;

    /// <summary>Entity ids in paths are OData literals: strings in single quotes (doubled inside), numbers bare.</summary>
    private static string Unquote(string id) =>
        id.Length >= 2 && id[0] == '\'' && id[^1] == '\'' ? id[1..^1].Replace("''", "'", StringComparison.Ordinal) : id;

    private IResult Collection<T>(HttpContext c, IReadOnlyList<T> all, Func<T, JsonObject> entity, Func<T, string>? idOf = null)
    {
        if (StaQuery.Parse(c.Request.Query, observations: false, out var problem) is not { } query)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        IEnumerable<T> ordered = all;
        if (query.OrderBy.Count > 0)
        {
            var key = idOf ?? (item => entity(item)["@iot.id"]!.GetValue<string>());
            ordered = query.OrderBy[0].Descending ? all.OrderByDescending(key, StringComparer.Ordinal) : all.OrderBy(key, StringComparer.Ordinal);
        }

        var page = ordered.Skip(query.Skip).Take(query.Top).ToList();
        var result = new JsonObject();
        if (query.Count)
        {
            result["@iot.count"] = all.Count;
        }

        result["value"] = new JsonArray(page.Select(item => (JsonNode)entity(item)).ToArray());
        if ((long)query.Skip + query.Top < all.Count)
        {
            result["@iot.nextLink"] = NextLink(c, query.Skip + query.Top, query.Top);
        }

        return Json(result);
    }

    private IResult Related<T>(HttpContext c, string thingId, string owner, Func<ThingView, IReadOnlyList<T>> related, Func<T, JsonObject> entity) =>
        FindThing(thingId) is { } thing ? Collection(c, related(thing), entity) : IngestErrors.Error(c, 404, $"No {owner} {thingId}.");

    private static IResult One<T>(HttpContext c, T? item, Func<T, JsonObject> entity, string type, string id) =>
        item is null ? IngestErrors.Error(c, 404, $"No {type} {id}.") : Json(entity(item));

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(Output), "application/json; charset=utf-8");

    private static string Root(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}{SensorThingsEndpoints.Prefix}";

    private static string Link(HttpContext c, string set, string id) => $"{Root(c)}/{set}('{id.Replace("'", "''", StringComparison.Ordinal)}')";

    private static string ObservationLink(HttpContext c, long id) => $"{Root(c)}/Observations({id.ToString(CultureInfo.InvariantCulture)})";

    private static string NextLink(HttpContext c, int skip, int top)
    {
        var query = c.Request.Query.Where(q => q.Key is not ("$skip" or "$top"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("$top", top.ToString(CultureInfo.InvariantCulture)))
            .Append(new("$skip", skip.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}{c.Request.Path}", query);
    }

    /// <summary>One device: its Thing id and its sensors (Datastreams), which share its name and place.</summary>
    private sealed record ThingView(string Id, IReadOnlyList<SensorState> Sensors);
}
