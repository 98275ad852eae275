using System.Globalization;
using System.Net;
using CommandCenter.Components.Charts;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Data.Sensors;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console.Sensors;

/// <summary>
/// A sensor's readings over the last 24 hours or 30 days, read from the store (raw where it still
/// keeps them, hourly means before), drawn as an SVG line with the sensor's warning and alarm
/// levels. A gap in the readings breaks the line.
/// </summary>
public sealed partial class SensorHistoryChart : IDisposable
{
    private const double ViewWidth = 400;
    private const double ViewHeight = 124;
    private static readonly PlotArea Area = new(34, 6, 362, 100);

    /// <summary>Longer than this between two raw readings (or two hours) is a gap, not a line.</summary>
    private static readonly TimeSpan RawGap = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan HourlyGap = TimeSpan.FromHours(2);

    private CancellationTokenSource? _loading;
    private string? _loaded;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public string SensorId { get; set; } = string.Empty;

    private SensorWindow Window { get; set; } = SensorWindow.Day;

    private ChartPlot? Plot { get; set; }

    private string Name { get; set; } = string.Empty;

    private string Unit { get; set; } = string.Empty;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != SensorId)
        {
            await ShowAsync(Window);
        }
    }

    private async Task ShowAsync(SensorWindow window)
    {
        Window = window;
        _loaded = SensorId;
        Plot = null;
        if (_loading is not null)
        {
            await _loading.CancelAsync();
            _loading.Dispose();
        }

        _loading = new CancellationTokenSource();
        var ct = _loading.Token;
        var sensor = Queries.Current.Sensors.FirstOrDefault(s => s.Definition.Id == SensorId);
        Name = sensor is null ? SensorId : $"{sensor.Definition.Name} · {SensorText.Kind(sensor.Definition.Kind)}";
        Unit = sensor?.Definition.Unit ?? string.Empty;
        var to = Clock.GetUtcNow();
        var from = to - (window == SensorWindow.Day ? TimeSpan.FromDays(1) : TimeSpan.FromDays(30));
        try
        {
            var points = await Queries.GetSensorHistoryAsync(SensorId, from, to, ct);
            var levels = sensor?.Definition.Thresholds is { } t ? (t.Warning, t.Alarm) : ((double, double)?)null;
            Plot = ChartPlot.Of(points, from, to, levels);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An SVG text element: Razor reserves the <c>text</c> tag for its own use, so it is written as markup.</summary>
    private static MarkupString SvgText(double x, double y, string anchor, string cssClass, string text) =>
        new($"<text class=\"{WebUtility.HtmlEncode(cssClass)}\" x=\"{Svg(x)}\" y=\"{Svg(y)}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>");

    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
    }

    private sealed record ThresholdLine(string Kind, string Label, double Y);

    /// <summary>What the SVG draws: the line's segments, the threshold lines, and the axes' ends.</summary>
    private sealed record ChartPlot(int Count, string[] Segments, IReadOnlyList<ThresholdLine> Thresholds, double YMin, double YMax, DateTimeOffset From, DateTimeOffset To, bool HasRaw)
    {
        public static ChartPlot Of(IReadOnlyList<SensorHistoryPoint> points, DateTimeOffset from, DateTimeOffset to, (double Warning, double Alarm)? levels)
        {
            if (points.Count == 0)
            {
                return new ChartPlot(0, [], [], 0, 0, from, to, false);
            }

            // The levels are always inside the frame, so a reading is seen against them.
            var values = points.Select(p => p.Mean).Concat(levels is { } l ? [l.Warning, l.Alarm] : []).ToList();
            var (yMin, yMax) = (values.Min(), values.Max());
            var pad = Math.Max((yMax - yMin) * 0.05, 1e-6);
            (yMin, yMax) = (yMin - pad, yMax + pad);

            var line = new List<(double X, double Y)>();
            for (var i = 0; i < points.Count; i++)
            {
                if (i > 0 && points[i].At - points[i - 1].At > (points[i].IsRaw && points[i - 1].IsRaw ? RawGap : HourlyGap))
                {
                    line.Add((0, double.NaN));
                }

                line.Add(((points[i].At - from).TotalSeconds, points[i].Mean));
            }

            var segments = SvgLine.Segments(line, (0, (to - from).TotalSeconds), (yMin, yMax), Area);
            var thresholds = levels is { } lv
                ? new[] { new ThresholdLine("warning", $"{SensorText.Warning} {SensorText.Value(lv.Warning)}", SvgLine.Y(lv.Warning, yMin, yMax - yMin, Area)),
                          new ThresholdLine("alarm", $"{SensorText.Alarm} {SensorText.Value(lv.Alarm)}", SvgLine.Y(lv.Alarm, yMin, yMax - yMin, Area)) }
                : [];
            return new ChartPlot(points.Count, segments, thresholds, yMin, yMax, from, to, points.Any(p => p.IsRaw));
        }
    }
}
