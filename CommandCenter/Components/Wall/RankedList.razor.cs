using Microsoft.AspNetCore.Components;
using Twin.Domain.Engine;

namespace CommandCenter.Components.Wall;

public partial class RankedList
{
    [Parameter, EditorRequired]
    public string Title { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public IReadOnlyList<RankedItem> Items { get; set; } = [];

    /// <summary>The language of the items when it is not the page's (citizens' own words), for fonts and screen readers.</summary>
    [Parameter]
    public string? ItemsLang { get; set; }
}
