using System.Globalization;
using System.Text;

namespace CommandCenter.Components.Charts;

/// <summary>A rectangle of an SVG's view box that a line is drawn into.</summary>
public readonly record struct PlotArea(double Left, double Top, double Width, double Height);

/// <summary>
/// Points scaled into an SVG plot area as <c>polyline</c> point lists: the wall's sparklines and
/// the console's sensor chart draw with it. A point whose Y is not finite breaks the line, so a
/// gap in the data shows as a gap rather than a fake zero.
/// </summary>
public static class SvgLine
{
    public static string[] Segments(IReadOnlyList<(double X, double Y)> points, (double Min, double Max) x, (double Min, double Max) y, PlotArea area)
    {
        var xSpan = x.Max - x.Min > 1e-9 ? x.Max - x.Min : 1;
        var ySpan = y.Max - y.Min > 1e-9 ? y.Max - y.Min : 1;
        var segments = new List<string>();
        var current = new StringBuilder();
        foreach (var (px, py) in points)
        {
            if (!double.IsFinite(py))
            {
                Flush(segments, current);
                continue;
            }

            current.Append(CultureInfo.InvariantCulture, $"{X(px, x.Min, xSpan, area):0.##},{Y(py, y.Min, ySpan, area):0.##} ");
        }

        Flush(segments, current);
        return [.. segments];
    }

    /// <summary>The SVG y of <paramref name="value"/> in the plot area (higher values higher up).</summary>
    public static double Y(double value, double min, double span, PlotArea area) => area.Top + area.Height - (area.Height * (value - min) / span);

    public static double X(double value, double min, double span, PlotArea area) => area.Left + (area.Width * (value - min) / span);

    private static void Flush(List<string> segments, StringBuilder current)
    {
        if (current.Length > 0)
        {
            segments.Add(current.ToString().TrimEnd());
            current.Clear();
        }
    }
}
