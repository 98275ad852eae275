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
/// Onboarding: a Thing created with its Location and its Datastream (deep insert) becomes one of
/// the twin's sensors, registered through <see cref="ITwinCommands"/> (durable, on the wall as soon
/// as it is answered). The Datastream's ObservedProperty says which kind of sensor it is, by its
/// definition URI or by the id of one of this server's ObservedProperties.
/// </summary>
public sealed partial class SensorThingsHandler
{
    private const string DefinitionPrefix = "urn:cityops-twin:observed-property:";
    private const int MaxNameLength = 100;
    private static readonly TimeSpan DefaultReportInterval = TimeSpan.FromMinutes(1);

    /// <summary>The definition URI of a kind's ObservedProperty (docs/ingestion.md lists them).</summary>
    public static string DefinitionOf(SensorKind kind) => DefinitionPrefix + kind.Slug();

    /// <summary>
    /// POST a Thing with exactly one Location (a GeoJSON Point, WGS-84) and one Datastream. 201 with
    /// Location once the sensor is on disk; 409 when a Thing with that id exists; 422 when the twin
    /// cannot take it (outside Putuo, unknown ObservedProperty, a unit other than the kind's).
    /// </summary>
    public async Task<IResult> CreateThingAsync(HttpContext c, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        SensorDefinition definition;
        using (document)
        {
            if (ReadThing(document.RootElement, out problem, out var status) is not { } read)
            {
                return IngestErrors.Error(c, status, problem!);
            }

            definition = read;
        }

        if (FindSensor(definition.Id) is not null)
        {
            return IngestErrors.Error(c, 409, $"Thing {definition.Id} exists already.", new Dictionary<string, object?> { ["stored"] = Link(c, "Things", definition.Id) });
        }

        if (!district.Contains(definition.Location))
        {
            return IngestErrors.Error(c, 422, $"The Location {definition.Location} lies outside {district.Name}.");
        }

        var outcome = await commands.SubmitAsync(new RegisterSensorCommand(definition), ct);
        if (!outcome.Accepted)
        {
            // Two copies racing: the writer registered the first and refuses the second.
            var conflict = FindSensor(definition.Id) is not null;
            return IngestErrors.Error(c, conflict ? 409 : 422, outcome.Reason ?? "The Thing was refused.");
        }

        c.Response.Headers.Location = Link(c, "Things", definition.Id);
        var sensor = FindSensor(definition.Id)!;
        var thing = Thing(c, sensor);
        thing["Locations"] = new System.Text.Json.Nodes.JsonArray(Location(c, sensor));
        thing["Datastreams"] = new System.Text.Json.Nodes.JsonArray(Datastream(c, sensor));
        return Results.Text(thing.ToJsonString(Output), "application/json; charset=utf-8", statusCode: 201);
    }

    /// <summary>
    /// DELETE a Thing (or its Datastream, the same sensor): the sensor leaves the twin and the wall,
    /// an alarm it holds is cleared, and its Observations and rollups are deleted with it, in one
    /// transaction with its audit row (<c>sensor.remove</c>, the source that asked as actor); 200 once
    /// on disk, 404 for an unknown id.
    /// </summary>
    public async Task<IResult> DeleteThingAsync(HttpContext c, string id, string type, CancellationToken ct)
    {
        if (FindSensor(id) is not { } sensor)
        {
            return IngestErrors.Error(c, 404, $"No {type} {id}.");
        }

        var source = IngestRequest.Of(c).Source!;
        var outcome = await commands.SubmitAsync(new RemoveSensorCommand(sensor.Definition.Id, source.Actor), ct);
        if (!outcome.Accepted)
        {
            return IngestErrors.Error(c, 404, outcome.Reason ?? $"No {type} {id}.");
        }

        return Results.Ok();
    }

    /// <summary>
    /// PATCH a Thing or its Datastream (the same sensor): <c>name</c> renames it, a Datastream's
    /// <c>properties.reportIntervalSeconds</c> changes when it counts as stale; anything else the
    /// twin models does not change after onboarding (a moved device is a new Thing) and is refused.
    /// </summary>
    public async Task<IResult> UpdateThingAsync(HttpContext c, string id, string type, CancellationToken ct)
    {
        if (FindSensor(id) is not { } sensor)
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

        var outcome = await commands.SubmitAsync(new UpdateSensorCommand(sensor.Definition.Id, name, interval), ct);
        return outcome.Accepted
            ? Json(type == "Thing" ? Thing(c, FindSensor(id)!) : Datastream(c, FindSensor(id)!))
            : IngestErrors.Error(c, 422, outcome.Reason ?? $"The {type} update was refused.");
    }

    private SensorDefinition? ReadThing(JsonElement root, out string? problem, out int status)
    {
        status = 400;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "A Thing is a JSON object.";
            return null;
        }

        if (ReadName(root, "Thing", out problem) is not { } name || ReadThingId(root, out problem) is not { } id)
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

        if (!root.TryGetProperty("Datastreams", out var datastreams) || datastreams.ValueKind != JsonValueKind.Array || datastreams.GetArrayLength() == 0)
        {
            problem = "Deep insert the Thing's Datastream: \"Datastreams\": [{\"name\", \"unitOfMeasurement\", \"ObservedProperty\", \"Sensor\"}].";
            return null;
        }

        if (datastreams.GetArrayLength() > 1)
        {
            status = 422;
            problem = "This twin models one Datastream per Thing (each sensor is a Thing); create one Thing per observed property.";
            return null;
        }

        return ReadDatastream(datastreams[0], id, name, point, out problem, out status);
    }

    private SensorDefinition? ReadDatastream(JsonElement ds, string id, string thingName, GeoPoint point, out string? problem, out int status)
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

        var levels = thresholds.CurrentValue.For(id, kind);
        if (SensorThresholdOptions.Problem(id, new ThresholdSetting { Warning = levels.Warning, Alarm = levels.Alarm, Hysteresis = levels.Hysteresis }, levels.HighIsBad) is { } levelProblem)
        {
            problem = levelProblem;
            return null;
        }

        status = 400;
        return new SensorDefinition(id, kind, thingName, point, unit, levels, interval);
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

    /// <summary>The client's @iot.id when it gives one (so a gateway keeps its own device ids), else a new one.</summary>
    private static string? ReadThingId(JsonElement thing, out string? problem)
    {
        problem = null;
        if (!thing.TryGetProperty("@iot.id", out var id))
        {
            return "S-STA-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
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
