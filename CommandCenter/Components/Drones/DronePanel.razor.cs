using System.Collections.Immutable;
using CommandCenter.Drones;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Alarms;
using Twin.Domain.Drones;

namespace CommandCenter.Components.Drones;

/// <summary>
/// The console's drone desk: the fleet at a glance, the chosen drone's live feed, and the two
/// things an officer does with it — send it to the selected ticket or an alarm, and capture what
/// it sees onto the selected ticket as evidence. Both need <see cref="Policies.ActOnTickets"/>: a
/// leader watches the feeds without the buttons, and a call that arrives anyway is refused and audited.
/// </summary>
public sealed partial class DronePanel
{
    private string? _selectedId;
    private string? _alarmId;

    [Inject]
    private DroneDesk Desk { get; set; } = default!;

    [Inject]
    private SignedInOfficer Access { get; set; } = default!;

    /// <summary>Whether the actions are offered; the handlers check again, whatever the page showed.</summary>
    private bool MayAct { get; set; }

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

    private DroneState? Selected => Drones.FirstOrDefault(d => d.Id == _selectedId) ?? Drones.FirstOrDefault();

    private bool Busy { get; set; }

    private string? Message { get; set; }

    private bool Failed { get; set; }

    protected override async Task OnInitializedAsync() =>
        MayAct = await Access.MayActAsync();

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

        await RunAsync($"drone.send {kind}", targetId, async () =>
        {
            var (result, missionId) = await Desk.SendAsync(drone.Id, kind, targetId, Officer, CancellationToken.None);
            return (result.Accepted, result.Accepted ? DroneText.MissionAccepted(drone.Id, missionId, targetId) : result.Reason);
        });
    }

    private async Task CaptureAsync()
    {
        if (Selected is not { } drone || SelectedTicketId is not { } ticketId)
        {
            return;
        }

        await RunAsync("drone.capture " + drone.Id, ticketId, async () =>
        {
            var (result, evidenceId) = await Desk.CaptureAsync(drone.Id, ticketId, Officer, CancellationToken.None);
            return (result.Accepted, result.Accepted ? DroneText.Captured(evidenceId, ticketId) : result.Reason);
        });
    }

    private async Task RunAsync(string what, string target, Func<Task<(bool Accepted, string? Message)>> action)
    {
        if (await Access.RefusalAsync(what, target) is { } refusal)
        {
            Failed = true;
            Message = refusal;
            return;
        }

        Busy = true;
        try
        {
            var (accepted, message) = await action();
            Failed = !accepted;
            Message = message ?? DroneText.Refused;
        }
        finally
        {
            Busy = false;
        }
    }
}
