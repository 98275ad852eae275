using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Wall.Panels;

/// <summary>A tiny SVG line of recent hours; hours without data break the line rather than fake a zero.</summary>
public partial class Sparkline
{
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
    /// The polylines of <paramref name="values"/> in a 100 × 24 box scaled to [<paramref name="min"/>,
    /// <paramref name="max"/>]: several series share one scale (the briefing's trend chart).
    /// </summary>
    public static string[] Segments(IReadOnlyList<double> values, double min, double max)
    {
        var span = max - min > 1e-9 ? max - min : 1;
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                Flush(segments, current);
                continue;
            }

            var x = 100.0 * i / (values.Count - 1);
            var y = 22 - 20 * (values[i] - min) / span;
            current.Append(CultureInfo.InvariantCulture, $"{x:0.##},{y:0.##} ");
        }

        Flush(segments, current);
        return [.. segments];
    }

    private static void Flush(List<string> segments, StringBuilder current)
    {
        if (current.Length > 0)
        {
            segments.Add(current.ToString().TrimEnd());
            current.Clear();
        }
    }
}
