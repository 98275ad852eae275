using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Twin.Data.Pipeline;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Data.Nodes;

/// <summary>
/// A committed change set as the writer streams it to the followers (<see cref="ChangeStream"/>): what a follower's map
/// draws — the changed sensors, and the events of cases, alarms, removed sensors, drones and missions — packed in order into
/// notification payloads under PostgreSQL's 8000 bytes. Each payload is a change set of its own, so a follower applies
/// each as it comes. An item too large for a payload alone is left out: the follower's next reload brings it.
/// </summary>
public static class ChangeStreamJson
{
    /// <summary>Under pg_notify's limit of 8000 bytes, with room for the payload's frame.</summary>
    public const int MaxPayloadBytes = 7_900;

    private const int FrameBytes = 16;

    // Chinese text unescaped (a third of the bytes of \uXXXX); the notification is text, never HTML.
    // Points as [lon, lat]: a drone's 60-point trail in half the bytes of the record's own shape.
    private static readonly JsonSerializerOptions Options = new(CommandJson.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new LonLatConverter() },
    };

    /// <summary>Whether a follower's screens draw what the event changed (Map/MapBroadcaster's Collect, Drones/FleetPicture).</summary>
    public static bool Streamed(TwinEvent e) => e is TicketChanged or AlarmChanged or SensorRemoved or DroneChanged or MissionChanged;

    public static IReadOnlyList<string> Write(TwinChangeSet changes)
    {
        var payloads = new List<string>();
        var sensors = new List<string>();
        var events = new List<string>();
        var bytes = FrameBytes;

        void Add(List<string> into, string item)
        {
            var size = Encoding.UTF8.GetByteCount(item) + 1;
            if (size + FrameBytes > MaxPayloadBytes)
            {
                return;
            }

            if (bytes + size > MaxPayloadBytes)
            {
                payloads.Add(Frame(sensors, events));
                sensors.Clear();
                events.Clear();
                bytes = FrameBytes;
            }

            into.Add(item);
            bytes += size;
        }

        // Sensors first, as Collect takes them: a sensor removed in the same batch ends removed.
        foreach (var sensor in changes.ChangedSensors)
        {
            Add(sensors, JsonSerializer.Serialize(sensor, Options));
        }

        foreach (var e in changes.Events.Where(Streamed))
        {
            Add(events, new JsonObject { ["k"] = e.GetType().Name, ["v"] = JsonSerializer.SerializeToNode(e, e.GetType(), Options) }.ToJsonString(Options));
        }

        if (sensors.Count > 0 || events.Count > 0)
        {
            payloads.Add(Frame(sensors, events));
        }

        return payloads;
    }

    /// <exception cref="JsonException">The payload is not a streamed change set.</exception>
    public static TwinChangeSet Read(string payload)
    {
        var node = JsonNode.Parse(payload)?.AsObject() ?? throw new JsonException("An empty change set.");
        var sensors = node["s"]!.AsArray().Select(s => s.Deserialize<SensorState>(Options) ?? throw new JsonException("An empty sensor.")).ToList();
        var events = node["e"]!.AsArray().Select(e =>
        {
            var kind = (string?)e?["k"] ?? throw new JsonException("An event without its kind.");
            return CommandJson.Events.TryGetValue(kind, out var type)
                ? (TwinEvent)(e!["v"].Deserialize(type, Options) ?? throw new JsonException($"An empty {kind}."))
                : throw new JsonException($"{kind} is not a twin event.");
        }).ToList();
        return new TwinChangeSet(0, events, sensors);
    }

    private static string Frame(List<string> sensors, List<string> events) =>
        $"{{\"s\":[{string.Join(',', sensors)}],\"e\":[{string.Join(',', events)}]}}";

    private sealed class LonLatConverter : JsonConverter<GeoPoint>
    {
        public override GeoPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var pair = JsonSerializer.Deserialize<double[]>(ref reader, options);
            return pair is [var lon, var lat] ? new GeoPoint(lon, lat) : throw new JsonException("A point is [lon, lat].");
        }

        public override void Write(Utf8JsonWriter writer, GeoPoint value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            JsonSerializer.Serialize(writer, value.Lon, options);
            JsonSerializer.Serialize(writer, value.Lat, options);
            writer.WriteEndArray();
        }
    }
}
