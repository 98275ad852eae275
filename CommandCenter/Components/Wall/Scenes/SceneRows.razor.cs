using CommandCenter.Components.Wall.Panels;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>One line of a scene panel's list: what, its figure, and how worrying it is.</summary>
public sealed record SceneRow(string Key, string Label, string Value, IndicatorLevel Level = IndicatorLevel.Normal);

/// <summary>A scene panel: its indicators (drawn as a vital-sign panel) and its list.</summary>
public sealed record ScenePanel(PanelView View, IReadOnlyList<SceneRow> Rows);

/// <summary>The list under a scene panel's indicators.</summary>
public sealed partial class SceneRows
{
    [Parameter, EditorRequired]
    public string Key { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public IReadOnlyList<SceneRow> Rows { get; set; } = [];

    [Parameter]
    public string Empty { get; set; } = string.Empty;
}
