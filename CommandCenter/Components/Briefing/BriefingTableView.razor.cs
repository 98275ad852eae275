using CommandCenter.Briefing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CommandCenter.Components.Briefing;

/// <summary>One briefing table; a row with tickets behind it opens them (click, Enter or Space).</summary>
public sealed partial class BriefingTableView
{
    [Parameter, EditorRequired]
    public BriefingTable Table { get; set; } = default!;

    /// <summary>An event callback, so that the page showing the tickets renders once they are read.</summary>
    [Parameter, EditorRequired]
    public EventCallback<BriefingRow> Open { get; set; }

    private Task OpenAsync(BriefingRow row) => row.Trace is null ? Task.CompletedTask : Open.InvokeAsync(row);

    private Task KeyAsync(KeyboardEventArgs e, BriefingRow row) => e.Key is "Enter" or " " ? OpenAsync(row) : Task.CompletedTask;
}
