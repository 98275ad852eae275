using Microsoft.AspNetCore.Components;
using Twin.Domain.Dispatch;

namespace CommandCenter.Components.Console;

/// <summary>一网评效: one row per department or per 街镇, as the engine computed it.</summary>
public sealed partial class EvaluationTable
{
    [Parameter, EditorRequired]
    public IReadOnlyList<EvaluationRow> Rows { get; set; } = [];

    /// <summary>"department" or "subdistrict", for tests and styling.</summary>
    [Parameter, EditorRequired]
    public string Kind { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string KeyHeader { get; set; } = string.Empty;

    /// <summary>The row's name in the page's language; the engine's (Chinese) name unless given.</summary>
    [Parameter]
    public Func<EvaluationRow, string> Label { get; set; } = row => row.Name;
}
