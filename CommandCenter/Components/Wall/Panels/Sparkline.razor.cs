using CommandCenter.Components.Charts;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Wall.Panels;

/// <summary>A tiny SVG line of recent hours; hours without data break the line rather than fake a zero.</summary>
public partial class Sparkline
{
    private static readonly PlotArea Area = new(0, 2, 100, 20);

    [Parameter]
    public IReadOnlyList<double>? Values { get; set; }

    private string[]? Points { get; set; }

    protected override void OnParametersSet() => Points = Values is { Count: > 1 } values ? Segments(values) : null;

    private static string[] Segments(IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? [] : Segments(values, finite.Min(), finite.Max());
    }

    /// <summary>
    /// The polylines of <paramref name="values"/> in the sparkline's 100 × 24 box scaled to
    /// [<paramref name="min"/>, <paramref name="max"/>]: several series share one scale (the briefing's trend chart).
    /// </summary>
    public static string[] Segments(IReadOnlyList<double> values, double min, double max) =>
        SvgLine.Segments([.. values.Select((v, i) => ((double)i, v))], (0, values.Count - 1), (min, max), Area);
}
