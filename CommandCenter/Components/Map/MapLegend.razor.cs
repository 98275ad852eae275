using System.Globalization;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Vocabulary;
using Twin.Domain.Alarms;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Map;

/// <summary>
/// The map's legend: one toggle per live layer, and a key for every colour and shape the map draws.
/// Keys use the wire values of docs/hub-protocol.md; names, colours and shapes are the vocabulary's
/// (<see cref="Names"/>, <see cref="VocabularyStyle"/>), the same the map draws with.
/// </summary>
public partial class MapLegend
{
    /// <summary>
    /// The vocabulary's colours that the stylesheet uses beyond the keys' own swatches (the layer
    /// toggles' icons echo the symbols they switch), as CSS custom properties: the .css names no colour
    /// of the vocabulary.
    /// </summary>
    private static readonly string ColorProperties = string.Join(' ',
        Enum.GetValues<TicketStatus>().Select(s => $"--status-{MapFeatures.Wire(s)}: {VocabularyStyle.Color(s)};")
            .Concat(Enum.GetValues<AlarmSeverity>().Select(s => $"--severity-{MapFeatures.Wire(s)}: {VocabularyStyle.Color(s)};"))
            .Concat(Enum.GetValues<ValueState>().Select(s => $"--value-{MapFeatures.Wire(s)}: {VocabularyStyle.Color(s)};")));

    private readonly HashSet<string> _hidden = [];

    private static Lang Lang => Language.Current;

    private static string SensorsName => MapLayerNames.All.Single(l => l.Layer == MapLayers.Sensors).Name.Text(Lang);

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
    /// SVG polygon points of an OpenLayers RegularShape (<see cref="ChannelShape"/>) in a 20×20 box.
    /// </summary>
    private static string ShapePoints(ChannelShape shape)
    {
        const double radius = 8.5;
        var (points, angle, inner) = (shape.Points, shape.Angle, shape.Inner ?? 0);
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
