using CommandCenter.Map;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Vocabulary;

/// <summary>The map's layers as the legend's toggles and the map's popups name them.</summary>
public static class MapLayerNames
{
    public const string Stations = "stations";

    public static IReadOnlyList<(string Layer, Term Name)> All { get; } =
    [
        (MapLayers.Tickets, new("工单", "Tickets")),
        (MapLayers.Sensors, new("感知设备", "Sensors")),
        (MapLayers.Alarms, new("告警", "Alarms")),
        (MapLayers.Cameras, new("视频监控", "Cameras")),
        (MapLayers.Heat, new("今日热线热力", "Hotline heat today")),
        (MapLayers.Drones, new("无人机", "Drones")),
        (Stations, new("地铁站", "Metro stations")),
    ];

    /// <summary>The layers the legend switches on and off (the stations belong to the basemap).</summary>
    public static IEnumerable<(string Layer, Term Name)> Toggles => All.Where(l => l.Layer != Stations);
}
