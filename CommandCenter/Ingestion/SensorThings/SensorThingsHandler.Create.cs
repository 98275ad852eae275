using System.Text.Json;
using CommandCenter.Ingestion.Common;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace CommandCenter.Ingestion.SensorThings;

/// <summary>
/// Standalone creates, as an integrator onboards step by step: a Datastream added to a Thing that
/// exists (one more sensor of that device); Sensors, ObservedProperties and Locations, which this
/// twin does not hold apart from its devices: a Sensor or ObservedProperty naming one of its kinds
/// answers that kind's entity (200, nothing created twice), a Location answers the place of the
/// Things it links to; anything else is refused with problem details and nothing is stored.
/// </summary>
public sealed partial class SensorThingsHandler
{
    /// <summary>How far (degrees, ≈ 0.1 m) a Location may lie from its Thing's and still be the same place.</summary>
    private const double SamePlaceDegrees = 1e-6;

    /// <summary>
    /// POST a Datastream of an existing Thing (by <c>"Thing": {"@iot.id"}</c>, or the Thing in the
    /// path): 201 with Location once the new sensor is on disk; 409 when its id is taken; 422 when
    /// the Thing does not exist or the twin refuses the Datastream.
    /// </summary>
    public async Task<IResult> CreateDatastreamAsync(HttpContext c, string? thingIdInPath, CancellationToken ct)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        SensorDefinition sensor;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return IngestErrors.Error(c, 400, "A Datastream is a JSON object.");
            }

            if ((thingIdInPath ?? LinkedId(root, "Thing")) is not { } thingId)
            {
                return IngestErrors.Error(c, 400, "Link the Datastream to its Thing: \"Thing\": {\"@iot.id\": \"…\"} (or POST the Thing with it as a deep insert).");
            }

            if (FindThing(thingId) is not { } thing)
            {
                return IngestErrors.Error(c, thingIdInPath is null ? 422 : 404, $"No Thing {Unquote(thingId)}.");
            }

            var first = thing.Sensors[0].Definition;
            if (ReadDatastream(root, thing.Id, first.Name, first.Location, only: false, out problem, out var status) is not { } read)
            {
                return IngestErrors.Error(c, status, problem!);
            }

            sensor = read;
        }

        if (Taken(c, [sensor]) is { } taken)
        {
            return taken;
        }

        var outcome = await commands.SubmitAsync(new RegisterSensorCommand(sensor), ct);
        if (!outcome.Accepted)
        {
            return IngestErrors.Error(c, FindSensor(sensor.Id) is not null ? 409 : 422, outcome.Reason ?? "The Datastream was refused.");
        }

        c.Response.Headers.Location = Link(c, "Datastreams", sensor.Id);
        return Results.Text(Datastream(c, FindSensor(sensor.Id)!).ToJsonString(Output), "application/json; charset=utf-8", statusCode: 201);
    }

    /// <summary>POST an ObservedProperty: one whose definition (or @iot.id) is a kind's answers that kind's (200 with Location); any other is 422.</summary>
    public IResult CreateObservedProperty(HttpContext c) => CreateKindEntity(c, observedProperty: true);

    /// <summary>POST a Sensor: one whose @iot.id or <c>properties.kind</c> is a kind's answers that kind's (200 with Location); any other is 422.</summary>
    public IResult CreateSensor(HttpContext c) => CreateKindEntity(c, observedProperty: false);

    /// <summary>
    /// POST a Location linked to Things (<c>"Things": [{"@iot.id"}]</c>): when it is where they are,
    /// 200 with their Location; a different place is 422 (a moved device is a new Thing), and so is
    /// a Location without a Thing (this twin keeps places only of its devices: deep insert it with the Thing).
    /// </summary>
    public IResult CreateLocation(HttpContext c)
    {
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || ReadName(root, "Location", out problem) is null || ReadPoint(root, out problem) is not { } point)
            {
                return IngestErrors.Error(c, 400, problem ?? "A Location is a JSON object.");
            }

            if (!root.TryGetProperty("Things", out var links) || links.ValueKind != JsonValueKind.Array || links.GetArrayLength() == 0)
            {
                return IngestErrors.Error(c, 422, "This twin keeps a Location only as the place of a Thing: POST the Thing with its Location (deep insert), or link this one to Things where they are: \"Things\": [{\"@iot.id\": \"…\"}].");
            }

            var things = new List<ThingView>();
            foreach (var link in links.EnumerateArray())
            {
                if (LinkedId(link) is not { } id)
                {
                    return IngestErrors.Error(c, 400, "Each of the Location's Things is {\"@iot.id\": \"…\"}.");
                }

                if (FindThing(id) is not { } thing)
                {
                    return IngestErrors.Error(c, 422, $"No Thing {id}.");
                }

                var at = thing.Sensors[0].Definition.Location;
                if (Math.Abs(at.Lon - point.Lon) > SamePlaceDegrees || Math.Abs(at.Lat - point.Lat) > SamePlaceDegrees)
                {
                    return IngestErrors.Error(c, 422, $"Thing {thing.Id} is at {at}, not {point}: a moved device is a new Thing (DELETE it and POST it where it now is).");
                }

                things.Add(thing);
            }

            c.Response.Headers.Location = Link(c, "Locations", things[0].Id);
            return Json(Location(c, things[0]));
        }
    }

    private IResult CreateKindEntity(HttpContext c, bool observedProperty)
    {
        var type = observedProperty ? "ObservedProperty" : "Sensor";
        if (ParseJson(c, out var problem) is not { } document)
        {
            return IngestErrors.Error(c, 400, problem!);
        }

        SensorKind? kind;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return IngestErrors.Error(c, 400, $"A {type} is a JSON object.");
            }

            // The standard's mandatory properties, so a malformed entity is a client error whatever it names.
            string[] required = observedProperty ? ["name", "definition", "description"] : ["name", "description", "encodingType", "metadata"];
            if (required.FirstOrDefault(p => !root.TryGetProperty(p, out var v) || v.ValueKind != JsonValueKind.String) is { } missing)
            {
                return IngestErrors.Error(c, 400, $"A {type} needs {string.Join(", ", required)} (strings); {missing} is missing.");
            }

            kind = observedProperty ? KindOf(root) : SensorKindOf(root);
        }

        if (kind is not { } known)
        {
            return IngestErrors.Error(c, 422, $"This twin's {(observedProperty ? "ObservedProperties" : "Sensors")} are its sensor kinds; name one " +
                (observedProperty ? "by its definition: " + string.Join(", ", Enum.GetValues<SensorKind>().Select(DefinitionOf)) : "by @iot.id or properties.kind: " + string.Join(", ", Enum.GetValues<SensorKind>().Select(k => k.Slug()))) + ".");
        }

        c.Response.Headers.Location = Link(c, observedProperty ? "ObservedProperties" : "Sensors", known.Slug());
        return Json(observedProperty ? ObservedProperty(c, known) : SensorEntity(c, known));
    }

    private static SensorKind? SensorKindOf(JsonElement sensor)
    {
        if (sensor.TryGetProperty("@iot.id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return FindKind(id.GetString()!);
        }

        return sensor.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
            properties.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
            ? FindKind(kind.GetString()!)
            : null;
    }

    /// <summary>The @iot.id of a linked entity (<c>"Thing": {"@iot.id": …}</c>), or of the element itself when no property is named.</summary>
    private static string? LinkedId(JsonElement element, string? property = null)
    {
        if (property is not null && !element.TryGetProperty(property, out element))
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("@iot.id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}
