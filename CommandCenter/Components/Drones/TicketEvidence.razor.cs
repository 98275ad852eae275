using CommandCenter.Drones;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Twin.Data.Boundary;
using Twin.Domain.Drones;

namespace CommandCenter.Components.Drones;

/// <summary>
/// A ticket's evidence images (图像回传), read from the store when the ticket changes: attaching
/// evidence touches the ticket, so a new image shows with the timeline entry that records it, and
/// is scrolled into view: at the pane's bottom edge its caption would be cut off.
/// </summary>
public sealed partial class TicketEvidence
{
    private (string? Id, DateTimeOffset At) _loaded;
    private ElementReference _list;
    private bool _revealNewest;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

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

        var sameTicket = _loaded.Id == TicketId;
        var before = Items.Count;
        _loaded = (TicketId, UpdatedAt);
        Items = await Queries.GetEvidenceAsync(TicketId);

        // Only an image added while the ticket is open on screen: opening a ticket leaves the pane at its top.
        _revealNewest = sameTicket && Items.Count > before;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_revealNewest)
        {
            _revealNewest = false;
            await Reveal.IntoViewAsync(JS, _list, last: true);
        }
    }

    private static string Url(string evidenceId) => $"{DroneEndpoints.EvidencePrefix}/{Uri.EscapeDataString(evidenceId)}.jpg";
}
