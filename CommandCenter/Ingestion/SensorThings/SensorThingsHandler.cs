using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommandCenter.Ingestion.Common;
using Microsoft.AspNetCore.WebUtilities;
using Twin.Data.Boundary;
using Twin.Data.Sensors;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// The SensorThings API 1.1 view of the twin's sensors: each sensor is a Thing with one Location
/// and one Datastream, all three with the sensor's id; Sensors and ObservedProperties are the
/// sensor kinds; Observations are the stored readings, ids from the observations table. Readings
/// go in through <see cref="ITwinCommands"/>, whose answer carries their ids; replays are found
/// there, inside the writer.
/// </summary>
public sealed class SensorThingsHandler(ITwinCommands commands, ITwinQueries queries, DistrictMap district)
{
    public const int MaxBatchObservations = 10_000;

    private const string Measurement = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

    // A key given twice is ambiguous (which result counts?), so it is refused rather than resolved.
    private static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    // The answer is JSON for API clients, never inlined into HTML: OData links keep their quotes and names their Chinese.
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // ---- reads of the sensor-derived entities ---------------------------------------------------

    public IResult Things(HttpContext c) => Collection(c, Sensors(), s => Thing(c, s));

    public IResult Thing(HttpContext c, string id) => One(c, FindSensor(id), s => Thing(c, s), "Thing", id);

    public IResult Locations(HttpContext c, string? thingId = null) =>
        thingId is null ? Collection(c, Sensors(), s => Location(c, s)) : Related(c, thingId, "Thing", s => [s], s => Location(c, s));

    public IResult Location(HttpContext c, string id) => One(c, FindSensor(id), s => Location(c, s), "Location", id);

    public IResult Datastreams(HttpContext c, string? thingId = null) =>
        thingId is null ? Collection(c, Sensors(), s => Datastream(c, s)) : Related(c, thingId, "Thing", s => [s], s => Datastream(c, s));

    public IResult Datastream(HttpContext c, string id) => One(c, FindSensor(id), s => Datastream(c, s), "Datastream", id);

    public IResult DatastreamThing(HttpContext c, string id) => One(c, FindSensor(id), s => Thing(c, s), "Datastream", id);

    public IResult DatastreamSensor(HttpContext c, string id) => One(c, FindSensor(id), s => SensorEntity(c, s.Definition.Kind), "Datastream", id);

    public IResult DatastreamObservedProperty(HttpContext c, string id) =>
        One(c, FindSensor(id), s => ObservedProperty(c, s.Definition.Kind), "Datastream", id);

    public IResult LocationThings(HttpContext c, string id) => Related(c, id, "Location", s => [s], s => Thing(c, s));

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

    // ---- observations -----------------------------------------------------------------------------

    public async Task<IResult> ObservationsAsync(HttpContext c, string? datastreamId, CancellationToken ct)
    {
        string? sensorId = null;
        if (datastreamId is not null)
        {
            if (FindSensor(datastreamId) is not { } sensor)
            {
                return IngestErrors.Error(c, 404, $"No Datastream {datastreamId}.");
            }

            sensorId = sensor.Definition.Id;
        }

        if (StaQuery.Parse(c.Request.Query, observations: true, out var problem) is not { } query)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        // One row more than asked tells whether a next page exists without counting.
        var page = await queries.QueryObservationsAsync(
            new ObservationQuery(sensorId, query.Filter, query.OrderBy, query.Skip, query.Top + 1, query.Count), ct);
        var items = page.Items.Take(query.Top).ToList();
        var result = new JsonObject();
        if (page.Count is { } total)
        {
            result["@iot.count"] = total;
        }

        result["value"] = new JsonArray(items.Select(o => (JsonNode)ObservationEntity(c, o, query.ExpandDatastream)).ToArray());
        if (page.Items.Count > query.Top)
        {
            result["@iot.nextLink"] = NextLink(c, query.Skip + query.Top, query.Top);
        }

        return Json(result);
    }

    public async Task<IResult> ObservationAsync(HttpContext c, string id, bool datastreamOnly, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
            await queries.GetObservationAsync(number, ct) is not { } observation)
        {
            return IngestErrors.Error(c, 404, $"No Observation {id}.");
        }

        if (datastreamOnly)
        {
            return FindSensor(observation.SensorId) is { } s ? Json(Datastream(c, s)) : IngestErrors.Error(c, 404, $"No Datastream for Observation {id}.");
        }

        if (StaQuery.Parse(c.Request.Query, observations: true, out var problem) is not { } query)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        return Json(ObservationEntity(c, observation, query.ExpandDatastream));
    }

    /// <summary>
    /// POST one Observation (to /Observations with a Datastream, or to /Datastreams(id)/Observations).
    /// 201 with Location once it is on disk; 200 with the stored one when that datastream already
    /// has an observation at that phenomenonTime (a replay creates nothing).
    /// </summary>
    public async Task<IResult> CreateObservationAsync(HttpContext c, string? datastreamId, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        using (document)
        {
            if (ReadObservation(document.RootElement, datastreamId, out problem) is not { } input)
            {
                return IngestErrors.Error(c, 400, problem!);
            }

            if (FindSensor(input.SensorId) is null)
            {
                return IngestErrors.Error(c, datastreamId is null ? 400 : 404, $"No Datastream {input.SensorId}.");
            }

            var outcome = await commands.SubmitAsync(new RecordObservationCommand(input), ct);
            if (outcome is { Accepted: true, ObservationId: { } id })
            {
                return Stored(c, new StoredObservation(id, input.SensorId, input.Value, input.ObservedAt, input.BatteryPercent), 201);
            }

            // A replay answers with the copy stored first; one carrying another result is a conflict naming it.
            if (outcome is { Replayed: true, ObservationId: { } storedId } && await queries.GetObservationAsync(storedId, ct) is { } stored)
            {
                return Stored(c, stored, 200);
            }

            if (outcome is { Conflict: true, ObservationId: { } conflictId })
            {
                return IngestErrors.Error(c, 409, outcome.Reason!, new Dictionary<string, object?> { ["stored"] = ObservationLink(c, conflictId) });
            }

            return IngestErrors.Error(c, 422, outcome.Reason ?? "The observation was refused.");
        }
    }

    /// <summary>
    /// CreateObservations (the dataArray extension). The whole body is checked first, so a malformed
    /// batch stores nothing; then each observation is applied on its own and the answer lists, in
    /// order, each one's selfLink or "error" (refused by the twin, e.g. older than late readings are kept).
    /// </summary>
    public async Task<IResult> CreateObservationsAsync(HttpContext c, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        List<Observation> inputs;
        using (document)
        {
            if (ReadDataArrays(document.RootElement, out problem) is not { } read)
            {
                return IngestErrors.Error(c, 400, problem!);
            }

            inputs = read;
        }

        // In time order per datastream, so that each moves the current value in turn rather than arriving late;
        // submitted together, so they share the writer's batches (one fsync, not thousands).
        var ordered = inputs.Distinct().OrderBy(o => o.SensorId, StringComparer.Ordinal).ThenBy(o => o.ObservedAt).ToList();
        var outcomes = await commands.SubmitAllAsync(ordered.Select(o => (TwinCommand)new RecordObservationCommand(o)).ToList(), ct);
        var stored = new Dictionary<(string, DateTimeOffset), long>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (outcomes[i] is { Conflict: false, ObservationId: { } id })
            {
                stored.TryAdd((ordered[i].SensorId, ordered[i].ObservedAt), id);
            }
        }

        var links = inputs.Select(o => stored.TryGetValue((o.SensorId, o.ObservedAt), out var id)
            ? (JsonNode)JsonValue.Create(ObservationLink(c, id))
            : JsonValue.Create("error")).ToArray();
        return Results.Text(new JsonArray(links).ToJsonString(Output), "application/json; charset=utf-8", statusCode: 201);
    }

    private IResult Stored(HttpContext c, StoredObservation observation, int status)
    {
        c.Response.Headers.Location = ObservationLink(c, observation.Id);
        return Results.Text(ObservationEntity(c, observation, expandDatastream: false).ToJsonString(Output), "application/json; charset=utf-8", statusCode: status);
    }

    private static JsonDocument? ParseJson(HttpContext c, out string? problem)
    {
        problem = null;
        if (c.Request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Send JSON (application/json), not {type}.";
            return null;
        }

        try
        {
            return JsonDocument.Parse(IngestRequest.Of(c).Body, JsonLimits);
        }
        catch (JsonException ex)
        {
            problem = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
    }

    private Observation? ReadObservation(JsonElement root, string? datastreamId, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "An Observation is a JSON object.";
            return null;
        }

        string? sensorId = datastreamId is null ? null : Unquote(datastreamId);
        if (root.TryGetProperty("Datastream", out var ds))
        {
            if (ds.ValueKind != JsonValueKind.Object || !ds.TryGetProperty("@iot.id", out var dsId) || dsId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = "Datastream must be an object with an @iot.id.";
                return null;
            }

            var bodyId = dsId.ValueKind == JsonValueKind.String ? dsId.GetString()! : dsId.GetRawText();
            if (sensorId is not null && bodyId != sensorId)
            {
                problem = $"The body names Datastream {bodyId} but was posted to Datastream {sensorId}.";
                return null;
            }

            sensorId = bodyId;
        }

        if (sensorId is null)
        {
            problem = "Datastream is required: {\"Datastream\": {\"@iot.id\": \"…\"}}.";
            return null;
        }

        if (!root.TryGetProperty("phenomenonTime", out var timeElement) || ReadTime(timeElement, "phenomenonTime", out problem) is not { } time)
        {
            problem ??= "phenomenonTime is required.";
            return null;
        }

        if (root.TryGetProperty("resultTime", out var resultTime) && resultTime.ValueKind != JsonValueKind.Null && ReadTime(resultTime, "resultTime", out problem) is null)
        {
            return null;
        }

        if (!root.TryGetProperty("result", out var resultElement) || ReadResult(resultElement, out problem) is not { } value)
        {
            problem ??= "result is required.";
            return null;
        }

        double? battery = null;
        if (root.TryGetProperty("parameters", out var parameters))
        {
            if (parameters.ValueKind != JsonValueKind.Object)
            {
                problem = "parameters must be an object.";
                return null;
            }

            if (parameters.TryGetProperty("batteryPercent", out var b))
            {
                if (b.ValueKind != JsonValueKind.Number || !b.TryGetDouble(out var percent) || percent is < 0 or > 100)
                {
                    problem = "parameters.batteryPercent must be a number from 0 to 100.";
                    return null;
                }

                battery = percent;
            }
        }

        return new Observation(sensorId, value, time, battery);
    }

    private List<Observation>? ReadDataArrays(JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            problem = "CreateObservations takes a non-empty JSON array of {Datastream, components, dataArray}.";
            return null;
        }

        var result = new List<Observation>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var where = $"[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problem = $"{where} is not an object.";
                return null;
            }

            if (!item.TryGetProperty("Datastream", out var ds) || ds.ValueKind != JsonValueKind.Object ||
                !ds.TryGetProperty("@iot.id", out var dsId) || dsId.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = $"{where}.Datastream must be an object with an @iot.id.";
                return null;
            }

            var sensorId = dsId.ValueKind == JsonValueKind.String ? dsId.GetString()! : dsId.GetRawText();
            if (FindSensor(sensorId) is null)
            {
                problem = $"{where}: no Datastream {sensorId}.";
                return null;
            }

            if (!item.TryGetProperty("components", out var componentsElement) || componentsElement.ValueKind != JsonValueKind.Array ||
                componentsElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                problem = $"{where}.components must be an array of names.";
                return null;
            }

            var components = componentsElement.EnumerateArray().Select(e => e.GetString()!).ToList();
            var unknown = components.FirstOrDefault(n => n is not ("phenomenonTime" or "result" or "resultTime" or "FeatureOfInterest/id"));
            if (unknown is not null || components.Distinct().Count() != components.Count ||
                !components.Contains("phenomenonTime") || !components.Contains("result"))
            {
                problem = $"{where}.components must name phenomenonTime and result once each, and may add resultTime and FeatureOfInterest/id.";
                return null;
            }

            if (!item.TryGetProperty("dataArray", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                problem = $"{where}.dataArray must be an array.";
                return null;
            }

            if (item.TryGetProperty("dataArray@iot.count", out var declared) &&
                (declared.ValueKind != JsonValueKind.Number || !declared.TryGetInt32(out var n) || n != rows.GetArrayLength()))
            {
                problem = $"{where}: dataArray@iot.count does not match the number of rows.";
                return null;
            }

            var row = 0;
            foreach (var values in rows.EnumerateArray())
            {
                var at = $"{where}.dataArray[{row++}]";
                if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != components.Count)
                {
                    problem = $"{at} must be an array of {components.Count} values, one per component.";
                    return null;
                }

                var cells = values.EnumerateArray().ToList();
                if (ReadTime(cells[components.IndexOf("phenomenonTime")], $"{at} phenomenonTime", out problem) is not { } time ||
                    ReadResult(cells[components.IndexOf("result")], out problem) is not { } value)
                {
                    problem = $"{at}: {problem}";
                    return null;
                }

                if (components.IndexOf("resultTime") is >= 0 and var rt && cells[rt].ValueKind != JsonValueKind.Null &&
                    ReadTime(cells[rt], $"{at} resultTime", out problem) is null)
                {
                    return null;
                }

                result.Add(new Observation(sensorId, value, time));
                if (result.Count > MaxBatchObservations)
                {
                    problem = $"At most {MaxBatchObservations} observations per CreateObservations request.";
                    return null;
                }
            }
        }

        return result;
    }

    private static DateTimeOffset? ReadTime(JsonElement element, string name, out string? problem)
    {
        problem = null;
        if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text)
        {
            if (text.Contains('/', StringComparison.Ordinal))
            {
                problem = $"{name}: time intervals are not supported; send an instant.";
                return null;
            }

            if (IsoTime.TryParse(text, out var time))
            {
                return time;
            }
        }

        problem = $"{name} must be an ISO 8601 instant with a zone, e.g. 2026-11-30T08:00:00Z.";
        return null;
    }

    private static double? ReadResult(JsonElement element, out string? problem)
    {
        problem = null;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        problem = "result must be a finite JSON number (this server stores measurements).";
        return null;
    }

    // ---- entities -------------------------------------------------------------------------------------

    private JsonObject Thing(HttpContext c, SensorState s)
    {
        var self = Link(c, "Things", s.Definition.Id);
        return new JsonObject
        {
            ["@iot.id"] = s.Definition.Id,
            ["@iot.selfLink"] = self,
            ["name"] = s.Definition.Name,
            ["description"] = $"{s.Definition.Kind.NameZh()} · {s.Definition.Kind.NameEn()}",
            ["properties"] = new JsonObject
            {
                ["kind"] = s.Definition.Kind.Slug(),
                ["subdistrict"] = district.FindSubDistrict(s.SubDistrictCode)?.Name ?? s.SubDistrictCode,
                ["health"] = s.Health.ToString(),
                ["inCorridor"] = s.InCorridor,
            },
            ["Locations@iot.navigationLink"] = self + "/Locations",
            ["Datastreams@iot.navigationLink"] = self + "/Datastreams",
        };
    }

    private static JsonObject Location(HttpContext c, SensorState s)
    {
        var self = Link(c, "Locations", s.Definition.Id);
        return new JsonObject
        {
            ["@iot.id"] = s.Definition.Id,
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
            ["definition"] = $"urn:cityops-twin:observed-property:{kind.Slug()}",
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

    private IResult Related(HttpContext c, string id, string owner, Func<SensorState, IReadOnlyList<SensorState>> related, Func<SensorState, JsonObject> entity) =>
        FindSensor(id) is { } sensor ? Collection(c, related(sensor), entity) : IngestErrors.Error(c, 404, $"No {owner} {id}.");

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
}
