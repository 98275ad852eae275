using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Twin.Data.Alarms;
using Twin.Data.Boundary;
using Twin.Domain.Alarms;
using Twin.Domain.Engine;

namespace Twin.Data.Nodes;

/// <summary>
/// Commands and their outcomes as they cross from a follower node to the writer through the inbox:
/// each as JSON of its own type, named by the type's name (the command and event types are the
/// engine's sealed records, unique by name). The JSON is the records' own shape, so nothing is
/// lost that the writer needs: the command's scope, its idempotency key's parts, the outcome's changes.
/// </summary>
public static class CommandJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new AlarmAreaConverter() },
        IncludeFields = false,
    };

    private static readonly FrozenDictionary<string, Type> Commands = ConcreteTypes(typeof(TwinCommand));
    internal static readonly FrozenDictionary<string, Type> Events = ConcreteTypes(typeof(TwinEvent));

    public static (string Kind, string Body) Write(TwinCommand command) =>
        (command.GetType().Name, JsonSerializer.Serialize(command, command.GetType(), Options));

    /// <exception cref="JsonException">The kind is not a command or the body is not one.</exception>
    public static TwinCommand Read(string kind, string body) =>
        Commands.TryGetValue(kind, out var type)
            ? (TwinCommand)(JsonSerializer.Deserialize(body, type, Options) ?? throw new JsonException($"An empty {kind}."))
            : throw new JsonException($"{kind} is not a twin command.");

    public static string WriteOutcome(CommandOutcome outcome)
    {
        var node = new JsonObject
        {
            ["kind"] = outcome.Kind.ToString(),
            ["reason"] = outcome.Reason,
            ["why"] = outcome.Why is null ? null : JsonSerializer.SerializeToNode(outcome.Why, Options),
            ["id"] = outcome.Id,
            ["observationId"] = outcome.ObservationId,
            ["forbidden"] = outcome.Forbidden,
            ["changes"] = new JsonArray([.. outcome.Changes.Select(e => (JsonNode)new JsonObject
            {
                ["kind"] = e.GetType().Name,
                ["event"] = JsonSerializer.SerializeToNode(e, e.GetType(), Options),
            })]),
        };
        return node.ToJsonString();
    }

    public static CommandOutcome ReadOutcome(string text)
    {
        var node = JsonNode.Parse(text)!.AsObject();
        return new CommandOutcome
        {
            Kind = Enum.Parse<OutcomeKind>((string)node["kind"]!),
            Reason = (string?)node["reason"],
            Why = node["why"]?.Deserialize<Refusal>(Options),
            Id = (string?)node["id"],
            ObservationId = (long?)node["observationId"],
            Forbidden = (bool)node["forbidden"]!,
            Changes = [.. node["changes"]!.AsArray().Select(c => (TwinEvent)c!["event"].Deserialize(Events[(string)c["kind"]!], Options)!)],
        };
    }

    private static FrozenDictionary<string, Type> ConcreteTypes(Type root) =>
        root.Assembly.GetTypes().Where(t => !t.IsAbstract && root.IsAssignableFrom(t)).ToFrozenDictionary(t => t.Name);

    /// <summary>An area has no public constructor: it travels in the store's own form.</summary>
    private sealed class AlarmAreaConverter : JsonConverter<AlarmArea>
    {
        public override AlarmArea Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            AlarmAreaJson.Read(JsonDocument.ParseValue(ref reader).RootElement.GetRawText());

        public override void Write(Utf8JsonWriter writer, AlarmArea value, JsonSerializerOptions options) =>
            JsonDocument.Parse(AlarmAreaJson.Write(value)).RootElement.WriteTo(writer);
    }
}
