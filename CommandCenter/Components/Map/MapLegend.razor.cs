using CommandCenter.Localization;
using CommandCenter.Map;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Map;

/// <summary>The map's legend, one toggle per live layer.</summary>
public partial class MapLegend
{
    private static readonly (string Key, string Zh, string En)[] Layers =
    [
        (MapLayers.Tickets, "工单", "Tickets"),
        (MapLayers.Sensors, "感知设备", "Sensors"),
        (MapLayers.Alarms, "告警", "Alarms"),
        (MapLayers.Cameras, "视频监控", "Cameras"),
        (MapLayers.Heat, "今日热线热力", "Hotline heat today"),
    ];

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
}
