using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>The desk's queue: filtered tickets, most urgent first, with duplicate candidates, overdue and 督办 flagged.</summary>
public sealed partial class TicketQueue
{
    /// <summary>
    /// Up to this many tickets the rows render whole, in the same render as the count. Virtualize
    /// renders no row until its script has measured the viewport and called back, a round trip that
    /// on a loaded machine left "共 N 件" over an empty table for seconds (and rendered none when
    /// prerendered); only a longer list (every status, a month of history) is worth that wait.
    /// </summary>
    public const int RenderedWhole = 200;

    /// <summary>
    /// The height of every row of a virtualised queue, in CSS pixels (TicketQueue.razor.css sets
    /// the same). Blazor's Virtualize places rows by one item size: a row whose names wrap, or an
    /// inline explanation row under it, shifted the rest out of place and left blank rows where
    /// rows should be. So a long queue has rows of one line each, names ending in an ellipsis with
    /// the whole name as their tooltip, and a duplicate's explanation on its flag's tooltip (and in
    /// the case's view); a short queue keeps wrapped names and explanations inline.
    /// </summary>
    public const int VirtualRowHeight = 40;

    private bool Virtualised => Tickets.Count > RenderedWhole;

    private QueueSearchBox? _search;

    [Parameter, EditorRequired]
    public IReadOnlyList<TicketState> Tickets { get; set; } = [];

    [Parameter, EditorRequired]
    public QueueFilter Filter { get; set; } = new();

    [Parameter]
    public EventCallback<QueueFilter> FilterChanged { get; set; }

    [Parameter]
    public string? SelectedId { get; set; }

    [Parameter]
    public EventCallback<string> Selected { get; set; }

    /// <summary>Twin time, against which a step's due time is overdue.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<Choice> Channels { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<Choice> Categories { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<Choice> SubDistricts { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<Choice> Statuses { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<string, string> CategoryName { get; set; } = code => code;

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    /// <summary>Why a ticket is a duplicate candidate or was merged, in words; null for the others.</summary>
    [Parameter, EditorRequired]
    public Func<TicketState, string?> Explain { get; set; } = _ => null;

    private static Lang Lang => Language.Current;

    /// <summary>Puts the cursor in the search box (shortcut "/").</summary>
    public ValueTask FocusSearchAsync() => _search?.FocusAsync() ?? ValueTask.CompletedTask;

    private static IReadOnlyList<Choice> Priorities =>
        [new(string.Empty, ConsoleText.All),
            .. Enum.GetValues<TicketPriority>().Reverse().Select(p => new Choice(p.ToString(), ConsoleText.Priority(p, Lang)))];

    private static string Label(IReadOnlyList<Choice> choices, string? value) =>
        choices.FirstOrDefault(c => c.Value == value)?.Label ?? value ?? string.Empty;

    private string RowClass(TicketState ticket, int index)
    {
        var classes = new List<string>(3);
        if (ticket.Id == SelectedId)
        {
            classes.Add("selected");
        }

        if (ticket.PossibleDuplicateOf is not null)
        {
            classes.Add("duplicate");
        }

        if (QueueFilter.IsOverdue(ticket, Now) || ticket.SupervisionLevel > 0)
        {
            classes.Add("late");
        }

        return string.Join(' ', classes);
    }

    private Task OnRowClickAsync(TableRowClickEventArgs<TicketState> args) =>
        args.Item is { } ticket ? Selected.InvokeAsync(ticket.Id) : Task.CompletedTask;
}
