using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console.Sensors;

/// <summary>The button that opens and closes a sensor's chart under a list row (the alarm desk's and the search's).</summary>
public sealed partial class ReadingsToggle
{
    /// <summary>The sensor whose readings the button shows; null draws nothing (an alarm not raised by a sensor).</summary>
    [Parameter]
    public string? SensorId { get; set; }

    /// <summary>What the button opens, unique in its list.</summary>
    [Parameter, EditorRequired]
    public string Key { get; set; } = string.Empty;

    /// <summary>The key whose chart is open now, if any.</summary>
    [Parameter]
    public string? Open { get; set; }

    [Parameter, EditorRequired]
    public EventCallback<string> Toggle { get; set; }
}
