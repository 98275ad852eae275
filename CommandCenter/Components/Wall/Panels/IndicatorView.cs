namespace CommandCenter.Components.Wall.Panels;

public enum IndicatorLevel
{
    Normal,
    Warning,
    Alarm,
}

/// <summary>One indicator of a vital-sign panel, ready to draw.</summary>
public sealed record IndicatorView(
    string Key,
    string Label,
    string Value,
    string Unit,
    IndicatorLevel Level,
    IReadOnlyList<double>? Series = null);

/// <summary>A panel's indicators and its one line of what changed.</summary>
public sealed record PanelView(string Key, string Title, string Subtitle, IReadOnlyList<IndicatorView> Indicators, string Change);
