using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Briefing;

/// <summary>One bar.</summary>
public sealed record Bar(string Label, double Value, string Text);

/// <summary>Horizontal bars, longest = the largest value: read at a glance across a meeting room and printed as they are.</summary>
public sealed partial class BarList
{
    [Parameter, EditorRequired]
    public IReadOnlyList<Bar> Bars { get; set; } = [];

    private string Width(Bar bar)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return (max > 0 ? 100 * bar.Value / max : 0).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}
