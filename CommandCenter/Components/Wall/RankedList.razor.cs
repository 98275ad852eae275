using Microsoft.AspNetCore.Components;
using Twin.Domain.Engine;

namespace CommandCenter.Components.Wall;

public partial class RankedList
{
    [Parameter, EditorRequired]
    public string Title { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public IReadOnlyList<RankedItem> Items { get; set; } = [];
}
