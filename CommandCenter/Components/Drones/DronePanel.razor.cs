using System.Collections.Immutable;
using CommandCenter.Drones;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Twin.Data.Boundary;
using Twin.Domain.Alarms;
using Twin.Domain.Drones;
using Twin.Domain.Tickets;
using CommandCenter.Components.Console;

namespace CommandCenter.Components.Drones;

/// <summary>
/// The console's drone desk: the fleet at a glance, the chosen drone's live feed, and the two
/// things an officer does with it — send it to the selected ticket or an alarm, and capture what
/// it sees onto the selected ticket as evidence. Both go through <see cref="IOfficerCommands"/>: a
/// leader watches the feeds without the buttons, and a call that arrives anyway is refused and audited.
/// </summary>
public sealed partial class DronePanel
{
    private string? _selectedId;
    private string? _alarmId;
    private ElementReference _messageView;
    private bool _revealMessage;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private DroneDesk Desk { get; set; } = default!;

    [Inject]
    private IOfficerCommands Commands { get; set; } = default!;

    [Inject]
    private IOfficerIdentity Identity { get; set; } = default!;

    /// <summary>
    /// Whether the actions are offered: to a role that acts, of the command hall (drones are the
    /// centre's; a department or 街镇 would only be refused). The engine checks again, whatever the page showed.
    /// </summary>
    private bool MayAct { get; set; }

    /// <summary>Why no actions are offered: the role only looks, or the drones are another organisation's to fly.</summary>
    private string ReadOnlyReason { get; set; } = DroneText.ReadOnly;

    /// <summary>Whether the page is ready (its circuit interactive): until then a click would be lost, so the actions stay disabled.</summary>
    [Parameter]
    public bool Ready { get; set; } = true;

    [Parameter]
    public ImmutableArray<DroneState> Drones { get; set; } = [];

    [Parameter]
    public ImmutableArray<MissionState> Missions { get; set; } = [];

    [Parameter]
    public ImmutableArray<AlarmState> Alarms { get; set; } = [];

    [Parameter]
    public string? SelectedTicketId { get; set; }

    [Parameter]
    public string Officer { get; set; } = string.Empty;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    /// <summary>
    /// Why the engine would refuse a capture now (no ticket, a closed one, nobody signed in), or null
    /// when it would take it: the button is disabled with this as its tooltip instead of failing after the click.
    /// The picture holds every open ticket, so one missing from it is closed (or unknown).
    /// </summary>
    private string? CaptureRefusal =>
        SelectedTicketId is not { } ticketId ? DroneText.SelectTicketFirst
        : string.IsNullOrWhiteSpace(Officer) ? DroneText.NoOfficer
        : Queries.Current.Tickets.Any(t => t.Id == ticketId && t.Status.IsOpen()) ? null
        : DroneText.TicketClosedForEvidence(ticketId);

    private DroneState? Selected => Drones.FirstOrDefault(d => d.Id == _selectedId) ?? Drones.FirstOrDefault();

    private bool Busy { get; set; }

    private string? Message { get; set; }

    private bool Failed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var mayAct = await Commands.MayActAsync();
        MayAct = mayAct && (await Identity.GetScopeAsync()).MayCommandHall;
        ReadOnlyReason = mayAct && !MayAct ? DroneText.CommandHallOnly : DroneText.ReadOnly;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_revealMessage && Message is not null)
        {
            _revealMessage = false;
            await Reveal.IntoViewAsync(JS, _messageView);
        }
    }

    private void Select(string droneId)
    {
        _selectedId = droneId;
        Message = null;
    }

    private Task SendToTicketAsync() => SendAsync(MissionKind.TicketFlight, SelectedTicketId);

    private Task SendToAlarmAsync() => SendAsync(MissionKind.AlarmFlight, _alarmId);

    private async Task SendAsync(MissionKind kind, string? targetId)
    {
        if (Selected is not { } drone || targetId is null)
        {
            return;
        }

        await RunAsync(DroneDesk.SendCommand(drone.Id, kind, targetId, Officer),
            outcome => DroneText.MissionAccepted(drone.Id, outcome.Id, targetId));
    }

    private async Task CaptureAsync()
    {
        if (Selected is not { } drone || SelectedTicketId is not { } ticketId)
        {
            return;
        }

        if (Desk.CaptureCommand(drone.Id, ticketId, Officer) is not { } capture)
        {
            Failed = true;
            Message = DroneText.UnknownDrone(drone.Id);
            return;
        }

        await RunAsync(capture, outcome => DroneText.Captured(outcome.Id, ticketId));
    }

    private async Task RunAsync(Twin.Domain.Engine.TwinCommand command, Func<CommandOutcome, string> done)
    {
        Busy = true;
        try
        {
            var outcome = await Commands.SubmitAsync(command, CancellationToken.None);
            Failed = !outcome.Accepted;
            Message = outcome.Accepted ? done(outcome) : RefusalText.Of(outcome, DroneText.Refused);

            // The answer sits under the feed, at the pane's bottom edge: scrolled into view once rendered.
            _revealMessage = true;
        }
        finally
        {
            Busy = false;
        }
    }
}
