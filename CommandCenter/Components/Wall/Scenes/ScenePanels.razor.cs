using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Wall.Scenes;

/// <summary>A column of a scene: each panel's indicators with its list under them.</summary>
public sealed partial class ScenePanels
{
    [Parameter, EditorRequired]
    public IReadOnlyList<ScenePanel> Panels { get; set; } = [];

    [Parameter]
    public bool Stale { get; set; }

    /// <summary>The panel a presenter points the room at (its key), or null.</summary>
    [Parameter]
    public string? Highlight { get; set; }
}
