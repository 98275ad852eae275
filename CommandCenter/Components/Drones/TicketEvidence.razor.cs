using CommandCenter.Drones;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Domain.Drones;

namespace CommandCenter.Components.Drones;

/// <summary>
/// A ticket's evidence images (图像回传), read from the store when the ticket changes: attaching
/// evidence touches the ticket, so a new image shows with the timeline entry that records it.
/// </summary>
public sealed partial class TicketEvidence
{
    private (string? Id, DateTimeOffset At) _loaded;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Parameter, EditorRequired]
    public string TicketId { get; set; } = string.Empty;

    /// <summary>The ticket's last change; a new value reloads the list.</summary>
    [Parameter]
    public DateTimeOffset UpdatedAt { get; set; }

    private IReadOnlyList<EvidenceInfo> Items { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (TicketId, UpdatedAt))
        {
            return;
        }

        _loaded = (TicketId, UpdatedAt);
        Items = await Queries.GetEvidenceAsync(TicketId);
    }

    private static string Url(string evidenceId) => $"{DroneEndpoints.EvidencePrefix}/{Uri.EscapeDataString(evidenceId)}.jpg";
}
