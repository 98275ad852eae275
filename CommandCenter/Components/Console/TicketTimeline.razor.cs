using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>A ticket's append-only history, oldest first. Notes are the engine's words, in Chinese; a drone's turning back reads in the page's language.</summary>
public sealed partial class TicketTimeline
{
    [Parameter, EditorRequired]
    public IReadOnlyList<TicketTransition> History { get; set; } = [];

    private static Lang Lang => Language.Current;
}
