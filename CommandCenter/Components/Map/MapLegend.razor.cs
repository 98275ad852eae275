using System.Globalization;
using CommandCenter.Localization;
using CommandCenter.Map;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Map;

/// <summary>
/// The map's legend: one toggle per live layer, and a key for every colour and shape the map draws.
/// Keys use the wire values of docs/hub-protocol.md; the colours are in MapLegend.razor.css and the
/// shapes mirror twinmap.js's CHANNEL_SHAPES.
/// </summary>
public partial class MapLegend
{
    private static readonly (string Key, string Zh, string En)[] Layers =
    [
        (MapLayers.Tickets, "工单", "Tickets"),
        (MapLayers.Sensors, "感知设备", "Sensors"),
        (MapLayers.Alarms, "告警", "Alarms"),
        (MapLayers.Cameras, "视频监控", "Cameras"),
        (MapLayers.Heat, "今日热线热力", "Hotline heat today"),
        (TwinMap.DroneLayer, "无人机", "Drones"),
    ];

    // Only open tickets are on the map, so closed and evaluated have no key.
    private static readonly (string Key, string Zh, string En)[] Statuses =
    [
        ("discovered", "发现", "Discovered"),
        ("filed", "立案", "Filed"),
        ("dispatched", "派遣", "Dispatched"),
        ("handling", "处置", "Handling"),
        ("review", "审核", "Review"),
    ];

    private static readonly (string Key, string Zh, string En)[] Severities =
    [
        ("info", "提示", "Info"),
        ("minor", "一般", "Minor"),
        ("major", "重要", "Major"),
        ("critical", "紧急", "Critical"),
    ];

    private static readonly (string Key, string Zh, string En, string Points)[] Channels =
    [
        ("hotline12345", "12345热线", "12345 hotline", ShapePoints(4, Math.PI / 4, 0)),
        ("gridPatrol", "网格巡查", "Grid patrol", ShapePoints(4, 0, 0)),
        ("smartCase", "智能案件", "Smart case", ShapePoints(6, 0, 0)),
        ("aiVideo", "AI视频", "AI video", ShapePoints(3, Math.PI, 0)),
        ("videoPatrol", "视频轮巡", "Video patrol", ShapePoints(5, 0, 0)),
        ("citizenApp", "随申拍", "Citizen app", ShapePoints(5, 0, 0.45)),
        ("nonPolice110", "110非警务", "110 non-police", ShapePoints(4, 0, 0.4)),
    ];

    private static readonly string AiCameraPoints = ShapePoints(3, 0, 0);

    private readonly HashSet<string> _hidden = [];

    [Parameter]
    public Lang Lang { get; set; }

    [Parameter]
    public EventCallback<(string Layer, bool Visible)> VisibilityChanged { get; set; }

    private bool IsVisible(string layer) => !_hidden.Contains(layer);

    private async Task ToggleAsync(string layer)
    {
        var visible = !IsVisible(layer);
        if (visible)
        {
            _hidden.Remove(layer);
        }
        else
        {
            _hidden.Add(layer);
        }

        await VisibilityChanged.InvokeAsync((layer, visible));
    }

    /// <summary>
    /// SVG polygon points of an OpenLayers RegularShape in a 20×20 box: <paramref name="points"/>
    /// corners, the first facing up when <paramref name="angle"/> is 0, and a star when
    /// <paramref name="inner"/> (the inner radius as a share of the outer) is above 0.
    /// </summary>
    private static string ShapePoints(int points, double angle, double inner)
    {
        const double radius = 8.5;
        var corners = inner > 0 ? points * 2 : points;
        var step = 2 * Math.PI / corners;
        return string.Join(' ', Enumerable.Range(0, corners).Select(i =>
        {
            var r = inner > 0 && i % 2 == 1 ? radius * inner : radius;
            var a = i * step - Math.PI / 2 + angle;
            return string.Create(CultureInfo.InvariantCulture, $"{r * Math.Cos(a):0.##},{r * Math.Sin(a):0.##}");
        }));
    }
}
