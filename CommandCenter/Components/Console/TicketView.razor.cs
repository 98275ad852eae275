using CommandCenter.Localization;
using CommandCenter.Vocabulary;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Dispatch;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// One ticket, composed of small parts: its facts, its map, the tickets related to it, the legal
/// actions and its history. Commands go up to the page, which submits them and reports a refusal
/// back through <see cref="Refusal"/>.
/// </summary>
public sealed partial class TicketView
{
    private TicketActions? _actions;

    /// <summary>For a role that may see tickets but not act on them (a leader): no actions.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter, EditorRequired]
    public TicketState? Ticket { get; set; }

    /// <summary>The signed-in account's scope: only the actions it allows on the ticket are offered.</summary>
    [Parameter, EditorRequired]
    public AccessScope Scope { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<TicketTransition> History { get; set; } = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<RelatedTicket> Related { get; set; } = [];

    /// <summary>Open cases and sensors around the ticket, for its map.</summary>
    [Parameter]
    public IReadOnlyList<MapMarker> Surroundings { get; set; } = [];

    [Parameter, EditorRequired]
    public string Officer { get; set; } = string.Empty;

    [Parameter]
    public string? Refusal { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Whether a closed ticket still takes 满意 / 不满意; when not, <see cref="EvaluationClosedNote"/> says why none is offered.</summary>
    [Parameter]
    public bool EvaluationOpen { get; set; } = true;

    [Parameter]
    public string? EvaluationClosedNote { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<DepartmentChoice> Departments { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<string, string> CategoryName { get; set; } = code => code;

    [Parameter, EditorRequired]
    public Func<string, string> DepartmentName { get; set; } = department => department;

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    private static Lang Lang => Language.Current;

    [Parameter]
    public EventCallback<DispatchCommand> Submit { get; set; }

    /// <summary>Opens another ticket (a related one) in the view.</summary>
    [Parameter]
    public EventCallback<string> Open { get; set; }

    /// <summary>Does what the shortcut's button would do for the open ticket.</summary>
    public Task TryInvokeAsync(Shortcut shortcut) => _actions?.TryInvokeAsync(shortcut) ?? Task.CompletedTask;

    /// <summary>The status in the colour the map and its legend give it, dark text for contrast on the bright palette.</summary>
    private static string StatusChipStyle(TicketStatus status) => $"background-color: {VocabularyStyle.Color(status)}; color: #0b1622;";
}
