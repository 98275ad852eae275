namespace CommandCenter.Components.Wall.Panels;

public enum IndicatorLevel
{
    Normal,
    Warning,
    Alarm,
}

/// <summary>One indicator of a vital-sign panel, ready to draw; <c>IsText</c> values are names, set smaller than figures.</summary>
public sealed record IndicatorView(
    string Key,
    string Label,
    string Value,
    string Unit,
    IndicatorLevel Level,
    IReadOnlyList<double>? Series = null,
    bool IsText = false);

/// <summary>A panel's indicators and its one line of what changed.</summary>
public sealed record PanelView(string Key, string Title, string Subtitle, IReadOnlyList<IndicatorView> Indicators, string Change);
