using CommandCenter.Components.Wall.Panels;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Briefing;

namespace CommandCenter.Components.Briefing;

/// <summary>The period's reports a day and how many of them are closed, on the wall sparkline's geometry at a readable size.</summary>
public sealed partial class TrendChart
{
    [Parameter, EditorRequired]
    public IReadOnlyList<DayCount> Days { get; set; } = [];

    [Parameter, EditorRequired]
    public Lang Lang { get; set; }

    /// <summary>The last day with figures (today): later days of the period break the lines instead of drawing zeros.</summary>
    [Parameter, EditorRequired]
    public DateOnly Until { get; set; }

    private double Max => Days.Count == 0 ? 0 : Days.Max(d => d.Reports);

    private string[] ReportLines => Sparkline.Segments(Days.Select(d => d.Day > Until ? double.NaN : d.Reports).ToList(), 0, Max);

    private string[] ClosedLines => Sparkline.Segments(Days.Select(d => d.Day > Until ? double.NaN : d.Closed).ToList(), 0, Max);
}
