using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console;

/// <summary>The case a ticket belongs to, the reports merged into it and the possible duplicates, each with why.</summary>
public sealed partial class RelatedTickets
{
    [Parameter, EditorRequired]
    public IReadOnlyList<RelatedTicket> Related { get; set; } = [];

    private static Lang Lang => Language.Current;

    /// <summary>Opens the related ticket in the view.</summary>
    [Parameter]
    public EventCallback<string> Open { get; set; }

    private string RoleName(Relation relation) => relation switch
    {
        Relation.Case => Lang.Pick("主案", "Case"),
        Relation.MergedReport => Lang.Pick("并入报告", "Merged report"),
        Relation.Candidate => Lang.Pick("疑似重复", "Possible duplicate"),
        _ => relation.ToString(),
    };
}
