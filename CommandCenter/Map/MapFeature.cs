using System.Text.Json.Serialization;

namespace CommandCenter.Map;

/// <summary>A GeoJSON Point feature as it travels through the hub (see docs/hub-protocol.md).</summary>
public sealed record MapFeature(
    string Id,
    PointGeometry Geometry,
    IReadOnlyDictionary<string, object?> Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";
}

public sealed record PointGeometry(double[] Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Point";
}

public sealed record FeatureCollection(IReadOnlyList<MapFeature> Features)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

public sealed record FeatureRemoval(string Layer, string Id);

public sealed record MapSnapshot(long Seq, DateTimeOffset At, IReadOnlyDictionary<string, FeatureCollection> Layers);

public sealed record MapDelta(long Seq, DateTimeOffset At, IReadOnlyList<MapFeature> Upserts, IReadOnlyList<FeatureRemoval> Removals);

public static class MapLayers
{
    public const string Tickets = "tickets";
    public const string Sensors = "sensors";
    public const string Alarms = "alarms";
    public const string Cameras = "cameras";
    public const string Heat = "heat";

    /// <summary>The layers that a snapshot carries; cameras are static and fetched once.</summary>
    public static IReadOnlyList<string> Live { get; } = [Tickets, Sensors, Alarms, Heat];
}
