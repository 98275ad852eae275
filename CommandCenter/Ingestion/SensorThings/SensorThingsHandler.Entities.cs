using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Ingestion.Common;
using Twin.Data.Boundary;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// Onboarding: a Thing created with its Location and its Datastreams (deep insert) becomes one of
/// the twin's devices, each Datastream one sensor, registered together through
/// <see cref="ITwinCommands"/> (durable, on the wall as soon as it is answered; a refused one leaves
/// none). A Datastream's ObservedProperty says which kind of sensor it is, by its definition URI
/// or by the id of one of this server's ObservedProperties.
/// </summary>
public sealed partial class SensorThingsHandler
{
    private const string DefinitionPrefix = "urn:cityops-twin:observed-property:";
    private const int MaxNameLength = 100;
    private const int MaxDatastreamsPerThing = 16;
    private static readonly TimeSpan DefaultReportInterval = TimeSpan.FromMinutes(1);

    /// <summary>The definition URI of a kind's ObservedProperty (docs/ingestion.md lists them).</summary>
    public static string DefinitionOf(SensorKind kind) => DefinitionPrefix + kind.Slug();

    /// <summary>
    /// POST a Thing with exactly one Location (a GeoJSON Point, WGS-84) and one or more Datastreams.
    /// 201 with Location once all its sensors are on disk; 409 when a Thing or Datastream with one of
    /// its ids exists; 422 when the twin cannot take it (outside Putuo, unknown ObservedProperty, a
    /// unit other than the kind's), and then none of it is stored.
    /// </summary>
    public async Task<IResult> CreateThingAsync(HttpContext c, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        IReadOnlyList<SensorDefinition> sensors;
        using (document)
        {
            if (ReadThing(document.RootElement, out problem, out var status) is not { } read)
            {
                return IngestErrors.Error(c, status, problem!);
            }

            sensors = read;
        }

        var thingId = sensors[0].Thing;
        if (FindThing(thingId) is not null)
        {
            return IngestErrors.Error(c, 409, $"Thing {thingId} exists already.", new Dictionary<string, object?> { ["stored"] = Link(c, "Things", thingId) });
        }

        if (Taken(c, sensors) is { } taken)
        {
            return taken;
        }

        if (!district.Contains(sensors[0].Location))
        {
            return IngestErrors.Error(c, 422, $"The Location {sensors[0].Location} lies outside {district.Name}.");
        }

        var outcome = await commands.SubmitAsync(new RegisterThingCommand(sensors), ct);
        if (!outcome.Accepted)
        {
            // Two copies racing: the writer registered the first and refuses the second.
            var conflict = FindThing(thingId) is not null || sensors.Any(d => FindSensor(d.Id) is not null);
            return IngestErrors.Error(c, conflict ? 409 : 422, outcome.Reason ?? "The Thing was refused.");
        }

        c.Response.Headers.Location = Link(c, "Things", thingId);
        var thing = FindThing(thingId)!;
        var body = Thing(c, thing);
        body["Locations"] = new System.Text.Json.Nodes.JsonArray(Location(c, thing));
        body["Datastreams"] = new System.Text.Json.Nodes.JsonArray(thing.Sensors.Select(s => (System.Text.Json.Nodes.JsonNode)Datastream(c, s)).ToArray());
        return Results.Text(body.ToJsonString(Output), "application/json; charset=utf-8", statusCode: 201);
    }

    /// <summary>
    /// DELETE a Thing (every sensor of the device) or one Datastream (that sensor): it leaves the
    /// twin and the wall, an alarm it holds is cleared, and its Observations and rollups are deleted
    /// with it, in one transaction with its audit row (<c>sensor.remove</c>, the source that asked as
    /// actor); 200 once on disk, 404 for an unknown id.
    /// </summary>
    public async Task<IResult> DeleteThingAsync(HttpContext c, string id, string type, CancellationToken ct)
    {
        if (Targets(id, type) is not { } sensors)
        {
            return IngestErrors.Error(c, 404, $"No {type} {id}.");
        }

        var source = IngestRequest.Of(c).Source!;
        foreach (var sensor in sensors)
        {
            var outcome = await commands.SubmitAsync(new RemoveSensorCommand(sensor.Definition.Id, source.Actor), ct);
            if (!outcome.Accepted)
            {
                return IngestErrors.Error(c, 404, outcome.Reason ?? $"No {type} {id}.");
            }
        }

        return Results.Ok();
    }

    /// <summary>
    /// PATCH a Thing (every sensor of the device) or one Datastream: <c>name</c> renames it, a
    /// Datastream's <c>properties.reportIntervalSeconds</c> changes when it counts as stale; anything
    /// else the twin models does not change after onboarding (a moved device is a new Thing) and is refused.
    /// </summary>
    public async Task<IResult> UpdateThingAsync(HttpContext c, string id, string type, CancellationToken ct)
    {
        if (Targets(id, type) is not { } sensors)
        {
            return IngestErrors.Error(c, 404, $"No {type} {id}.");
        }

        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        string? name = null;
        TimeSpan? interval = null;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return IngestErrors.Error(c, 400, $"A {type} update is a JSON object.");
            }

            var allowed = type == "Datastream" ? new[] { "name", "description", "properties" } : ["name", "description"];
            if (root.EnumerateObject().Select(m => m.Name).FirstOrDefault(n => !allowed.Contains(n, StringComparer.Ordinal)) is { } other)
            {
                return IngestErrors.Error(c, 422, $"{other} of a {type} cannot be changed here; only {string.Join(", ", allowed)} (a moved or different device is a new Thing).");
            }

            if (root.TryGetProperty("name", out _))
            {
                name = ReadName(root, type, out problem);
                if (name is null)
                {
                    return IngestErrors.Error(c, 400, problem!);
                }
            }

            if (type == "Datastream" && root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
                properties.TryGetProperty("reportIntervalSeconds", out _))
            {
                if (ReadReportInterval(root, out problem) is not { } newInterval)
                {
                    return IngestErrors.Error(c, 400, problem!);
                }

                interval = newInterval;
            }
        }

        foreach (var sensor in sensors)
        {
            var outcome = await commands.SubmitAsync(new UpdateSensorCommand(sensor.Definition.Id, name, interval), ct);
            if (!outcome.Accepted)
            {
                return IngestErrors.Error(c, 422, outcome.Reason ?? $"The {type} update was refused.");
            }
        }

        return type == "Thing" ? Json(Thing(c, FindThing(id)!)) : Json(Datastream(c, FindSensor(id)!));
    }

    /// <summary>The sensors a Thing's or a Datastream's id names; null when there are none.</summary>
    private IReadOnlyList<SensorState>? Targets(string id, string type) =>
        type == "Thing" ? FindThing(id)?.Sensors : FindSensor(id) is { } sensor ? [sensor] : null;

    /// <summary>409 when a Datastream's id is another sensor's already.</summary>
    private IResult? Taken(HttpContext c, IEnumerable<SensorDefinition> sensors) =>
        sensors.FirstOrDefault(d => FindSensor(d.Id) is not null) is { } existing
            ? IngestErrors.Error(c, 409, $"Datastream {existing.Id} exists already.", new Dictionary<string, object?> { ["stored"] = Link(c, "Datastreams", existing.Id) })
            : null;

    private IReadOnlyList<SensorDefinition>? ReadThing(JsonElement root, out string? problem, out int status)
    {
        status = 400;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "A Thing is a JSON object.";
            return null;
        }

        if (ReadName(root, "Thing", out problem) is not { } name || ReadEntityId(root, "S-STA-", out problem) is not { } id)
        {
            return null;
        }

        if (!root.TryGetProperty("Locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() != 1)
        {
            problem = "Deep insert one Location with the Thing: \"Locations\": [{\"name\", \"encodingType\": \"application/geo+json\", \"location\": {\"type\": \"Point\", \"coordinates\": [lon, lat]}}].";
            return null;
        }

        if (ReadPoint(locations[0], out problem) is not { } point)
        {
            return null;
        }

        if (!root.TryGetProperty("Datastreams", out var datastreams) || datastreams.ValueKind != JsonValueKind.Array ||
            datastreams.GetArrayLength() is 0 or > MaxDatastreamsPerThing)
        {
            problem = $"Deep insert the Thing's 1–{MaxDatastreamsPerThing} Datastreams: \"Datastreams\": [{{\"name\", \"unitOfMeasurement\", \"ObservedProperty\", \"Sensor\"}}].";
            return null;
        }

        var sensors = new List<SensorDefinition>();
        var single = datastreams.GetArrayLength() == 1;
        foreach (var ds in datastreams.EnumerateArray())
        {
            if (ReadDatastream(ds, id, name, point, single, out problem, out status) is not { } sensor)
            {
                return null;
            }

            sensors.Add(sensor);
        }

        if (sensors.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            status = 422;
            problem = $"Two Datastreams would be {twice.Key}: give each its own \"@iot.id\" (two of the same kind need one).";
            return null;
        }

        return sensors;
    }

    /// <summary>
    /// One Datastream of Thing <paramref name="thingId"/>: a sensor whose id is the Datastream's
    /// @iot.id, else the Thing's when it is the Thing's only one (<paramref name="only"/>), else the
    /// Thing's id and the kind (S-…-noise).
    /// </summary>
    private SensorDefinition? ReadDatastream(JsonElement ds, string thingId, string thingName, GeoPoint point, bool only, out string? problem, out int status)
    {
        status = 400;
        if (ds.ValueKind != JsonValueKind.Object)
        {
            problem = "A Datastream is a JSON object.";
            return null;
        }

        if (ReadName(ds, "Datastream", out problem) is null)
        {
            return null;
        }

        if (!ds.TryGetProperty("ObservedProperty", out var property) || property.ValueKind != JsonValueKind.Object)
        {
            problem = $"The Datastream needs its ObservedProperty: {{\"definition\": \"{DefinitionPrefix}<kind>\"}} or {{\"@iot.id\": \"<kind>\"}}.";
            return null;
        }

        status = 422;
        if (KindOf(property) is not { } kind)
        {
            problem = "The ObservedProperty is none of this twin's sensor kinds; use one of the definitions " +
                string.Join(", ", Enum.GetValues<SensorKind>().Select(DefinitionOf)) + " (or its @iot.id).";
            return null;
        }

        if (ds.TryGetProperty("Sensor", out var sensor) && sensor.ValueKind == JsonValueKind.Object &&
            sensor.TryGetProperty("@iot.id", out var sensorId) && sensorId.ValueKind == JsonValueKind.String && sensorId.GetString() != kind.Slug())
        {
            problem = $"The Sensor {sensorId.GetString()} does not measure {kind.Slug()}; this server's Sensors are its kinds.";
            return null;
        }

        var unit = SensorFleet.ProfileOf(kind).Unit;
        if (ds.TryGetProperty("unitOfMeasurement", out var uom) && uom.ValueKind == JsonValueKind.Object &&
            uom.TryGetProperty("symbol", out var symbol) && symbol.ValueKind == JsonValueKind.String && symbol.GetString() != unit)
        {
            problem = $"A {kind.NameEn()} Datastream reports in {unit}, not {symbol.GetString()} (readings are not converted).";
            return null;
        }

        if (ReadReportInterval(ds, out problem) is not { } interval)
        {
            return null;
        }

        status = 400;
        var id = ds.TryGetProperty("@iot.id", out _) ? ReadEntityId(ds, "", out problem) : only ? thingId : $"{thingId}-{kind.Slug()}";
        if (id is null)
        {
            return null;
        }

        // Configured levels by the Datastream's own id, else (a device of one sensor) the Thing's, else the kind's:
        // a Thing's levels cannot serve Datastreams of different kinds.
        var configured = thresholds.CurrentValue;
        var levels = configured.For(configured.Thresholds.ContainsKey(id) || !only ? id : thingId, kind);
        if (SensorThresholdOptions.Problem(id, new ThresholdSetting { Warning = levels.Warning, Alarm = levels.Alarm, Hysteresis = levels.Hysteresis }, levels.HighIsBad) is { } levelProblem)
        {
            status = 422;
            problem = levelProblem;
            return null;
        }

        return new SensorDefinition(id, kind, thingName, point, unit, levels, interval, id == thingId ? null : thingId);
    }

    private static SensorKind? KindOf(JsonElement property)
    {
        if (property.TryGetProperty("@iot.id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return FindKind(id.GetString()!);
        }

        return property.TryGetProperty("definition", out var definition) && definition.ValueKind == JsonValueKind.String &&
            definition.GetString() is { } uri && uri.StartsWith(DefinitionPrefix, StringComparison.Ordinal) &&
            SensorKinds.TryParse(uri[DefinitionPrefix.Length..], out var kind)
            ? kind
            : null;
    }

    private static string? ReadName(JsonElement entity, string type, out string? problem)
    {
        problem = null;
        if (!entity.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String ||
            name.GetString()!.Trim() is not { Length: > 0 and <= MaxNameLength } text)
        {
            problem = $"The {type} needs a name of 1–{MaxNameLength} characters.";
            return null;
        }

        return text;
    }

    /// <summary>The client's @iot.id when it gives one (so a gateway keeps its own device ids), else a new one with <paramref name="newPrefix"/>.</summary>
    private static string? ReadEntityId(JsonElement entity, string newPrefix, out string? problem)
    {
        problem = null;
        if (!entity.TryGetProperty("@iot.id", out var id))
        {
            return newPrefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        }

        if (id.ValueKind == JsonValueKind.String && ThingId().IsMatch(id.GetString()!))
        {
            return id.GetString();
        }

        problem = "@iot.id must be a string of 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.";
        return null;
    }

    private static GeoPoint? ReadPoint(JsonElement location, out string? problem)
    {
        problem = "The Location needs \"encodingType\": \"application/geo+json\" and \"location\": {\"type\": \"Point\", \"coordinates\": [lon, lat]} (WGS-84).";
        if (location.ValueKind != JsonValueKind.Object || !location.TryGetProperty("encodingType", out var encoding) ||
            encoding.GetString() is not ("application/geo+json" or "application/vnd.geo+json") ||
            !location.TryGetProperty("location", out var geo) || geo.ValueKind != JsonValueKind.Object ||
            !geo.TryGetProperty("type", out var type) || type.GetString() != "Point" ||
            !geo.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() is < 2 or > 3 ||
            coordinates[0].ValueKind != JsonValueKind.Number || coordinates[1].ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var (lon, lat) = (coordinates[0].GetDouble(), coordinates[1].GetDouble());
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            problem = "The Location's coordinates are not a longitude and latitude.";
            return null;
        }

        problem = null;
        return new GeoPoint(lon, lat);
    }

    /// <summary>properties.reportIntervalSeconds: how often the device reports, which decides when it is stale (default 60 s).</summary>
    private static TimeSpan? ReadReportInterval(JsonElement ds, out string? problem)
    {
        problem = null;
        if (!ds.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object ||
            !properties.TryGetProperty("reportIntervalSeconds", out var seconds))
        {
            return DefaultReportInterval;
        }

        if (seconds.ValueKind == JsonValueKind.Number && seconds.TryGetInt32(out var value) && value is >= 1 and <= 86_400)
        {
            return TimeSpan.FromSeconds(value);
        }

        problem = "properties.reportIntervalSeconds must be a whole number from 1 to 86400.";
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ThingId();
}
