using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Wall.Panels;

public partial class VitalSignPanel
{
    [Parameter, EditorRequired]
    public PanelView View { get; set; } = default!;

    /// <summary>True when the data behind the panel is older than it should be.</summary>
    [Parameter]
    public bool Stale { get; set; }

    [Parameter]
    public string StaleLabel { get; set; } = "数据延迟";

    /// <summary>True when a presenter points the room at this panel.</summary>
    [Parameter]
    public bool Highlighted { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }
}
