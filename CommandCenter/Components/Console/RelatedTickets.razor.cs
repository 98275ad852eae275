using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console;

/// <summary>The case a ticket belongs to, the reports merged into it and the possible duplicates, each with why.</summary>
public sealed partial class RelatedTickets
{
    [Parameter, EditorRequired]
    public IReadOnlyList<RelatedTicket> Related { get; set; } = [];

    /// <summary>Opens the related ticket in the view.</summary>
    [Parameter]
    public EventCallback<string> Open { get; set; }

    private string RoleName(Relation relation) => relation switch
    {
        Relation.Case => ConsoleText.Case,
        Relation.MergedReport => ConsoleText.MergedReport,
        Relation.Candidate => ConsoleText.PossibleDuplicate,
        _ => relation.ToString(),
    };
}
