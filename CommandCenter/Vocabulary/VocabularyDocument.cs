using System.Text.Json.Serialization;
using CommandCenter.Map;
using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Vocabulary;

/// <summary>
/// Every name, colour and symbol the map draws, keyed by the hub's wire values
/// (docs/hub-protocol.md): the map module receives it in its init options and at
/// <c>GET /api/map/vocabulary.json</c>, so that it repeats none of them.
/// </summary>
public sealed record VocabularyDocument(
    IReadOnlyDictionary<string, VocabularyEntry> TicketStatus,
    IReadOnlyDictionary<string, VocabularyEntry> Channel,
    IReadOnlyDictionary<string, VocabularyEntry> Priority,
    IReadOnlyDictionary<string, VocabularyEntry> Severity,
    IReadOnlyDictionary<string, VocabularyEntry> ValueState,
    IReadOnlyDictionary<string, VocabularyEntry> Health,
    IReadOnlyDictionary<string, VocabularyEntry> SensorKind,
    IReadOnlyDictionary<string, VocabularyEntry> Layer,
    IReadOnlyDictionary<string, VocabularyEntry> Source)
{
    public const string Path = "/api/map/vocabulary.json";

    public static VocabularyDocument Current { get; } = new(
        Section<TicketStatus>(MapFeatures.Wire, s => new VocabularyEntry(Names.Of(s)) { Color = VocabularyStyle.Color(s) }),
        Section<TicketChannel>(MapFeatures.Wire, c => new VocabularyEntry(Names.Of(c)) { Shape = VocabularyStyle.Shape(c) }),
        Section<TicketPriority>(MapFeatures.Wire, p => new VocabularyEntry(Names.Of(p)) { Color = VocabularyStyle.Color(p) }),
        Section<AlarmSeverity>(MapFeatures.Wire, s => new VocabularyEntry(Names.Of(s)) { Color = VocabularyStyle.Color(s), Radius = VocabularyStyle.Radius(s) }),
        Section<Twin.Domain.Sensors.ValueState>(MapFeatures.Wire, s => new VocabularyEntry(Names.Of(s)) { Color = VocabularyStyle.Color(s) }),
        Section<SensorHealth>(MapFeatures.Wire, h => new VocabularyEntry(Names.Of(h))),
        Section<Twin.Domain.Sensors.SensorKind>(k => k.Slug(), k => new VocabularyEntry(Names.Of(k))),
        MapLayerNames.All.ToDictionary(l => l.Layer, l => new VocabularyEntry(l.Name)),
        Section<AlarmSource>(MapFeatures.Wire, s => new VocabularyEntry(Names.Of(s))));

    private static Dictionary<string, VocabularyEntry> Section<T>(Func<T, string> key, Func<T, VocabularyEntry> entry)
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(key, entry);
}

/// <summary>A name in both languages, with the colour, dot radius or shape the map draws it with, if any.</summary>
public sealed record VocabularyEntry(string Zh, string En)
{
    public VocabularyEntry(Term name)
        : this(name.Zh, name.En)
    {
    }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Color { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Radius { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChannelShape? Shape { get; init; }
}
