using CommandCenter.Briefing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CommandCenter.Components.Briefing;

/// <summary>One briefing table; a row with tickets behind it opens them (click, Enter or Space).</summary>
public sealed partial class BriefingTableView
{
    [Parameter, EditorRequired]
    public BriefingTable Table { get; set; } = default!;

    [Parameter, EditorRequired]
    public Func<BriefingRow, Task> Open { get; set; } = _ => Task.CompletedTask;

    private Task OpenAsync(BriefingRow row) => row.Trace is null ? Task.CompletedTask : Open(row);

    private Task KeyAsync(KeyboardEventArgs e, BriefingRow row) => e.Key is "Enter" or " " ? OpenAsync(row) : Task.CompletedTask;
}
