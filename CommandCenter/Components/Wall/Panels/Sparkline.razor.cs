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
        return finite.Count == 0
            ? []
            : SvgLine.Segments([.. values.Select((v, i) => ((double)i, v))], (0, values.Count - 1), (finite.Min(), finite.Max()), Area);
    }
}
