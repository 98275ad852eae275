using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console.Intake;

/// <summary>One field's validation message, beside the field.</summary>
public sealed partial class Problem
{
    /// <summary>The field whose problem is shown.</summary>
    [Parameter, EditorRequired]
    public string For { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();
}
